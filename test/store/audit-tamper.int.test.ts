import { type Kysely, sql } from "kysely";
import { expect, it } from "vitest";
import { verifyAuditChain } from "../../src/app/verify-audit-chain.ts";
import type { AuditEntry } from "../../src/core/audit/audit-entry.ts";
import { sealAuditEntry } from "../../src/core/audit/audit-hash.ts";
import { appendAudit } from "../../src/store/audit/append-audit.ts";
import { createStore } from "../../src/store/create-store.ts";
import type { Database } from "../../src/store/database.ts";
import { withTransaction } from "../../src/store/with-transaction.ts";
import { describeEachEngine, withAuditTriggersDisabled } from "../support/databases.ts";

function buildEntry(newValue: string): AuditEntry {
  return {
    at: new Date("2026-01-31T09:15:00.000Z"),
    actor: { kind: "user", id: "marie" },
    entity: { type: "customer", id: "C-001" },
    field: "legalName",
    action: "update",
    oldValue: "Old SRL",
    newValue,
    reason: null,
  };
}

/** Each way of tampering, on a fresh log of five records; `expected` is what verification must report. */
const tamperings: ReadonlyArray<{
  readonly name: string;
  readonly tamper: (db: Kysely<Database>) => Promise<void>;
  readonly expected: { readonly seq: number; readonly reason: string };
}> = [
  {
    name: "a value edited in place",
    tamper: (db) =>
      sql`update audit_log set new_value = '"Forged SRL"' where seq = 3`.execute(db).then(() => {}),
    expected: { seq: 3, reason: "hash-mismatch" },
  },
  {
    name: "an actor edited in place",
    tamper: (db) =>
      sql`update audit_log set actor_id = 'someone-else' where seq = 2`.execute(db).then(() => {}),
    expected: { seq: 2, reason: "hash-mismatch" },
  },
  {
    name: "a record rewritten with a freshly computed hash",
    tamper: async (db) => {
      // Record 3 was appended as buildEntry("name 3"); the forger re-seals it with another value.
      const second = await db
        .selectFrom("audit_log")
        .select("hash")
        .where("seq", "=", 2n)
        .executeTakeFirstOrThrow();
      const forged = sealAuditEntry(buildEntry("Forged SRL"), 3, second.hash);
      await db
        .updateTable("audit_log")
        .set({ new_value: forged.newValue, hash: forged.hash })
        .where("seq", "=", 3n)
        .execute();
    },
    expected: { seq: 4, reason: "prev-hash-mismatch" },
  },
  {
    name: "a record deleted from the middle",
    tamper: (db) =>
      db
        .deleteFrom("audit_log")
        .where("seq", "=", 3n)
        .execute()
        .then(() => {}),
    expected: { seq: 4, reason: "seq-gap" },
  },
  {
    name: "two records edited (the first one is named)",
    tamper: (db) =>
      sql`update audit_log set reason = 'forged' where seq in (2, 4)`.execute(db).then(() => {}),
    expected: { seq: 2, reason: "hash-mismatch" },
  },
];

for (const { name, tamper, expected } of tamperings) {
  describeEachEngine(`audit verification after ${name}`, (engine) => {
    it(`fails and names seq ${expected.seq} (${expected.reason})`, async () => {
      for (let index = 1; index <= 5; index += 1) {
        await withTransaction(engine.db, (trx) => appendAudit(trx, [buildEntry(`name ${index}`)]));
      }
      const auditChain = createStore(engine.db);
      expect(await verifyAuditChain({ auditChain })).toMatchObject({ ok: true, count: 5 });
      await withAuditTriggersDisabled(engine, () => tamper(engine.db));
      expect(await verifyAuditChain({ auditChain })).toEqual({
        ok: false,
        ...expected,
        detail: expect.any(String),
      });
      // The triggers are back: the tampering needed the owner's deliberate DDL.
      await expect(sql`delete from audit_log where seq = 1`.execute(engine.db)).rejects.toThrow(
        /append-only/,
      );
    });
  });
}

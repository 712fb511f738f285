import { sql } from "kysely";
import { expect, it } from "vitest";
import { verifyAuditChain } from "../../src/app/verify-audit-chain.ts";
import type { AuditEntry } from "../../src/core/audit/audit-entry.ts";
import { appendAudit } from "../../src/store/audit/append-audit.ts";
import { createStore } from "../../src/store/create-store.ts";
import { withTransaction } from "../../src/store/with-transaction.ts";
import { describeEachEngine } from "../support/databases.ts";

const WRITERS = 4;
const TRANSACTIONS_PER_WRITER = 6;
const ENTRIES_PER_TRANSACTION = 3;

function entry(writer: number, transaction: number, index: number): AuditEntry {
  return {
    at: new Date("2026-03-01T12:00:00.000Z"),
    actor: { kind: "api-token", id: `writer-${writer}` },
    entity: { type: "invoice", id: `${writer}-${transaction}` },
    field: "status",
    action: "status",
    oldValue: index,
    newValue: index + 1,
    reason: null,
  };
}

describeEachEngine("concurrent audit appends", (engine) => {
  it("keep one linear chain when several connections append at once", async () => {
    // PostgreSQL: one pool per writer, so the transactions really overlap on separate connections. SQLite: one
    // process has one connection (a second one would block the thread while waiting for the lock), so the writers'
    // transactions overlap as promises and the connection runs them one at a time.
    const handles = Array.from({ length: WRITERS }, () =>
      engine.dialect === "postgres" ? engine.open().db : engine.db,
    );
    const work = handles.flatMap((db, writer) =>
      Array.from({ length: TRANSACTIONS_PER_WRITER }, (_, transaction) =>
        withTransaction(db, async (trx) => {
          // Work before the append widens the window in which the transactions overlap.
          if (engine.dialect === "postgres") await sql`select pg_sleep(0.01)`.execute(trx);
          const entries = Array.from({ length: ENTRIES_PER_TRANSACTION }, (_, index) =>
            entry(writer, transaction, index),
          );
          return appendAudit(trx, entries);
        }),
      ),
    );
    const results = await Promise.all(work);
    const total = WRITERS * TRANSACTIONS_PER_WRITER * ENTRIES_PER_TRANSACTION;
    const seqs = results.flat().map((record) => record.seq);
    expect(new Set(seqs).size).toBe(total);
    for (const records of results) {
      // One transaction's entries are contiguous: nobody slipped in between them.
      expect(records.map((record) => record.seq - (records[0]?.seq ?? 0))).toEqual([0, 1, 2]);
    }
    expect(await verifyAuditChain({ auditChain: createStore(engine.db) })).toMatchObject({
      ok: true,
      count: total,
    });
  });
});

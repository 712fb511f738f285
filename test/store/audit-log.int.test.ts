import { randomUUID } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/app/verify-audit-chain.ts";
import { changeEntries, creationEntry } from "../../src/core/audit/audit-entries.ts";
import type { AuditEntry } from "../../src/core/audit/audit-entry.ts";
import { GENESIS_HASH } from "../../src/core/audit/audit-hash.ts";
import { customerAuditFields, recipientAuditFields } from "../../src/core/audit/audited-fields.ts";
import type { Customer } from "../../src/core/customer/customer.ts";
import type { Recipient } from "../../src/core/customer/recipient.ts";
import { appendAudit } from "../../src/store/audit/append-audit.ts";
import { readAuditChain } from "../../src/store/audit/read-audit-chain.ts";
import { createStore } from "../../src/store/create-store.ts";
import type { Database } from "../../src/store/database.ts";
import { withTransaction } from "../../src/store/with-transaction.ts";
import { describeEachEngine } from "../support/databases.ts";

const AT = new Date("2026-01-31T09:15:00.000Z");

function buildEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: AT,
    actor: { kind: "user", id: "marie" },
    entity: { type: "customer", id: "C-001" },
    field: "legalName",
    action: "update",
    oldValue: "Old SRL",
    newValue: "New SRL",
    reason: null,
    ...overrides,
  };
}

function buildCustomer(number: string): Customer {
  return {
    number,
    legalName: `Customer ${number}`,
    enterpriseNumber: null,
    vatNumber: null,
    peppolId: null,
    language: "nl",
    address: {
      street: null,
      additionalStreet: null,
      city: "Gent",
      postalCode: "9000",
      countrySubdivision: null,
      country: "BE",
    },
    preferredChannel: "email",
    paymentTermsDays: 30,
  };
}

/** Appends `count` entries, one transaction each. */
async function appendEntries(db: Kysely<Database>, count: number): Promise<void> {
  for (let index = 1; index <= count; index += 1) {
    await withTransaction(db, (trx) => appendAudit(trx, [buildEntry({ newValue: `name ${index}` })]));
  }
}

describeEachEngine("audit log", (engine) => {
  const verify = () => verifyAuditChain({ auditChain: createStore(engine.db) });

  it("verifies an empty log as an intact chain of no records", async () => {
    expect(await verify()).toEqual({ ok: true, count: 0, headHash: null });
  });

  it("appends entries with consecutive seq numbers, each linked to the hash of the one before", async () => {
    const first = await withTransaction(engine.db, (trx) =>
      appendAudit(trx, [
        buildEntry(),
        buildEntry({ field: "vatNumber", oldValue: null, newValue: "BE0123456749" }),
      ]),
    );
    const second = await withTransaction(engine.db, (trx) =>
      appendAudit(trx, [buildEntry({ reason: "typo", newValue: { nested: ["ü", 1.5, null] } })]),
    );
    const records = [...first, ...second];
    expect(records.map((record) => record.seq)).toEqual([1, 2, 3]);
    expect(records.map((record) => record.prevHash)).toEqual([
      GENESIS_HASH,
      records[0]?.hash,
      records[1]?.hash,
    ]);
    expect(await verify()).toEqual({ ok: true, count: 3, headHash: records[2]?.hash });
  });

  it("verifies across page boundaries", async () => {
    await appendEntries(engine.db, 4);
    for (const pageSize of [1, 2, 3, 7]) {
      const result = await verifyAuditChain({
        auditChain: { readChain: () => readAuditChain(engine.db, pageSize) },
      });
      expect(result).toMatchObject({ ok: true, count: 7 });
    }
  });

  it("appends nothing for no entries, and nothing when the transaction rolls back", async () => {
    expect(await withTransaction(engine.db, (trx) => appendAudit(trx, []))).toEqual([]);
    await expect(
      withTransaction(engine.db, async (trx) => {
        await appendAudit(trx, [buildEntry()]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const [next] = await withTransaction(engine.db, (trx) => appendAudit(trx, [buildEntry()]));
    expect(next?.seq).toBe(8);
    expect(await verify()).toMatchObject({ ok: true, count: 8 });
  });

  it("refuses to append outside a transaction", async () => {
    const notATransaction = engine.db as unknown as Transaction<Database>;
    await expect(appendAudit(notATransaction, [buildEntry()])).rejects.toThrow(/inside a transaction/);
  });

  it("refuses UPDATE and DELETE of any record, whoever asks", async () => {
    await expect(
      sql`update audit_log set reason = 'forged' where seq = 1`.execute(engine.db),
    ).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(sql`delete from audit_log where seq = 1`.execute(engine.db)).rejects.toThrow(
      /append-only: DELETE refused/,
    );
    await expect(sql`delete from audit_log`.execute(engine.db)).rejects.toThrow(/append-only/);
    if (engine.dialect === "postgres") {
      await expect(sql`truncate audit_log`.execute(engine.db)).rejects.toThrow(
        /append-only: TRUNCATE refused/,
      );
    }
    expect(await verify()).toMatchObject({ ok: true, count: 8 });
  });

  describe("a customer's history", () => {
    it("reads as a timeline of the customer's and its recipients' changes, and nobody else's", async () => {
      const store = createStore(engine.db);
      const context = {
        at: AT,
        actor: { kind: "import", id: "customers-2026-01.csv" },
        reason: null,
      } as const;
      const later = {
        ...context,
        at: new Date("2026-02-02T08:00:00.000Z"),
        actor: { kind: "user", id: "jan" },
      } as const;
      const customer = buildCustomer("H-001");
      const mailbox: Recipient = {
        id: randomUUID(),
        customerNumber: "H-001",
        role: "invoice-mailbox",
        email: "factuur@h001.example",
        name: null,
        status: "active",
        statusReason: null,
      };
      await store.transaction(async (unit) => {
        await unit.upsertCustomer(customer, AT);
        await unit.upsertCustomer(buildCustomer("H-OTHER"), AT);
        await unit.insertRecipient(mailbox, AT);
        await unit.audit.append([
          creationEntry(context, { type: "customer", id: "H-001" }, customerAuditFields(customer)),
          creationEntry(
            context,
            { type: "customer", id: "H-OTHER" },
            customerAuditFields(buildCustomer("H-OTHER")),
          ),
          creationEntry(context, { type: "recipient", id: mailbox.id }, recipientAuditFields(mailbox)),
        ]);
      });
      await store.transaction(async (unit) => {
        const change = await unit.updateRecipient(
          mailbox.id,
          { status: "suspended", statusReason: "bounced: 5.1.1" },
          later.at,
        );
        if (!change.ok) throw change.error;
        const upsert = await unit.upsertCustomer({ ...customer, paymentTermsDays: 60 }, later.at);
        if (upsert.kind !== "updated") throw new Error(`expected an update, got ${upsert.kind}`);
        await unit.audit.append([
          ...changeEntries(later, { type: "recipient", id: mailbox.id }, change.value.changes),
          ...changeEntries(
            { ...later, reason: "agreed by phone" },
            { type: "customer", id: "H-001" },
            upsert.changes,
          ),
        ]);
      });

      const history = await createStore(engine.db).history({ type: "customer", id: "H-001" });
      expect(
        history.map((record) => [
          record.entity.type,
          record.action,
          record.field,
          record.oldValue,
          record.newValue,
        ]),
      ).toEqual([
        ["customer", "create", null, null, customerAuditFields(customer)],
        ["recipient", "create", null, null, recipientAuditFields(mailbox)],
        ["recipient", "status", "status", "active", "suspended"],
        ["recipient", "update", "statusReason", null, "bounced: 5.1.1"],
        ["customer", "update", "paymentTermsDays", 30, 60],
      ]);
      expect(history.map((record) => record.seq)).toEqual(
        [...history.map((record) => record.seq)].sort((a, b) => a - b),
      );
      expect(history.at(-1)).toMatchObject({
        actor: { kind: "user", id: "jan" },
        reason: "agreed by phone",
        at: later.at,
      });

      const recipientOnly = await createStore(engine.db).history({ type: "recipient", id: mailbox.id });
      expect(recipientOnly).toHaveLength(3);
      expect(await verify()).toMatchObject({ ok: true, count: 14 });
    });
  });
});

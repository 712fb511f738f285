import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { CustomerStore } from "../../src/app/ports/customer-store.ts";
import type { Customer } from "../../src/core/customer/customer.ts";
import type { Recipient } from "../../src/core/customer/recipient.ts";
import { createStore } from "../../src/store/create-store.ts";
import { describeEachEngine } from "../support/databases.ts";

const AT = new Date("2026-01-31T09:15:00.000Z");
const LATER = new Date("2026-02-01T10:00:00.000Z");

function buildCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    number: "C-001",
    legalName: "Brasserie du Coin SRL",
    enterpriseNumber: "0123456749",
    vatNumber: "BE0123456749",
    peppolId: "0208:0123456749",
    language: "fr",
    address: {
      street: "Rue Haute 1",
      additionalStreet: null,
      city: "Liège",
      postalCode: "4000",
      countrySubdivision: null,
      country: "BE",
    },
    preferredChannel: "email",
    paymentTermsDays: 30,
    ...overrides,
  };
}

function buildRecipient(customerNumber: string, overrides: Partial<Recipient> = {}): Recipient {
  return {
    id: randomUUID(),
    customerNumber,
    role: "invoice-mailbox",
    email: "factures@brasserie.example",
    name: null,
    status: "active",
    statusReason: null,
    ...overrides,
  };
}

describeEachEngine("customer store", (engine) => {
  let store: CustomerStore;
  beforeAll(() => {
    store = createStore(engine.db);
  });

  describe("customers", () => {
    it("round-trip every field, unicode and nulls included", async () => {
      const unicode = buildCustomer({
        number: "Ü-ñ-001",
        legalName: "Société Générale d'Électricité — Zürich 株式会社 🚚",
        enterpriseNumber: null,
        vatNumber: null,
        peppolId: null,
        language: "de",
        address: {
          street: null,
          additionalStreet: "Boîte 3",
          city: null,
          postalCode: null,
          countrySubdivision: "Région wallonne",
          country: "CH",
        },
        preferredChannel: "paper",
        paymentTermsDays: 0,
      });
      const upsert = await store.transaction((unit) => unit.upsertCustomer(unicode, AT));
      expect(upsert.kind).toBe("created");
      expect(await store.getCustomer("Ü-ñ-001")).toEqual(unicode);
      expect(await store.getCustomer("nobody")).toBeNull();
    });

    it("report the changed fields on update, and write nothing when nothing changed", async () => {
      const original = buildCustomer({ number: "C-UPD" });
      await store.transaction((unit) => unit.upsertCustomer(original, AT));
      const moved = buildCustomer({
        number: "C-UPD",
        address: { ...original.address, city: "Namur", postalCode: "5000" },
        preferredChannel: "peppol",
      });
      const update = await store.transaction((unit) => unit.upsertCustomer(moved, LATER));
      expect(update).toEqual({
        kind: "updated",
        customer: moved,
        changes: [
          { field: "address.city", oldValue: "Liège", newValue: "Namur" },
          { field: "address.postalCode", oldValue: "4000", newValue: "5000" },
          { field: "preferredChannel", oldValue: "email", newValue: "peppol" },
        ],
      });
      expect(await store.getCustomer("C-UPD")).toEqual(moved);
      expect((await store.transaction((unit) => unit.upsertCustomer(moved, LATER))).kind).toBe("unchanged");
      const row = await engine.db
        .selectFrom("customers")
        .select(["created_at", "updated_at"])
        .where("number", "=", "C-UPD")
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ created_at: AT.toISOString(), updated_at: LATER.toISOString() });
    });

    it("roll back every write of a unit of work that throws", async () => {
      await expect(
        store.transaction(async (unit) => {
          await unit.upsertCustomer(buildCustomer({ number: "C-ROLLBACK" }), AT);
          throw new Error("import failed half-way");
        }),
      ).rejects.toThrow("import failed half-way");
      expect(await store.getCustomer("C-ROLLBACK")).toBeNull();
    });

    it("list by filters, page by page in customer-number order", async () => {
      const names = ["L-01", "L-02", "L-03", "L-04", "L-05"];
      await store.transaction(async (unit) => {
        for (const [index, number] of names.entries()) {
          await unit.upsertCustomer(
            buildCustomer({
              number,
              legalName: index === 2 ? "Garage 100% Électrique" : `Listed ${number}`,
              language: index % 2 === 0 ? "nl" : "fr",
              preferredChannel: "peppol",
            }),
            AT,
          );
        }
      });
      const first = await store.listCustomers({ search: "l-0", limit: 2 });
      expect(first.customers.map((customer) => customer.number)).toEqual(["L-01", "L-02"]);
      expect(first.next).toBe("L-02");
      const second = await store.listCustomers({ search: "l-0", limit: 2, after: "L-02" });
      expect(second.customers.map((customer) => customer.number)).toEqual(["L-03", "L-04"]);
      const last = await store.listCustomers({ search: "l-0", limit: 2, after: "L-04" });
      expect(last).toEqual({ customers: [expect.objectContaining({ number: "L-05" })], next: null });

      const dutch = await store.listCustomers({ search: "L-", language: "nl", preferredChannel: "peppol" });
      expect(dutch.customers.map((customer) => customer.number)).toEqual(["L-01", "L-03", "L-05"]);
      // The % in the search is a character, not a wildcard; the match ignores case.
      const percent = await store.listCustomers({ search: "100%" });
      expect(percent.customers.map((customer) => customer.number)).toEqual(["L-03"]);
      expect((await store.listCustomers({ search: "GARAGE" })).customers).toHaveLength(1);
      expect((await store.listCustomers({ search: "0%" })).customers).toHaveLength(1);
      expect((await store.listCustomers({ search: "_-0" })).customers).toHaveLength(0);
    });
  });

  describe("recipients", () => {
    beforeAll(async () => {
      await store.transaction(async (unit) => {
        await unit.upsertCustomer(buildCustomer({ number: "R-001" }), AT);
        await unit.upsertCustomer(buildCustomer({ number: "R-002" }), AT);
      });
    });

    it("round-trip with unicode names and null fields, oldest first", async () => {
      const mailbox = buildRecipient("R-001");
      const person = buildRecipient("R-001", {
        role: "person",
        email: "zoë.o'brien@brasserie.example",
        name: "Zoë O'Brien-Müller 张",
        statusReason: "reçoit les factures depuis 2024",
      });
      await store.transaction(async (unit) => {
        expect((await unit.insertRecipient(mailbox, AT)).ok).toBe(true);
        expect((await unit.insertRecipient(person, LATER)).ok).toBe(true);
      });
      expect(await store.listRecipients("R-001")).toEqual([mailbox, person]);
      expect(await store.listRecipients("nobody")).toEqual([]);
    });

    it("refuse a recipient of an unknown customer, and a reused id", async () => {
      const result = await store.transaction((unit) => unit.insertRecipient(buildRecipient("nobody"), AT));
      expect(result).toMatchObject({ ok: false, error: { code: "not-found" } });
      const recipient = buildRecipient("R-002", { role: "copy", email: "ceo@brasserie.example" });
      await store.transaction((unit) => unit.insertRecipient(recipient, AT));
      const again = await store.transaction((unit) => unit.insertRecipient(recipient, AT));
      expect(again).toMatchObject({ ok: false, error: { code: "conflict" } });
    });

    it("update status, e-mail and role, returning the changes", async () => {
      const recipient = buildRecipient("R-002", {
        role: "person",
        email: "old@brasserie.example",
        name: "Jan",
      });
      await store.transaction((unit) => unit.insertRecipient(recipient, AT));
      const result = await store.transaction((unit) =>
        unit.updateRecipient(
          recipient.id,
          {
            status: "suspended",
            statusReason: "bounced: 5.1.1 user unknown",
            email: "new@brasserie.example",
          },
          LATER,
        ),
      );
      if (!result.ok) throw result.error;
      expect(result.value.changes).toEqual([
        { field: "email", oldValue: "old@brasserie.example", newValue: "new@brasserie.example" },
        { field: "status", oldValue: "active", newValue: "suspended" },
        { field: "statusReason", oldValue: null, newValue: "bounced: 5.1.1 user unknown" },
      ]);
      const roleChange = await store.transaction((unit) =>
        unit.updateRecipient(recipient.id, { role: "reminders", name: null }, LATER),
      );
      expect(roleChange.ok && roleChange.value.after).toEqual({
        ...recipient,
        role: "reminders",
        name: null,
        email: "new@brasserie.example",
        status: "suspended",
        statusReason: "bounced: 5.1.1 user unknown",
      });
      const missing = await store.transaction((unit) =>
        unit.updateRecipient(randomUUID(), { status: "removed" }, AT),
      );
      expect(missing).toMatchObject({ ok: false, error: { code: "not-found" } });
    });
  });

  describe("one active invoice-mailbox per customer", () => {
    beforeAll(async () => {
      await store.transaction(async (unit) => {
        await unit.upsertCustomer(buildCustomer({ number: "M-001" }), AT);
        await unit.upsertCustomer(buildCustomer({ number: "M-002" }), AT);
      });
    });

    it("is refused by the repository as a conflict, naming the mailbox already active", async () => {
      const first = buildRecipient("M-001", { email: "invoices@m1.example" });
      await store.transaction((unit) => unit.insertRecipient(first, AT));
      const second = await store.transaction((unit) =>
        unit.insertRecipient(buildRecipient("M-001", { email: "factuur@m1.example" }), AT),
      );
      expect(second).toMatchObject({ ok: false, error: { code: "conflict" } });
      expect(!second.ok && second.error.message).toContain("invoices@m1.example");

      const suspended = buildRecipient("M-001", { email: "facture@m1.example", status: "suspended" });
      expect((await store.transaction((unit) => unit.insertRecipient(suspended, AT))).ok).toBe(true);
      const reactivate = await store.transaction((unit) =>
        unit.updateRecipient(suspended.id, { status: "active" }, AT),
      );
      expect(reactivate).toMatchObject({ ok: false, error: { code: "conflict" } });
      const promote = buildRecipient("M-001", { role: "person", email: "marie@m1.example" });
      await store.transaction((unit) => unit.insertRecipient(promote, AT));
      const promoted = await store.transaction((unit) =>
        unit.updateRecipient(promote.id, { role: "invoice-mailbox" }, AT),
      );
      expect(promoted).toMatchObject({ ok: false, error: { code: "conflict" } });
    });

    it("allows a new active mailbox once the old one is removed, and one per customer", async () => {
      const [current] = (await store.listRecipients("M-001")).filter(
        (recipient) => recipient.role === "invoice-mailbox" && recipient.status === "active",
      );
      if (current === undefined) throw new Error("the previous test left no active mailbox");
      await store.transaction(async (unit) => {
        expect((await unit.updateRecipient(current.id, { status: "removed" }, LATER)).ok).toBe(true);
        const replacement = buildRecipient("M-001", { email: "invoices-new@m1.example" });
        expect((await unit.insertRecipient(replacement, LATER)).ok).toBe(true);
        expect((await unit.insertRecipient(buildRecipient("M-002"), LATER)).ok).toBe(true);
      });
    });

    it("is enforced by the partial unique index when a write bypasses the repository", async () => {
      const row = {
        customer_number: "M-002",
        role: "invoice-mailbox",
        email: "rogue@m2.example",
        name: null,
        status_reason: null,
        created_at: AT.toISOString(),
        updated_at: AT.toISOString(),
      };
      await expect(
        engine.db
          .insertInto("recipients")
          .values({ ...row, id: randomUUID(), status: "active" })
          .execute(),
      ).rejects.toThrow(/unique/i);
      await engine.db
        .insertInto("recipients")
        .values({ ...row, id: randomUUID(), status: "suspended" })
        .execute();
      await expect(
        sql`update recipients set status = 'active' where email = 'rogue@m2.example'`.execute(engine.db),
      ).rejects.toThrow(/unique/i);
    });
  });
});

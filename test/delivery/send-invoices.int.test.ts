import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import type { DeliveryStore } from "../../src/app/ports/delivery-store.ts";
import { sendInvoices } from "../../src/app/send-invoices.ts";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";
import { describeEachEngine } from "../support/databases.ts";
import { routeByPreference } from "../support/route-by-preference.ts";
import { customer, invoice, recipient, seed } from "./support/delivery-fixtures.ts";

const AT = new Date("2026-12-02T09:00:00.000Z");

describeEachEngine("sendInvoices", (engine) => {
  let store: DeliveryStore;
  const send = (options: Parameters<typeof sendInvoices>[1], target: DeliveryStore = store) =>
    sendInvoices(
      {
        store: target,
        now: () => AT,
        newId: randomUUID,
        newMessageId: () => `${randomUUID()}@seller.test`,
        route: routeByPreference,
      },
      options,
    );
  const jobCount = async () => Number((await store.countJobs()).queued);

  beforeAll(async () => {
    store = createDeliveryStore(engine.db);
    await seed(engine.db, {
      customers: [
        customer("K1"),
        customer("K2"),
        customer("NOBODY"),
        customer("PEPPOL", { preferredChannel: "peppol" }),
      ],
      recipients: [
        recipient("K1", "invoice-mailbox", "invoices@k1.example"),
        recipient("K1", "person", "anna@k1.example"),
        recipient("K1", "copy", "boss@k1.example"),
        recipient("K2", "person", "a@k2.example"),
        recipient("K2", "person", "b@k2.example"),
        recipient("NOBODY", "copy", "only-a-copy@nobody.example"),
        recipient("PEPPOL", "invoice-mailbox", "ap@peppol.example"),
      ],
      invoices: [
        invoice("A-1", "K1"),
        invoice("A-2", "K2"),
        invoice("A-3", "NOBODY"),
        invoice("A-4", "PEPPOL"),
        invoice("B-1", "K1"),
        invoice("C-1", "K2"),
      ],
    });
  });

  it("writes one delivery per message and one job per delivery, with a Message-ID each", async () => {
    const report = await send({ selection: { kind: "numbers", numbers: ["A-1", "A-2"] }, actor: "cli:test" });
    expect(report).toMatchObject({ invoices: 2, messages: 3, copies: 1, skipped: [] });
    const k1 = await store.deliveriesOfInvoice("A-1");
    expect(k1.map((d) => [d.role, d.state, d.recipients.map((r) => r.email)])).toEqual([
      ["main", "queued", ["invoices@k1.example"]],
      ["copy", "queued", ["boss@k1.example"]],
    ]);
    const k2 = await store.deliveriesOfInvoice("A-2");
    expect(k2[0]?.recipients.map((r) => r.email).sort()).toEqual(["a@k2.example", "b@k2.example"]);
    expect(new Set([...k1, ...k2].map((d) => d.messageId)).size).toBe(3);
    expect(await jobCount()).toBe(3);
    const events = await store.timeline(k1[0]?.id ?? "");
    expect(events).toEqual([
      expect.objectContaining({ seq: 1, event: "queue", from: null, to: "queued", actor: "cli:test" }),
    ]);
  });

  it("does nothing the second time the same invoice is sent, and says so", async () => {
    const report = await send({ selection: { kind: "numbers", numbers: ["A-1"] }, actor: "cli:test" });
    expect(report).toMatchObject({ invoices: 0, messages: 0 });
    expect(report.skipped).toEqual([expect.objectContaining({ invoice: "A-1", reason: "already-sent" })]);
    expect(await store.deliveriesOfInvoice("A-1")).toHaveLength(2);
    expect(await jobCount()).toBe(3);
  });

  it("creates a new round with new Message-IDs only when a resend is asked", async () => {
    const before = await store.deliveriesOfInvoice("A-1");
    const report = await send({
      selection: { kind: "numbers", numbers: ["A-1"] },
      resend: true,
      actor: "cli:test",
    });
    expect(report).toMatchObject({ invoices: 1, messages: 2 });
    const after = await store.deliveriesOfInvoice("A-1");
    expect(after.map((d) => d.round)).toEqual([1, 1, 2, 2]);
    const oldIds = new Set(before.map((d) => d.messageId));
    expect(after.filter((d) => d.round === 2).every((d) => !oldIds.has(d.messageId))).toBe(true);
  });

  it("reports invoices that cannot go by e-mail instead of skipping them silently, and holds a Peppol one", async () => {
    const report = await send({
      selection: { kind: "numbers", numbers: ["A-3", "A-4", "NOPE"] },
      actor: "cli:test",
    });
    expect(report.invoices).toBe(0);
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ invoice: "NOPE", reason: "not-found" }),
        expect.objectContaining({
          invoice: "A-3",
          reason: "no-usable-recipient",
          message: expect.stringContaining("NOBODY"),
        }),
      ]),
    );
    // A customer who prefers Peppol but has no Peppol id is held for someone to decide, never e-mailed.
    expect(report.held).toEqual([
      expect.objectContaining({ invoice: "A-4", reason: "preferred-peppol-unreachable" }),
    ]);
    expect(await store.deliveriesOfInvoice("A-3")).toEqual([]);
  });

  it("writes nothing at all when the transaction fails after the deliveries were written", async () => {
    const failing: DeliveryStore = {
      ...store,
      transaction: (work) =>
        store.transaction((unit) =>
          work({
            ...unit,
            enqueue: async () => {
              throw new Error("disk full");
            },
          }),
        ),
    };
    await expect(
      send({ selection: { kind: "numbers", numbers: ["B-1"] }, actor: "cli:test" }, failing),
    ).rejects.toThrow("disk full");
    expect(await store.deliveriesOfInvoice("B-1")).toEqual([]);
    expect(await store.unsentInvoices({ limit: 100 })).toContain("B-1");
  });

  it("sends everything issued and unsent, leaving the reported ones listed as unsent", async () => {
    const report = await send({ selection: { kind: "unsent" }, actor: "cli:test" });
    expect(report).toMatchObject({ invoices: 2 });
    expect(report.skipped.map((s) => s.invoice)).toEqual(["A-3"]);
    expect(report.held.map((h) => h.invoice)).toEqual(["A-4"]);
    expect(await store.unsentInvoices({ limit: 100 })).toEqual(["A-3", "A-4"]);
  });

  // Two SQLite connections in one process cannot race (better-sqlite3 blocks the event loop while it waits for the
  // lock); BEGIN IMMEDIATE serialises them across processes. PostgreSQL is where the race is real.
  it.runIf(engine.dialect === "postgres")(
    "never writes a round twice when two sends of the same invoice race",
    async () => {
      await seed(engine.db, { customers: [], recipients: [], invoices: [invoice("RACE-1", "K1")] });
      const other = createDeliveryStore(engine.open().db);
      const reports = await Promise.all([
        send({ selection: { kind: "numbers", numbers: ["RACE-1"] }, actor: "cli:a" }),
        send({ selection: { kind: "numbers", numbers: ["RACE-1"] }, actor: "cli:b" }, other),
      ]);
      expect(reports.map((r) => r.invoices).sort()).toEqual([0, 1]);
      expect(await store.deliveriesOfInvoice("RACE-1")).toHaveLength(2);
    },
  );
});

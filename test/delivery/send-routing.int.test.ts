import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import type { DeliveryStore } from "../../src/app/ports/delivery-store.ts";
import type { ParticipantLookup } from "../../src/app/ports/participant-directory.ts";
import { type RouteInvoiceDeps, routeInvoices } from "../../src/app/route-invoice.ts";
import { sendInvoices } from "../../src/app/send-invoices.ts";
import { createChannelDecisionLog } from "../../src/store/channel-decisions/channel-decision-repository.ts";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";
import { describeEachEngine } from "../support/databases.ts";
import { reachableLookup } from "../support/peppol/reachable-lookup.ts";
import { customer, invoice, recipient, seed } from "./support/delivery-fixtures.ts";

const AT = new Date("2026-12-02T09:00:00.000Z");
const BE_VAT = { enterpriseNumber: "0123456749", vatNumber: "BE0123456749" };
const NOT_REGISTERED: ParticipantLookup = {
  kind: "not-registered",
  tried: ["0208:0123456749", "9925:be0123456749"],
};

describeEachEngine("sendInvoices with channel routing", (engine) => {
  let store: DeliveryStore;
  /** Each send a minute after the previous one: the latest decision is the latest in time. */
  let sends = 0;
  const send = (numbers: string[], route: Partial<RouteInvoiceDeps> = {}) => {
    const at = new Date(AT.getTime() + 60_000 * sends++);
    return sendInvoices(
      {
        store,
        now: () => at,
        newId: randomUUID,
        newMessageId: () => `${randomUUID()}@seller.test`,
        route: (invoices) =>
          routeInvoices(
            {
              seller: { country: "BE", vatStatus: "registered" },
              directory: null,
              ownAccessPoint: "not-configured",
              ...route,
            },
            invoices,
          ),
      },
      { selection: { kind: "numbers", numbers }, actor: "cli:test" },
    );
  };

  beforeAll(async () => {
    store = createDeliveryStore(engine.db);
    await seed(engine.db, {
      customers: [
        customer("B2B", BE_VAT),
        customer("CONSUMER"),
        customer("FOREIGN", { ...BE_VAT, address: { ...customer("X").address, country: "NL" } }),
      ],
      recipients: [
        recipient("B2B", "invoice-mailbox", "invoices@b2b.example"),
        recipient("CONSUMER", "person", "jan@consumer.example"),
        recipient("FOREIGN", "invoice-mailbox", "facturen@foreign.example"),
      ],
      invoices: [
        invoice("R-1", "B2B"),
        invoice("R-2", "CONSUMER"),
        invoice("R-3", "FOREIGN"),
        invoice("R-4", "B2B"),
      ],
    });
  });

  it("holds a Belgian B2B invoice instead of e-mailing it, and e-mails the consumer's and the foreign customer's", async () => {
    const report = await send(["R-1", "R-2", "R-3"]);
    expect(report.held).toEqual([
      {
        invoice: "R-1",
        reason: "peppol-not-configured",
        explanation: expect.stringContaining("must go over Peppol"),
      },
    ]);
    expect(report).toMatchObject({ invoices: 2, messages: 2, skipped: [] });
    expect(await store.deliveriesOfInvoice("R-1")).toEqual([]);
    expect((await store.deliveriesOfInvoice("R-2")).map((d) => d.state)).toEqual(["queued"]);
  });

  it("records every decision with its scope, and lists the held invoice until a later decision lets it go", async () => {
    const log = createChannelDecisionLog(engine.db);
    expect((await log.decisionsOf("R-1")).map((d) => d.decision)).toEqual([
      expect.objectContaining({ kind: "hold", reason: "peppol-not-configured", scope: "be-b2b-mandate" }),
    ]);
    expect((await log.decisionsOf("R-2"))[0]).toMatchObject({
      actor: "cli:test",
      decidedAt: AT,
      participant: null,
      decision: { kind: "send", channel: "email", scope: "buyer-not-vat-registered" },
    });
    expect((await log.decisionsOf("R-3"))[0]?.decision).toMatchObject({
      channel: "email",
      scope: "buyer-foreign",
    });
    expect((await log.held({ limit: 10 })).invoices.map((i) => i.invoiceNumber)).toEqual(["R-1"]);
  });

  it("keeps what the Peppol lookup said when the buyer is not on Peppol", async () => {
    const report = await send(["R-4"], {
      directory: { lookup: async () => NOT_REGISTERED },
      ownAccessPoint: "ready",
    });
    expect(report.held).toMatchObject([{ invoice: "R-4", reason: "not-on-peppol" }]);
    const [decision] = await createChannelDecisionLog(engine.db).decisionsOf("R-4");
    expect(decision).toMatchObject({ participant: "0208:0123456749", lookup: NOT_REGISTERED });
  });

  it("queues an invoice for a buyer reachable on Peppol as one Peppol delivery, with an e-mail courtesy copy only", async () => {
    const reachable = reachableLookup("0208:0123456749");

    const report = await send(["R-1"], {
      directory: { lookup: async () => reachable },
      ownAccessPoint: "ready",
    });
    expect(report).toMatchObject({ invoices: 1, messages: 2, skipped: [], held: [] });
    const deliveries = await store.deliveriesOfInvoice("R-1");
    expect(deliveries.find((d) => d.peppol !== undefined)).toMatchObject({
      role: "main",
      recipients: [],
      peppol: { participant: "0208:0123456749" },
      state: "queued",
    });
    // The customer prefers e-mail: it also gets a courtesy copy, marked as not the legal invoice.
    expect(deliveries.filter((d) => d.peppol === undefined)).toMatchObject([
      { role: "main", courtesyCopy: true, recipients: [{ email: "invoices@b2b.example" }] },
    ]);
    expect(
      (await createChannelDecisionLog(engine.db).held({ limit: 10 })).invoices.map((i) => i.invoiceNumber),
    ).toEqual(["R-4"]);
  });

  it("looks a buyer with several invoices in the batch up once, and decides each invoice", async () => {
    await seed(engine.db, {
      customers: [],
      recipients: [],
      invoices: [invoice("R-5", "B2B"), invoice("R-6", "B2B"), invoice("R-7", "CONSUMER")],
    });
    const asked: string[] = [];
    const report = await send(["R-5", "R-6", "R-7"], {
      directory: {
        lookup: async (query) => {
          asked.push(query.participant);
          return NOT_REGISTERED;
        },
      },
      ownAccessPoint: "ready",
    });
    expect(asked).toEqual(["0208:0123456749"]);
    expect(report.held.map((h) => [h.invoice, h.reason])).toEqual([
      ["R-5", "not-on-peppol"],
      ["R-6", "not-on-peppol"],
    ]);
    expect(report).toMatchObject({ invoices: 1, messages: 1 });
  });
});

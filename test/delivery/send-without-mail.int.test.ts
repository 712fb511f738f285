import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import type { DeliveryStore } from "../../src/app/ports/delivery-store.ts";
import type { ParticipantLookup } from "../../src/app/ports/participant-directory.ts";
import { routeInvoices } from "../../src/app/route-invoice.ts";
import { DELIVER_JOB, PEPPOL_DELIVER_JOB, sendInvoices } from "../../src/app/send-invoices.ts";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";
import { describeEachEngine } from "../support/databases.ts";
import { customer, invoice, recipient, seed } from "./support/delivery-fixtures.ts";

const AT = new Date("2026-12-02T09:00:00.000Z");
const BE_VAT = { enterpriseNumber: "0123456749", vatNumber: "BE0123456749" };
const REACHABLE: ParticipantLookup = {
  kind: "reachable",
  participant: "0208:0123456749",
  tried: ["0208:0123456749"],
  smpUrl: "https://smp.test/",
  documentTypes: [],
  endpoint: {
    url: "https://ap.test/as4",
    transportProfile: "peppol-transport-as4-v2_0",
    certificate: {
      pem: "",
      subject: "CN=POP",
      issuer: "CN=CA",
      serialNumber: "01",
      validFrom: "",
      validTo: "",
    },
  },
};

describeEachEngine("sendInvoices without a mail relay (a Peppol-only setup)", (engine) => {
  let store: DeliveryStore;

  beforeAll(async () => {
    store = createDeliveryStore(engine.db);
    await seed(engine.db, {
      // B2B prefers e-mail: its Peppol invoice would get a courtesy copy by e-mail.
      customers: [customer("B2B", BE_VAT), customer("CONSUMER")],
      recipients: [
        recipient("B2B", "invoice-mailbox", "invoices@b2b.example"),
        recipient("CONSUMER", "person", "jan@consumer.example"),
      ],
      invoices: [invoice("P-1", "B2B"), invoice("P-2", "CONSUMER")],
    });
  });

  it("queues the Peppol invoice without its courtesy copy and nothing for e-mail, saying which and why", async () => {
    const report = await sendInvoices(
      {
        store,
        now: () => AT,
        newId: randomUUID,
        newMessageId: () => `${randomUUID()}@seller.test`,
        route: (invoices) =>
          routeInvoices(
            {
              seller: { country: "BE", vatStatus: "registered" },
              directory: { lookup: async () => REACHABLE },
              ownAccessPoint: "ready",
            },
            invoices,
          ),
      },
      { selection: { kind: "numbers", numbers: ["P-1", "P-2"] }, actor: "cli:test", email: false },
    );
    expect(report).toMatchObject({
      invoices: 1,
      messages: 1,
      copies: 0,
      held: [],
      withoutCourtesyCopy: ["P-1"],
    });
    expect(report.skipped).toEqual([
      { invoice: "P-2", reason: "no-mail-relay", message: "goes by e-mail, and no mail relay is configured" },
    ]);
    expect((await store.deliveriesOfInvoice("P-1")).map((d) => d.peppol?.participant)).toEqual([
      "0208:0123456749",
    ]);
    expect(await store.deliveriesOfInvoice("P-2")).toEqual([]);
    expect((await store.countJobs([DELIVER_JOB])).queued).toBe(0);
    expect((await store.countJobs([PEPPOL_DELIVER_JOB])).queued).toBe(1);
  });
});

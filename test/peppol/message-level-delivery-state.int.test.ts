import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { listUndelivered } from "../../src/app/list-undelivered.ts";
import { proveDelivery } from "../../src/app/prove-delivery.ts";
import { createLocalArchive } from "../../src/archive/local-archive.ts";
import { channelSeller } from "../../src/core/peppol/channel-policy.ts";
import { createBounceStore } from "../../src/store/bounces/create-bounce-store.ts";
import { createCustomerQueryStore } from "../../src/store/customer-queries/create-customer-query-store.ts";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";
import { customer, invoice, seed } from "../delivery/support/delivery-fixtures.ts";
import { describeEachEngine } from "../support/databases.ts";
import { queuePeppolDeliveries } from "../support/peppol/peppol-deliveries.ts";
import { receiveStatusResponse } from "../support/peppol/received-status-messages.ts";
import { statusResponseXml } from "../support/peppol/status-response-xml.ts";
import { defaultSeller } from "../support/seller.ts";

const BUYER = "0208:0202239951";
const SENT_AT = new Date("2026-12-01T09:00:00.000Z");

describeEachEngine("a Message Level Status settles the Peppol delivery it names", (engine) => {
  const names = ["refused", "confirmed", "acknowledged", "unsent", "spoofed"] as const;
  const invoices = {
    refused: invoice("ML-1", "C1"),
    confirmed: invoice("ML-2", "C1"),
    acknowledged: invoice("ML-3", "C1"),
    unsent: invoice("ML-4", "C1"),
    spoofed: invoice("ML-5", "C1"),
  };
  const deliveryOf = Object.fromEntries(names.map((n) => [n, randomUUID()])) as Record<
    (typeof names)[number],
    string
  >;
  const deliveries = () => createDeliveryStore(engine.db);
  const archive = createLocalArchive(mkdtempSync(join(tmpdir(), "facteur-mls-")));

  beforeAll(async () => {
    await seed(engine.db, { customers: [customer("C1")], recipients: [], invoices: Object.values(invoices) });
    await deliveries().transaction(async (unit) => {
      await queuePeppolDeliveries(
        unit,
        names.map((name) => ({ id: deliveryOf[name], invoice: invoices[name] })),
        BUYER,
        SENT_AT,
      );
      // Every delivery but "unsent" got its signed receipt: accepted by the buyer's access point.
      for (const name of names.filter((n) => n !== "unsent")) {
        const object = await archive.put(Buffer.from(`AS4 request of ${name}`));
        await unit.indexArchived(object, "2036-12-01", SENT_AT);
        await unit.changeDelivery({
          deliveryId: deliveryOf[name],
          event: "archive",
          from: "queued",
          to: "queued",
          at: SENT_AT,
          actor: "test",
          evidence: { sha256: object.sha256 },
          set: { archive: { object, envelopeFrom: "", contentType: "multipart/related" } },
        });
        await unit.changeDelivery({
          deliveryId: deliveryOf[name],
          event: "accept",
          from: "queued",
          to: "accepted",
          at: SENT_AT,
          actor: "test",
          evidence: {
            receipt: { messageId: `r-${name}@ap.test`, verified: true, signer: { subject: "CN=PBE000002" } },
          },
          set: { attempts: 1, firstAttemptAt: SENT_AT, nextAttemptAt: null, acceptedAt: SENT_AT },
        });
      }
    });
  });

  async function receiveMls(
    name: (typeof names)[number],
    code: string,
    extra: object = {},
    seat = "PBE000002",
  ) {
    const { messageId, outcome } = await receiveStatusResponse(
      engine.db,
      statusResponseXml({
        kind: "mls",
        id: `MLS-${name}`,
        code,
        reference: deliveryOf[name],
        issueDate: "2026-12-01",
        issueTime: "09:05:00Z",
        ...extra,
      }),
      {
        sender: "0242:000002",
        receiver: "0242:000001",
        documentType:
          "urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2::ApplicationResponse##urn:peppol:edec:mls:1.0::2.1",
        process: "urn:peppol:edec:mls",
        senderAccessPoint: seat,
        receivedAt: new Date("2026-12-01T09:05:02.000Z"),
      },
    );
    expect(outcome).toEqual({ kind: "recorded" });
    return messageId;
  }

  const stateOf = async (name: (typeof names)[number]) =>
    (await deliveries().getDelivery(deliveryOf[name]))?.state;

  it("RE: the delivery is bounced, the invoice is in the undelivered queue with the access point's words", async () => {
    const messageId = await receiveMls("refused", "RE", { description: "Rejected due to validation errors" });
    expect(await stateOf("refused")).toBe("bounced");
    const { invoices: undelivered } = await listUndelivered({
      store: createBounceStore(engine.db),
      seller: channelSeller(defaultSeller()),
    });
    const entry = undelivered.find((u) => u.invoiceNumber === "ML-1");
    expect(entry).toMatchObject({ status: "failed", actions: ["resend", "paper"] });
    expect(entry?.reasons).toEqual([
      expect.objectContaining({
        code: "bounced",
        address: BUYER,
        status: "RE",
        text: expect.stringContaining("Message Level Status MLS-refused: Rejected due to validation errors"),
      }),
    ]);
    const proof = await proveDelivery(
      {
        store: createBounceStore(engine.db),
        statusMessages: createCustomerQueryStore(engine.db),
        now: () => new Date("2026-12-02T00:00:00Z"),
      },
      "ML-1",
    );
    expect(proof.verdict).toBe("bounced");
    const steps = proof.recipients.flatMap((r) => r.steps.map((s) => `${s.what}: ${s.detail}`));
    expect(steps).toContainEqual(
      expect.stringContaining(`refused by the buyer's access point after its receipt`),
    );
    expect(steps).toContainEqual(expect.stringContaining(`<${messageId}>`));
  });

  it("AP: the delivery is delivered and not in the undelivered queue", async () => {
    await receiveMls("confirmed", "AP");
    expect(await stateOf("confirmed")).toBe("delivered");
    const { invoices: undelivered } = await listUndelivered({
      store: createBounceStore(engine.db),
      seller: channelSeller(defaultSeller()),
    });
    expect(undelivered.map((u) => u.invoiceNumber)).not.toContain("ML-2");
  });

  it("AB changes nothing, nor does a status for a delivery not yet acknowledged by receipt", async () => {
    await receiveMls("acknowledged", "AB");
    await receiveMls("unsent", "RE");
    expect([await stateOf("acknowledged"), await stateOf("unsent")]).toEqual(["accepted", "queued"]);
  });

  it("takes an MLS only from the access point that signed the delivery's receipt: another seat's is kept unmatched", async () => {
    const messageId = await receiveMls("spoofed", "RE", {}, "PBE000666");
    expect(await stateOf("spoofed")).toBe("accepted");
    const { messages } = await createCustomerQueryStore(engine.db).unmatchedStatusMessages({ limit: 100 });
    expect(messages.map((m) => m.messageId)).toContain(messageId);
    expect(
      await createCustomerQueryStore(engine.db).statusMessagesOfInvoice(invoices.spoofed.record.id),
    ).toEqual([]);
  });

  it("a second status for a settled delivery is kept, and leaves the delivery as the first settled it", async () => {
    await receiveMls("refused", "AP");
    expect(await stateOf("refused")).toBe("bounced");
  });
});

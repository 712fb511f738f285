import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_DELIVERY_SETTINGS } from "../../src/app/delivery-settings.ts";
import type { DeliveryStore } from "../../src/app/ports/delivery-store.ts";
import type { MessageToCompose } from "../../src/app/ports/message-composer.ts";
import type { PeppolWorkerDeps } from "../../src/app/process-peppol-jobs.ts";
import { proveDelivery } from "../../src/app/prove-delivery.ts";
import { routeInvoices } from "../../src/app/route-invoice.ts";
import { runWorker } from "../../src/app/run-worker.ts";
import { sendInvoices } from "../../src/app/send-invoices.ts";
import { createLocalArchive } from "../../src/archive/local-archive.ts";
import { as4Sender, workerDirectory } from "../../src/cli/commands/peppol-outbox-deps.ts";
import { channelSeller } from "../../src/core/peppol/channel-policy.ts";
import {
  BIS_BILLING_PROCESS,
  BIS_CREDIT_NOTE_DOCUMENT_TYPE,
  BIS_INVOICE_DOCUMENT_TYPE,
} from "../../src/core/peppol/peppol-identifiers.ts";
import { createInvoiceRenderer } from "../../src/documents/invoice-renderer.ts";
import { seatOf } from "../../src/documents/peppol/testing/as4-test-messages.ts";
import { createPeppolParticipantDirectory } from "../../src/peppol/discovery/peppol-participant-directory.ts";
import { createBounceStore } from "../../src/store/bounces/create-bounce-store.ts";
import { createChannelDecisionLog } from "../../src/store/channel-decisions/channel-decision-repository.ts";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";
import { customer, invoice, recipient, SELLER, seed } from "../delivery/support/delivery-fixtures.ts";
import { type Clock, clockAt, workerDeps } from "../delivery/support/worker-deps.ts";
import { describeEachEngine } from "../support/databases.ts";
import {
  RECEIVING_PARTICIPANT,
  SENDING_PARTICIPANT,
  startTestReceivingAccessPoint,
  type TestReceivingAccessPoint,
  testApTrust,
} from "../support/peppol/test-access-points.ts";
import { startTestPeppolNetwork, type TestPeppolNetwork } from "../support/peppol/test-peppol-network.ts";
import { testTlsCertificate } from "../support/peppol/test-tls-certificate.ts";

/** Served by the receiving access point and registered: the invoice goes through. */
const BUYER = { enterpriseNumber: "0202239951", vatNumber: "BE0202239951" };
/** Registered at the SMP with the receiving access point, which does not serve it (NOT_SERVICED). */
const MOVED = { enterpriseNumber: "0200000043", vatNumber: "BE0200000043" };
/** Not on Peppol at all. */
const ABSENT = { enterpriseNumber: "0200000142", vatNumber: "BE0200000142" };
/** On Peppol, but registered for credit notes only: the invoice's document type is not supported. */
const CREDIT_ONLY = { enterpriseNumber: "0200000241", vatNumber: "BE0200000241" };

let network: TestPeppolNetwork;
let ap: TestReceivingAccessPoint;

function registerAtReceiver(participant: string): void {
  network.register({
    participant,
    services: [
      {
        documentType: BIS_INVOICE_DOCUMENT_TYPE,
        process: BIS_BILLING_PROCESS,
        endpointUrl: ap.receiver.url,
        endpointCertificatePem: network.pki.receiver.certificatePem,
      },
    ],
  });
}

beforeAll(async () => {
  network = await startTestPeppolNetwork();
  ap = await startTestReceivingAccessPoint(network.pki);
  registerAtReceiver(RECEIVING_PARTICIPANT);
  registerAtReceiver(`0208:${MOVED.enterpriseNumber}`);
  network.register({
    participant: `0208:${CREDIT_ONLY.enterpriseNumber}`,
    services: [
      {
        documentType: BIS_CREDIT_NOTE_DOCUMENT_TYPE,
        process: BIS_BILLING_PROCESS,
        endpointUrl: ap.receiver.url,
        endpointCertificatePem: network.pki.receiver.certificatePem,
      },
    ],
  });
});

afterAll(async () => {
  await Promise.all([ap?.close(), network?.close()]);
});

describeEachEngine("Peppol deliveries in the outbox, end to end on loopback", (engine) => {
  let store: DeliveryStore;
  let clock: Clock;
  let peppol: PeppolWorkerDeps;
  let email: ReturnType<typeof workerDeps>;
  const tag = randomUUID().slice(0, 6);
  const number = (n: string) => `${n}-${tag}`;

  const send = (numbers: string[]) =>
    sendInvoices(
      {
        store,
        now: () => clock.now,
        newId: randomUUID,
        newMessageId: () => `${randomUUID()}@seller.test`,
        route: (invoices) =>
          routeInvoices(
            {
              seller: channelSeller(SELLER),
              directory: createPeppolParticipantDirectory({
                deps: network.discoveryDeps(),
                positiveTtlMs: 60_000,
                negativeTtlMs: 60_000,
              }),
              ownAccessPoint: "ready",
            },
            invoices,
          ),
      },
      { selection: { kind: "numbers", numbers: numbers.map(number) }, actor: "cli:test" },
    );
  const work = () => runWorker(email, { concurrency: 1, batchSize: 10, pollMs: 10, once: true, peppol });
  /** The invoice's one Peppol delivery (an e-mail courtesy copy may accompany it). */
  const only = async (n: string) => {
    const deliveries = (await store.deliveriesOfInvoice(number(n))).filter((d) => d.peppol !== undefined);
    expect(deliveries).toHaveLength(1);
    return deliveries[0] as NonNullable<(typeof deliveries)[0]>;
  };
  const composed: MessageToCompose[] = [];

  beforeAll(async () => {
    clock = clockAt(new Date().toISOString());
    store = createDeliveryStore(engine.db);
    const archive = createLocalArchive(mkdtempSync(join(tmpdir(), "facteur-peppol-outbox-")));
    const mail = workerDeps(engine.db, clock);
    email = {
      ...mail,
      composer: {
        composed: 0,
        compose: (message) => {
          composed.push(message);
          return mail.composer.compose(message);
        },
      },
    };
    peppol = {
      store,
      archive,
      renderer: createInvoiceRenderer(),
      seller: { ...SELLER, peppolId: SENDING_PARTICIPANT },
      directory: workerDirectory({
        deps: network.discoveryDeps(),
        positiveTtlMs: 60_000,
        negativeTtlMs: 60_000,
      }),
      sender: as4Sender({
        seat: seatOf(network.pki.sender),
        seatId: "POP000001",
        trust: testApTrust(network.pki),
        participants: [SENDING_PARTICIPANT],
        endpointUrl: undefined,
        listen: { host: "127.0.0.1", port: 0 },
        tls: undefined,
        peerTlsCaPem: testTlsCertificate().certificatePem,
        timeoutMs: 10_000,
        maxMessageBytes: 10_000_000,
      }),
      settings: DEFAULT_DELIVERY_SETTINGS,
      now: () => clock.now,
      worker: "worker:test:peppol",
      newId: randomUUID,
    };
    await seed(engine.db, {
      customers: [
        customer("BUYER", BUYER),
        customer("MOVED", { ...MOVED, preferredChannel: "peppol" }),
        customer("ABSENT", ABSENT),
        customer("CREDIT", CREDIT_ONLY),
      ],
      recipients: [
        recipient("BUYER", "invoice-mailbox", "invoices@buyer.example"),
        recipient("MOVED", "invoice-mailbox", "invoices@moved.example"),
        recipient("ABSENT", "invoice-mailbox", "invoices@absent.example"),
        recipient("CREDIT", "invoice-mailbox", "invoices@credit.example"),
      ],
      invoices: [
        invoice(number("P-1"), "BUYER"),
        invoice(number("P-2"), "BUYER"),
        invoice(number("P-3"), "ABSENT"),
        invoice(number("P-4"), "MOVED"),
        invoice(number("P-5"), "CREDIT"),
      ],
    });
  });

  it("queues a Peppol delivery with its job, sends it, and records the verified receipt; the proof says delivered", async () => {
    const report = await send(["P-1"]);
    expect(report).toMatchObject({ invoices: 1, messages: 2, held: [], skipped: [] });
    const courtesy = (await store.deliveriesOfInvoice(number("P-1"))).find((d) => d.peppol === undefined);
    expect(courtesy).toMatchObject({ courtesyCopy: true, recipients: [{ email: "invoices@buyer.example" }] });
    const queued = await only("P-1");
    expect(queued).toMatchObject({
      state: "queued",
      recipients: [],
      peppol: { participant: RECEIVING_PARTICIPANT },
    });
    const stats = await work();
    expect(stats.outcomes.accepted).toBe(2);
    expect(composed.find((m) => m.deliveryId === courtesy?.id)).toMatchObject({
      ubl: null,
      notice: expect.stringContaining("Il ne constitue pas la facture légale"),
    });
    const delivery = await only("P-1");
    expect(delivery.state).toBe("accepted");
    expect(delivery.archive?.contentType).toMatch(/^multipart\/related/);
    const received = await ap.inbox.byMessageId(delivery.messageId);
    expect(received).toMatchObject({ kind: "invoice" });
    const events = await store.timeline(delivery.id);
    expect(events.map((e) => e.event)).toEqual(["queue", "archive", "accept"]);
    const receipt = events[2]?.evidence.receipt as Record<string, unknown>;
    expect(receipt).toMatchObject({ verified: true, refToMessageId: delivery.messageId });
    expect(await peppol.archive.has(receipt.sha256 as string)).toBe(true);
    expect(await peppol.archive.has(delivery.archive?.sha256 ?? "")).toBe(true);
    const proof = await proveDelivery(
      { store: createBounceStore(engine.db), now: () => clock.now },
      number("P-1"),
    );
    expect(proof).toMatchObject({ verdict: "delivered", confidence: "certain" });
    expect(proof.explanation).toMatch(new RegExp(`^${RECEIVING_PARTICIPANT}`));
    expect(proof.explanation).toContain("delivered to the buyer's access point");
    const shown = proof.recipients.map((r) => [r.channel ?? "email", r.email, r.courtesyCopy ?? false]);
    expect(shown.sort()).toEqual([
      ["email", "invoices@buyer.example", true],
      ["peppol", RECEIVING_PARTICIPANT, false],
    ]);
  });

  it("defers while the receiver is down, then resends the same bytes with the same MessageId: one copy received", async () => {
    await send(["P-2"]);
    await ap.stop();
    try {
      expect((await work()).outcomes).toMatchObject({ deferred: 1, accepted: 1 });
    } finally {
      await ap.restart();
    }
    const deferred = await only("P-2");
    expect(deferred.state).toBe("deferred");
    expect(await ap.inbox.byMessageId(deferred.messageId)).toBeUndefined();
    clock.advance(DEFAULT_DELIVERY_SETTINGS.schedule.delays[0] ?? 60_000);
    expect((await work()).outcomes.accepted).toBe(1);
    const accepted = await only("P-2");
    expect(accepted).toMatchObject({ state: "accepted", messageId: deferred.messageId, attempts: 2 });
    expect(accepted.archive?.sha256).toBe(deferred.archive?.sha256);
    const events = (await store.timeline(accepted.id)).map((e) => e.event);
    expect(events).toEqual(["queue", "archive", "defer", "accept"]);
    const { messages } = await ap.inbox.list({ limit: 1000 });
    expect(messages.filter((m) => m.messageId === accepted.messageId)).toHaveLength(1);
  });

  it("holds an invoice for a buyer not on Peppol and never e-mails it", async () => {
    const report = await send(["P-3"]);
    expect(report.held).toMatchObject([{ invoice: number("P-3"), reason: "not-on-peppol" }]);
    expect(await store.deliveriesOfInvoice(number("P-3"))).toEqual([]);
  });

  it("holds an invoice for a buyer on Peppol for other document types only, and never e-mails it", async () => {
    const report = await send(["P-5"]);
    expect(report.held).toMatchObject([{ invoice: number("P-5"), reason: "not-on-peppol" }]);
    expect(await store.deliveriesOfInvoice(number("P-5"))).toEqual([]);
    const [decision] = await createChannelDecisionLog(engine.db).decisionsOf(number("P-5"));
    expect(JSON.stringify(decision)).toContain("document-type-not-supported");
  });

  it("looks again after NOT_SERVICED and, the buyer gone from Peppol, holds the invoice instead of e-mailing it", async () => {
    expect((await send(["P-4"])).messages).toBe(1);
    expect((await work()).outcomes.deferred).toBe(1);
    const [defer] = (await store.timeline((await only("P-4")).id)).filter((e) => e.event === "defer");
    expect(defer?.evidence.error).toMatchObject({ lookUpAgain: true });
    network.dns.setNaptr(network.dnsName(`0208:${MOVED.enterpriseNumber}`), []);
    clock.advance(DEFAULT_DELIVERY_SETTINGS.schedule.delays[0] ?? 60_000);
    expect((await work()).outcomes.failed).toBe(1);
    const held = await only("P-4");
    expect(held.state).toBe("failed");
    expect((await store.timeline(held.id)).at(-1)?.evidence).toMatchObject({ hold: "not-on-peppol" });
    const log = createChannelDecisionLog(engine.db);
    expect((await log.decisionsOf(number("P-4"))).at(-1)?.decision).toMatchObject({
      kind: "hold",
      reason: "not-on-peppol",
    });
    expect((await store.deliveriesOfInvoice(number("P-4"))).every((d) => d.peppol !== undefined)).toBe(true);
    registerAtReceiver(`0208:${MOVED.enterpriseNumber}`);
  });
});

import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { answerReceivedDocument } from "../../src/app/answer-received-document.ts";
import { DEFAULT_DELIVERY_SETTINGS } from "../../src/app/delivery-settings.ts";
import type { ParticipantLookup } from "../../src/app/ports/participant-directory.ts";
import type { ReceivedPeppolMessage } from "../../src/app/ports/peppol-inbox.ts";
import type { PeppolResponseOutbox, ReceivedInvoice } from "../../src/app/ports/peppol-response-outbox.ts";
import type { PeppolSender } from "../../src/app/ports/peppol-sender.ts";
import {
  processResponseJob,
  processWithResponses,
  type ResponseWorkerDeps,
} from "../../src/app/process-response-jobs.ts";
import { PEPPOL_RESPOND_JOB } from "../../src/app/queue-peppol-response.ts";
import { respondToInvoice } from "../../src/app/respond-to-invoice.ts";
import { createLocalArchive } from "../../src/archive/local-archive.ts";
import { peppolResponseWriter } from "../../src/documents/peppol/responses/peppol-response-writer.ts";
import { readPeppolResponse } from "../../src/documents/peppol/responses/read-peppol-response.ts";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";
import { createPeppolInbox } from "../../src/store/peppol-inbox/peppol-inbox-repository.ts";
import { createPeppolResponseOutbox } from "../../src/store/peppol-response-outbox/create-peppol-response-outbox.ts";
import { clockAt } from "../delivery/support/worker-deps.ts";
import { describeEachEngine } from "../support/databases.ts";
import { reachableLookup } from "../support/peppol/reachable-lookup.ts";
import {
  accepted,
  retryLater,
  scriptedDirectory,
  scriptedSender,
} from "../support/peppol/scripted-peppol.ts";

const SELLER = "0208:0123456749";
const BUYER = "0208:0403457345";

describeEachEngine(
  "Peppol response outbox: MLS follow-up, Invoice Responses and the peppol-respond worker",
  (engine) => {
    const clock = clockAt("2026-12-01T09:00:00.000Z");
    const archive = createLocalArchive(mkdtempSync(join(tmpdir(), "facteur-responses-")));
    let outbox: PeppolResponseOutbox;

    const answerDeps = () => ({
      outbox,
      archive,
      writer: peppolResponseWriter,
      serviceProvider: "0242:000002",
      retentionYears: 10,
      now: () => clock.now,
      newId: randomUUID,
    });

    const respondDeps = () => ({
      inbox: createPeppolInbox(engine.db),
      outbox,
      archive,
      writer: peppolResponseWriter,
      retentionYears: 10,
      now: () => clock.now,
      newId: randomUUID,
    });

    /** An invoice in the inbox, as the receiver recorded it; returns it and its facts. */
    async function received(
      validation: ReceivedPeppolMessage["validation"],
      number = `INV-${randomUUID().slice(0, 8)}`,
    ) {
      const message: ReceivedPeppolMessage = {
        messageId: `${randomUUID()}@ap.test`,
        instanceId: randomUUID(),
        sender: SELLER,
        receiver: BUYER,
        documentType: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##x::2.1",
        process: "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0",
        senderAccessPoint: "POP000001",
        kind: "invoice",
        documentSha256: "a".repeat(64),
        receiptSha256: "b".repeat(64),
        receivedAt: clock.now,
        validation,
      };
      expect(await createPeppolInbox(engine.db).record(message)).toEqual({ kind: "recorded" });
      const invoice: ReceivedInvoice = {
        messageId: message.messageId,
        invoiceNumber: number,
        issueDate: "2026-11-30",
        typeCode: "380",
        seller: { participant: SELLER, name: "Demo Company SRL" },
        buyer: { participant: BUYER, name: "Buyer & Co" },
      };
      return { message, invoice };
    }

    const valid = { status: "valid" as const, fatal: 0, warnings: 0, findings: [] };
    const invalid = {
      status: "invalid" as const,
      fatal: 1,
      warnings: 0,
      findings: [{ rule: "BR-CO-15", message: "totals <differ>" }],
    };

    const claim = () =>
      createDeliveryStore(engine.db).claim({
        worker: "worker:test",
        limit: 10,
        now: clock.now,
        leaseMs: 60_000,
        kinds: [PEPPOL_RESPOND_JOB],
      });

    beforeAll(() => {
      outbox = createPeppolResponseOutbox(engine.db);
    });

    it("queues one MLS per received document: RE with the findings when invalid, AP only when asked for", async () => {
      const bad = await received(invalid);
      const first = await answerReceivedDocument(answerDeps(), {
        message: bad.message,
        invoice: bad.invoice,
      });
      expect(first).toMatchObject({
        kind: "queued",
        response: { kind: "mls", responseCode: "RE", receiver: "0242:000001", sender: "0242:000002" },
      });
      expect(await answerReceivedDocument(answerDeps(), { message: bad.message })).toEqual({
        kind: "none",
        reason: `message ${bad.message.messageId} was answered already`,
      });
      const [mls] = await outbox.responsesTo([bad.message.messageId]);
      expect(mls?.reasons).toEqual([{ code: "BV", text: "[BR-CO-15] totals <differ>", lineId: "NA" }]);
      const payload = await archive.get(mls?.payloadSha256 ?? "");
      expect(readPeppolResponse(payload ?? "")).toMatchObject({
        ok: true,
        value: { kind: "mls", status: "rejected", documentReference: { id: bad.message.instanceId } },
      });
      expect(await outbox.receivedInvoice(bad.invoice.invoiceNumber)).toEqual(bad.invoice);

      const good = await received(valid);
      expect(
        await answerReceivedDocument(answerDeps(), { message: good.message, invoice: good.invoice }),
      ).toMatchObject({
        kind: "none",
      });
      expect(await outbox.receivedInvoice(good.message.messageId)).toEqual(good.invoice);
      const asked = await received(valid);
      expect(
        await answerReceivedDocument(answerDeps(), {
          message: asked.message,
          mlsType: "ALWAYS_SEND",
          mlsTo: "9915:test",
        }),
      ).toMatchObject({
        kind: "queued",
        response: { responseCode: "AP", receiver: "9915:test", reasons: [] },
      });
      const status = await received(valid);
      expect(
        await answerReceivedDocument(answerDeps(), {
          message: { ...status.message, kind: "status-response" },
          mlsType: "ALWAYS_SEND",
        }),
      ).toMatchObject({ kind: "none" });
      // Both queued MLS go out: the negative one and the positive one asked for.
      const sender = scriptedSender([accepted, accepted]);
      const outcomes: string[] = [];
      for (const job of await claim()) outcomes.push(await processResponseJob(workerDeps(sender), job));
      expect(outcomes).toEqual(["accepted", "accepted"]);
      const codes = sender.built.map((request) => {
        const read = readPeppolResponse(request.payload);
        return read.ok ? `${read.value.kind} ${read.value.responseCode}` : read.error;
      });
      expect(codes.sort()).toEqual(["mls AP", "mls RE"]);
    });

    function workerDeps(
      sender: PeppolSender,
      lookups = [reachableLookup(SELLER, { url: "https://a.test/as4" })],
    ): ResponseWorkerDeps {
      return {
        outbox,
        archive,
        directory: scriptedDirectory(lookups),
        sender,
        settings: DEFAULT_DELIVERY_SETTINGS,
        countryC1: "BE",
        now: () => clock.now,
        worker: "worker:test",
      };
    }

    /** A valid invoice received, answered (no MLS) and responded to with `request`; returns its claimed job too. */
    async function respondedTo(request: Omit<Parameters<typeof respondToInvoice>[1], "reference">) {
      const { message, invoice } = await received(valid);
      await answerReceivedDocument(answerDeps(), { message, invoice });
      const response = await respondToInvoice(respondDeps(), {
        reference: invoice.invoiceNumber,
        ...request,
      });
      const [job] = await claim();
      if (job === undefined) throw new Error("no job");
      return { invoice, response, job };
    }

    it("answers a received invoice; a retry posts the archived bytes with the same MessageId, and the receipt is kept", async () => {
      const { invoice, response, job } = await respondedTo({
        status: "under-query",
        reason: "REF",
        note: "which order?",
      });
      expect(response).toMatchObject({
        kind: "invoice-response",
        responseCode: "UQ",
        sender: BUYER,
        receiver: SELLER,
      });
      const sender = scriptedSender([retryLater, accepted]);
      expect(await processResponseJob(workerDeps(sender), job)).toBe("deferred");
      const deferred = await outbox.getResponse(response.id);
      expect(deferred).toMatchObject({ state: "deferred", attempts: 1, outcome: { reason: "ECONNREFUSED" } });
      expect(await archive.get(deferred?.request?.sha256 ?? "")).toEqual(sender.posted[0]?.previous?.body);
      expect(sender.built[0]?.sbdh).toMatchObject({
        sender: BUYER,
        receiver: SELLER,
        instanceIdentifier: response.id,
      });
      expect(readPeppolResponse(sender.built[0]?.payload ?? "")).toMatchObject({
        ok: true,
        value: { status: "under-query", documentReference: { id: invoice.invoiceNumber } },
      });
      clock.advance(24 * 3_600_000);
      const [again] = await claim();
      if (again === undefined) throw new Error("no retry");
      expect(await processResponseJob(workerDeps(sender), again)).toBe("accepted");
      expect(sender.built).toHaveLength(1);
      expect(sender.posted.map((p) => [p.messageId, p.previous?.body.toString()])).toEqual([
        [response.messageId, `AS4 ${response.messageId} to https://a.test/as4 #1`],
        [response.messageId, `AS4 ${response.messageId} to https://a.test/as4 #1`],
      ]);
      const delivered = await outbox.getResponse(response.id);
      expect(delivered).toMatchObject({ state: "delivered", attempts: 2 });
      expect((await archive.get(delivered?.receiptSha256 ?? ""))?.toString()).toContain(response.messageId);
      expect(await claim()).toEqual([]);
    });

    it("records a receiver not on Peppol for the document type as undeliverable, without retrying", async () => {
      const { message, invoice } = await received(valid);
      const respond = () => respondToInvoice(respondDeps(), { reference: message.messageId, status: "paid" });
      await expect(respond()).rejects.toThrow("was not kept with its number");
      await answerReceivedDocument(answerDeps(), { message, invoice });
      const response = await respond();
      const sender = scriptedSender([]);
      const [job] = await claim();
      if (job === undefined) throw new Error("no job");
      const lookup: ParticipantLookup = {
        kind: "document-type-not-supported",
        participant: SELLER,
        tried: [SELLER],
        smpUrl: "https://smp.test/",
        documentTypes: [],
        reason: "no ServiceMetadata",
      };
      expect(await processResponseJob(workerDeps(sender, [lookup]), job)).toBe("failed");
      expect(await outbox.getResponse(response.id)).toMatchObject({
        state: "undeliverable",
        outcome: { lookup: "document-type-not-supported", reason: "no ServiceMetadata" },
      });
      expect(sender.built).toEqual([]);
      clock.advance(7 * 24 * 3_600_000);
      expect(await claim()).toEqual([]);
    });

    it("retries a response whose receiver's SMP answer cannot be trusted, sends nothing meanwhile, and sends it once it can", async () => {
      const { response, job } = await respondedTo({ status: "acknowledged" });
      const untrusted: ParticipantLookup = {
        kind: "refused",
        participant: SELLER,
        tried: [SELLER],
        reason: "the SMP answer's signature does not verify",
      };
      const sender = scriptedSender([accepted]);
      expect(await processResponseJob(workerDeps(sender, [untrusted]), job)).toBe("deferred");
      expect(await outbox.getResponse(response.id)).toMatchObject({
        state: "deferred",
        outcome: { lookup: "refused", reason: "the SMP answer's signature does not verify" },
      });
      expect(sender.built).toEqual([]);
      expect(await claim()).toEqual([]);
      clock.advance(24 * 3_600_000);
      const [again] = await claim();
      if (again === undefined) throw new Error("no retry");
      expect(await processResponseJob(workerDeps(sender), again)).toBe("accepted");
      expect(await outbox.getResponse(response.id)).toMatchObject({ state: "delivered", attempts: 2 });
    });

    it("runs a mixed batch: its peppol-respond jobs here, the others through the rest, in the batch's order", async () => {
      const { job } = await respondedTo({ status: "acknowledged" });
      const other = { ...job, id: "other", key: "other", kind: "deliver" };
      const passed: string[] = [];
      const outcomes = await processWithResponses(
        [other, job],
        async (rest) => {
          passed.push(...rest.map((j) => j.id));
          return rest.map(() => "skipped" as const);
        },
        workerDeps(scriptedSender([accepted])),
      );
      expect([outcomes, passed]).toEqual([["skipped", "accepted"], ["other"]]);
    });

    it("parks a response whose AS4 message cannot be built, and says why on the response", async () => {
      const { response, job } = await respondedTo({ status: "in-process" });
      const broken = {
        ...scriptedSender([]),
        build: () => ({ ok: false as const, error: "the endpoint certificate from the SMP cannot be read" }),
      };
      expect(await processResponseJob(workerDeps(broken), job)).toBe("parked");
      expect(await outbox.getResponse(response.id)).toMatchObject({
        state: "queued",
        outcome: { parked: expect.stringContaining("the endpoint certificate from the SMP cannot be read") },
      });
      expect(await claim()).toEqual([]);
    });
  },
);

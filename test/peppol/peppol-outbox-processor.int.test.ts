import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DELIVERY_SETTINGS } from "../../src/app/delivery-settings.ts";
import type { DeliveryStore } from "../../src/app/ports/delivery-store.ts";
import type { InvoiceRenderer } from "../../src/app/ports/invoice-renderer.ts";
import type { ParticipantLookup } from "../../src/app/ports/participant-directory.ts";
import {
  type PeppolWorkerDeps,
  processJobsByKind,
  processPeppolJobs,
} from "../../src/app/process-peppol-jobs.ts";
import { releaseDelivery } from "../../src/app/release-delivery.ts";
import { PEPPOL_DELIVER_JOB, sendInvoices } from "../../src/app/send-invoices.ts";
import { createLocalArchive } from "../../src/archive/local-archive.ts";
import { createChannelDecisionLog } from "../../src/store/channel-decisions/channel-decision-repository.ts";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";
import { fakeRenderer } from "../delivery/support/delivery-fakes.ts";
import { customer, invoice, SELLER, seed } from "../delivery/support/delivery-fixtures.ts";
import { type Clock, clockAt } from "../delivery/support/worker-deps.ts";
import { describeEachEngine } from "../support/databases.ts";
import { reachableLookup } from "../support/peppol/reachable-lookup.ts";
import {
  type Answer,
  accepted,
  notServiced,
  rejected,
  retryLater,
  scriptedDirectory,
  scriptedSender,
} from "../support/peppol/scripted-peppol.ts";

const PARTICIPANT = "0208:0202239951";

function reachable(url: string, serialNumber = "01"): ParticipantLookup {
  return reachableLookup(PARTICIPANT, { url, serialNumber });
}

describeEachEngine("processPeppolJobs with a scripted sender and directory", (engine) => {
  let store: DeliveryStore;
  let clock: Clock;
  let n = 0;

  /** One issued invoice for a Peppol buyer, queued as a Peppol delivery; returns its number. */
  async function queued(): Promise<string> {
    const number = `Q-${++n}-${randomUUID().slice(0, 6)}`;
    await seed(engine.db, { customers: [], recipients: [], invoices: [invoice(number, "B2B")] });
    await sendInvoices(
      {
        store,
        now: () => clock.now,
        newId: randomUUID,
        newMessageId: () => `${randomUUID()}@seller.test`,
        route: async (invoices) =>
          invoices.map(() => ({
            decision: {
              kind: "send",
              channel: "peppol",
              scope: "be-b2b-mandate",
              peppolRequired: true,
              explanation: "test",
            },
            participant: PARTICIPANT,
            lookup: null,
          })),
      },
      { selection: { kind: "numbers", numbers: [number] }, actor: "cli:test" },
    );
    return number;
  }

  function deps(
    sender: ReturnType<typeof scriptedSender>,
    lookups: ParticipantLookup[],
    overrides: Partial<PeppolWorkerDeps> = {},
  ): PeppolWorkerDeps & { readonly fresh: boolean[] } {
    const directory = scriptedDirectory(lookups);
    return {
      fresh: directory.fresh,
      store,
      archive: createLocalArchive(mkdtempSync(join(tmpdir(), "facteur-peppol-unit-"))),
      renderer: fakeRenderer,
      seller: SELLER,
      directory,
      sender,
      settings: DEFAULT_DELIVERY_SETTINGS,
      now: () => clock.now,
      worker: "worker:unit",
      newId: randomUUID,
      ...overrides,
    };
  }

  const claim = () =>
    store.claim({
      worker: "worker:unit",
      limit: 10,
      now: clock.now,
      leaseMs: 60_000,
      kinds: [PEPPOL_DELIVER_JOB],
    });
  const delivery = async (number: string) => {
    const [d] = await store.deliveriesOfInvoice(number);
    if (d === undefined) throw new Error(`no delivery for ${number}`);
    return d;
  };

  beforeAll(async () => {
    store = createDeliveryStore(engine.db);
    clock = clockAt("2026-12-02T09:00:00.000Z");
    await seed(engine.db, {
      customers: [customer("B2B", { enterpriseNumber: "0202239951", vatNumber: "BE0202239951" })],
      recipients: [],
      invoices: [],
    });
  });

  it("sends with the delivery's MessageId and its id as SBDH instance id, and records the receipt", async () => {
    const number = await queued();
    const sender = scriptedSender([accepted]);
    const d = deps(sender, [reachable("https://ap.test/as4")]);
    expect(await processPeppolJobs(d, await claim())).toEqual(["accepted"]);
    const sent = await delivery(number);
    expect(sender.posted[0]).toMatchObject({
      messageId: sent.messageId,
      sbdh: { instanceIdentifier: sent.id, sender: SELLER.peppolId, receiver: PARTICIPANT, countryC1: "BE" },
    });
    expect(sent).toMatchObject({ state: "accepted", attempts: 1 });
    const accept = (await store.timeline(sent.id)).at(-1);
    expect(accept?.evidence.receipt).toMatchObject({
      messageId: `receipt-${sent.messageId}`,
      nonRepudiationReferences: 2,
      signer: { subject: "CN=POP000002", serialNumber: "02" },
      verified: true,
    });
    expect(await claim()).toEqual([]);
  });

  it("runs a batch of several jobs at once and returns their outcomes in the batch's order", async () => {
    const numbers = [await queued(), await queued(), await queued()];
    const sender = scriptedSender([accepted, accepted, accepted]);
    const jobs = await claim();
    expect(jobs).toHaveLength(3);
    const outcomes = await processPeppolJobs(deps(sender, [reachable("https://ap.test/as4")]), jobs);
    expect(outcomes).toEqual(["accepted", "accepted", "accepted"]);
    for (const number of numbers) expect((await delivery(number)).state).toBe("accepted");
  });

  it("defers a retry-later on the schedule and resends the archived bytes to the same endpoint", async () => {
    const number = await queued();
    const sender = scriptedSender([retryLater, accepted]);
    const d = deps(sender, [reachable("https://ap.test/as4")]);
    expect(await processPeppolJobs(d, await claim())).toEqual(["deferred"]);
    const deferred = await delivery(number);
    expect(deferred.nextAttemptAt).toEqual(new Date(clock.now.getTime() + 60_000));
    expect(await claim()).toEqual([]);
    clock.advance(60_000);
    expect(await processPeppolJobs(d, await claim())).toEqual(["accepted"]);
    expect(sender.posted[1]?.previous?.body).toEqual(
      Buffer.from(`AS4 ${deferred.messageId} to https://ap.test/as4 #1`),
    );
    expect(d.fresh).toEqual([false, true]);
    expect(sender.built).toHaveLength(1);
  });

  it("after a crash once the message was archived, posts the same archived bytes again", async () => {
    const number = await queued();
    const crash: Answer = () => {
      throw new Error("the worker died during the POST");
    };
    const sender = scriptedSender([crash, accepted]);
    const d = deps(sender, [reachable("https://ap.test/as4")]);
    expect(await processPeppolJobs(d, await claim())).toEqual(["crashed"]);
    clock.advance(DEFAULT_DELIVERY_SETTINGS.crashBackoffMs);
    expect(await processPeppolJobs(d, await claim())).toEqual(["accepted"]);
    expect(sender.built).toHaveLength(1);
    expect(sender.posted[1]?.previous?.body).toEqual(sender.posted[0]?.previous?.body);
    const events = (await store.timeline((await delivery(number)).id)).map((e) => e.event);
    expect(events).toEqual(["queue", "archive", "accept"]);
  });

  it("fails a rejected message with the receiver's error", async () => {
    const number = await queued();
    const d = deps(scriptedSender([rejected]), [reachable("https://ap.test/as4")]);
    expect(await processPeppolJobs(d, await claim())).toEqual(["failed"]);
    const failed = await delivery(number);
    expect(failed.state).toBe("failed");
    expect((await store.timeline(failed.id)).at(-1)?.evidence.error).toEqual({
      code: "EBMS:0101",
      detail: "signature",
    });
  });

  it("after NOT_SERVICED looks up afresh and builds a new message for a new endpoint (same MessageId)", async () => {
    const number = await queued();
    const sender = scriptedSender([notServiced, accepted]);
    const d = deps(sender, [reachable("https://old.test/as4"), reachable("https://new.test/as4", "07")]);
    expect(await processPeppolJobs(d, await claim())).toEqual(["deferred"]);
    clock.advance(60_000);
    expect(await processPeppolJobs(d, await claim())).toEqual(["accepted"]);
    expect(d.fresh).toEqual([false, true]);
    expect(sender.built.map((r) => r.endpoint.url)).toEqual(["https://old.test/as4", "https://new.test/as4"]);
    expect(sender.posted[1]?.previous?.body.toString()).toContain("to https://new.test/as4");
    expect(sender.posted[1]?.messageId).toBe(sender.posted[0]?.messageId);
    expect(sender.posted[1]?.endpoint.url).toBe("https://new.test/as4");
    const events = (await store.timeline((await delivery(number)).id)).map((e) => e.event);
    expect(events).toEqual(["queue", "archive", "defer", "archive", "accept"]);
  });

  it("defers without sending while discovery cannot answer, and holds (never e-mails) when the answer is refused", async () => {
    const number = await queued();
    const sender = scriptedSender([]);
    const d = deps(sender, [
      { kind: "try-later", tried: [PARTICIPANT], reason: "SERVFAIL" },
      { kind: "refused", participant: PARTICIPANT, tried: [PARTICIPANT], reason: "bad SMP signature" },
    ]);
    expect(await processPeppolJobs(d, await claim())).toEqual(["deferred"]);
    clock.advance(60_000);
    expect(await processPeppolJobs(d, await claim())).toEqual(["failed"]);
    expect(sender.posted).toEqual([]);
    const [decision] = (await createChannelDecisionLog(engine.db).decisionsOf(number)).slice(-1);
    expect(decision).toMatchObject({
      actor: "worker:unit",
      participant: PARTICIPANT,
      decision: { kind: "hold", reason: "lookup-refused", scope: "be-b2b-mandate" },
    });
    expect(await store.deliveriesOfInvoice(number)).toHaveLength(1);
  });

  it("expires a delivery still unanswered when the schedule runs out", async () => {
    const number = await queued();
    const d = deps(scriptedSender([retryLater]), [reachable("https://ap.test/as4")], {
      settings: { ...DEFAULT_DELIVERY_SETTINGS, schedule: { delays: [], every: 60_000, giveUpAfter: 1_000 } },
    });
    expect(await processPeppolJobs(d, await claim())).toEqual(["expired"]);
    expect((await delivery(number)).state).toBe("expired");
  });

  it("parks the job when the invoice cannot be written as UBL, and sends it once released", async () => {
    const number = await queued();
    const broken: InvoiceRenderer = { ...fakeRenderer, ubl: () => ({ ok: false, message: "BT-1 missing" }) };
    const d = deps(scriptedSender([]), [reachable("https://ap.test/as4")], { renderer: broken });
    expect(await processPeppolJobs(d, await claim())).toEqual(["parked"]);
    const parked = await delivery(number);
    expect(parked.state).toBe("parked");
    await releaseDelivery(
      { store, now: () => clock.now },
      { deliveryId: parked.id, actor: "cli:test", reason: "fixed" },
    );
    const fixed = deps(scriptedSender([accepted]), [reachable("https://ap.test/as4")]);
    expect(await processPeppolJobs(fixed, await claim())).toEqual(["accepted"]);
  });
});

describe("processJobsByKind", () => {
  it("keeps the batch's order, and leaves Peppol jobs to e-mail's processor only when no Peppol sender is given", async () => {
    const job = (id: string, kind: string) => ({
      id,
      key: id,
      kind,
      payload: {},
      attempts: 1,
      crashes: 0,
      lastError: null,
      lease: { jobId: id, token: "t", worker: "w", until: new Date() },
    });
    const jobs = [job("1", "deliver"), job("2", PEPPOL_DELIVER_JOB), job("3", "deliver")];
    const seen: string[] = [];
    const email = async (batch: readonly { id: string }[]) => {
      seen.push(...batch.map((j) => j.id));
      return batch.map((j) => (j.id === "3" ? ("failed" as const) : ("accepted" as const)));
    };
    expect(await processJobsByKind(jobs, email, undefined)).toEqual(["accepted", "accepted", "failed"]);
    expect(seen).toEqual(["1", "2", "3"]);
  });
});

import { createHash, randomUUID } from "node:crypto";
import { beforeEach, expect, it } from "vitest";
import type { OutgoingMessage } from "../../src/app/ports/mail-transport.ts";
import type { MessageComposer } from "../../src/app/ports/message-composer.ts";
import { processDeliveryJob } from "../../src/app/process-delivery-jobs.ts";
import { releaseDelivery } from "../../src/app/release-delivery.ts";
import { runWorker } from "../../src/app/run-worker.ts";
import { sendInvoices } from "../../src/app/send-invoices.ts";
import { summarizeDeliveries } from "../../src/core/delivery/delivery-summary.ts";
import { AppError } from "../../src/core/errors/app-error.ts";
import { describeEachEngine } from "../support/databases.ts";
import { routeByPreference } from "../support/route-by-preference.ts";
import { fakeTransport, type RelayBehaviour } from "./support/delivery-fakes.ts";
import { customer, invoice, recipient, seed } from "./support/delivery-fixtures.ts";
import { type Clock, clockAt, workerDeps } from "./support/worker-deps.ts";

const sha256 = (raw: Buffer) => createHash("sha256").update(raw).digest("hex");
const temporary: RelayBehaviour = () => ({
  kind: "deferred",
  reply: { code: 451, enhanced: "4.3.0", text: "4.3.0 Try again later", queueId: null },
  error: "451 4.3.0 Try again later",
});

describeEachEngine("delivery worker", (engine) => {
  let clock: Clock;
  let n = 0;

  /** Seeds `count` invoices for a customer with an invoice mailbox and a copy recipient, and queues them. */
  async function queued(count: number): Promise<string[]> {
    n++;
    const k = `W${n}`;
    const numbers = Array.from({ length: count }, (_, i) => `${k}-${i + 1}`);
    await seed(engine.db, {
      customers: [customer(k)],
      recipients: [
        recipient(k, "invoice-mailbox", `invoices@${k}.example`),
        recipient(k, "copy", `boss@${k}.example`),
      ],
      invoices: numbers.map((number) => invoice(number, k)),
    });
    await sendInvoices(
      {
        store: workerDeps(engine.db, clock).store,
        now: () => clock.now,
        newId: randomUUID,
        newMessageId: () => `${randomUUID()}@seller.test`,
        route: routeByPreference,
      },
      { selection: { kind: "numbers", numbers }, actor: "cli:test" },
    );
    return numbers;
  }

  beforeEach(async () => {
    clock = clockAt("2026-12-02T09:00:00.000Z");
    await engine.db
      .updateTable("jobs")
      .set({ state: "done" })
      .where("state", "in", ["queued", "running"])
      .execute();
  });

  it("accepts a delivery after a 250 and archives exactly the bytes it submitted", async () => {
    const [number] = await queued(1);
    const transport = fakeTransport();
    const deps = workerDeps(engine.db, clock, { transport });
    const stats = await runWorker(deps, { concurrency: 2, batchSize: 4, pollMs: 10, once: true });
    expect(stats.outcomes.accepted).toBe(2);
    const deliveries = await deps.store.deliveriesOfInvoice(number ?? "");
    expect(deliveries.map((d) => d.state)).toEqual(["accepted", "accepted"]);
    for (const delivery of deliveries) {
      const sent = transport.submitted.find((m) => m.messageId === delivery.messageId) as OutgoingMessage;
      expect(delivery.archive?.sha256).toBe(sha256(sent.raw));
      expect(await deps.archive.get(delivery.archive?.sha256 ?? "")).toEqual(sent.raw);
      expect(sent.envelope).toEqual({
        from: `bounce+${delivery.id}@bounce.seller.test`,
        to: delivery.recipients.map((r) => r.email),
      });
      expect(delivery.lastReply).toMatchObject({ code: 250, queueId: "ABC123" });
      const timeline = await deps.store.timeline(delivery.id);
      expect(timeline.map((e) => [e.event, e.from, e.to])).toEqual([
        ["queue", null, "queued"],
        ["archive", "queued", "queued"],
        ["accept", "queued", "accepted"],
      ]);
      expect(timeline[1]?.evidence).toMatchObject({
        sha256: delivery.archive?.sha256,
        size: sent.raw.length,
      });
      expect(timeline[2]?.evidence).toMatchObject({ reply: { code: 250 }, queueId: "ABC123", attempt: 1 });
    }
    const copy = transport.submitted.find((m) => m.raw.toString().includes("[COPY]"));
    expect(copy?.raw.toString()).toContain("copy without UBL");
    expect(summarizeDeliveries(deliveries).status).toBe("sent");
  });

  it("defers on 4xx and unreachable relays, retries on schedule without a hot loop, and resubmits the same bytes", async () => {
    const [number] = await queued(1);
    const transport = fakeTransport((_message, attempt) =>
      attempt === 1
        ? temporary(_message, attempt)
        : attempt === 2
          ? { kind: "deferred", reply: null, error: "connect ECONNREFUSED 127.0.0.1:25" }
          : { kind: "accepted", reply: { code: 250, enhanced: "2.0.0", text: "Ok", queueId: "Q9" } },
    );
    const deps = workerDeps(engine.db, clock, { transport });
    await runWorker(deps, { concurrency: 2, batchSize: 4, pollMs: 10, once: true });
    let [main] = await deps.store.deliveriesOfInvoice(number ?? "");
    expect(main).toMatchObject({
      state: "deferred",
      attempts: 1,
      nextAttemptAt: new Date(clock.now.getTime() + 60_000),
    });

    clock.advance(59_000);
    const early = await runWorker(deps, { concurrency: 2, batchSize: 4, pollMs: 10, once: true });
    expect(early.claimed).toBe(0);
    expect(transport.submitted).toHaveLength(2);

    clock.advance(1_000);
    await runWorker(deps, { concurrency: 2, batchSize: 4, pollMs: 10, once: true });
    [main] = await deps.store.deliveriesOfInvoice(number ?? "");
    expect(main).toMatchObject({
      state: "deferred",
      attempts: 2,
      nextAttemptAt: new Date(clock.now.getTime() + 300_000),
    });

    clock.advance(300_000);
    await runWorker(deps, { concurrency: 2, batchSize: 4, pollMs: 10, once: true });
    [main] = await deps.store.deliveriesOfInvoice(number ?? "");
    expect(main).toMatchObject({ state: "accepted", attempts: 3, lastReply: { queueId: "Q9" } });
    const attempts = transport.submitted.filter((m) => m.messageId === main?.messageId);
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((m) => sha256(m.raw)))).toEqual(new Set([main?.archive?.sha256]));
    expect(deps.composer.composed).toBe(2);
    const events = await deps.store.timeline(main?.id ?? "");
    expect(events.map((e) => e.event)).toEqual(["queue", "archive", "defer", "defer", "accept"]);
    expect(events[3]?.evidence).toMatchObject({ reply: null, error: "connect ECONNREFUSED 127.0.0.1:25" });
  });

  it("fails a delivery at once on a 5xx reply and keeps the reply", async () => {
    const [number] = await queued(1);
    const transport = fakeTransport(() => ({
      kind: "rejected",
      reply: {
        code: 550,
        enhanced: "5.1.1",
        text: "5.1.1 <invoices@x>: Recipient address rejected",
        queueId: null,
      },
    }));
    const deps = workerDeps(engine.db, clock, { transport });
    await runWorker(deps, { concurrency: 2, batchSize: 4, pollMs: 10, once: true });
    clock.advance(86_400_000);
    const later = await runWorker(deps, { concurrency: 2, batchSize: 4, pollMs: 10, once: true });
    expect(later.claimed).toBe(0);
    const deliveries = await deps.store.deliveriesOfInvoice(number ?? "");
    expect(deliveries.map((d) => [d.state, d.attempts, d.lastReply?.code, d.lastReply?.enhanced])).toEqual([
      ["failed", 1, 550, "5.1.1"],
      ["failed", 1, 550, "5.1.1"],
    ]);
    expect(summarizeDeliveries(deliveries).status).toBe("failed");
  });

  it("expires a delivery still deferred when the schedule runs out", async () => {
    const [number] = await queued(1);
    const deps = workerDeps(engine.db, clock, {
      transport: fakeTransport(temporary),
      settings: { schedule: { delays: [1_000], every: 2_000, giveUpAfter: 4_500 } },
    });
    const states: string[] = [];
    for (let i = 0; i < 6; i++) {
      await runWorker(deps, { concurrency: 2, batchSize: 4, pollMs: 10, once: true });
      const [main] = await deps.store.deliveriesOfInvoice(number ?? "");
      states.push(`${main?.state}:${main?.attempts}`);
      clock.advance(2_000);
    }
    // Attempts at 0s, 2s (1s wait rounded up by the clock step), 4s; the next would fall after 4.5s.
    expect(states).toEqual(["deferred:1", "deferred:2", "expired:3", "expired:3", "expired:3", "expired:3"]);
  });

  it("parks a job that keeps crashing, with its error, while the other jobs keep flowing", async () => {
    const numbers = await queued(3);
    const bad = numbers[1] ?? "";
    const deps = workerDeps(engine.db, clock, { settings: { maxCrashes: 3, crashBackoffMs: 1_000 } });
    const composer: MessageComposer = {
      compose: async (message) => {
        if (message.document.number === bad) throw new Error("template exploded");
        return deps.composer.compose(message);
      },
    };
    const crashing = { ...deps, composer };
    const first = await runWorker(crashing, { concurrency: 1, batchSize: 2, pollMs: 10, once: true });
    expect(first.outcomes).toMatchObject({ accepted: 4, crashed: 2 });
    for (let i = 0; i < 4; i++) {
      clock.advance(10_000);
      await runWorker(crashing, { concurrency: 1, batchSize: 2, pollMs: 10, once: true });
    }
    const deliveries = await deps.store.deliveriesOfInvoice(bad);
    expect(deliveries.map((d) => d.state)).toEqual(["parked", "parked"]);
    const park = (await deps.store.timeline(deliveries[0]?.id ?? "")).at(-1);
    expect(park).toMatchObject({
      event: "park",
      evidence: { error: expect.stringMatching(/crashed 3 times.*template exploded/) },
    });
    const parked = await engine.db
      .selectFrom("jobs")
      .select(["state", "last_error"])
      .where("key", "like", `%`)
      .where("state", "=", "parked")
      .execute();
    expect(parked.some((j) => j.last_error?.includes("template exploded"))).toBe(true);
    for (const number of numbers.filter((x) => x !== bad)) {
      expect((await deps.store.deliveriesOfInvoice(number)).map((d) => d.state)).toEqual([
        "accepted",
        "accepted",
      ]);
    }
    expect(summarizeDeliveries(deliveries).status).toBe("needs-attention");
  });

  it("after a crash between archiving and the relay's answer, resubmits the archived bytes, never recomposed", async () => {
    const [number] = await queued(1);
    const transport = fakeTransport((_message, attempt) => {
      if (attempt === 1) throw new Error("worker killed during SMTP DATA");
      return { kind: "accepted", reply: { code: 250, enhanced: null, text: "Ok", queueId: null } };
    });
    const deps = workerDeps(engine.db, clock, { transport, settings: { crashBackoffMs: 1_000 } });
    const first = await runWorker(deps, { concurrency: 2, batchSize: 4, pollMs: 10, once: true });
    expect(first.outcomes.crashed).toBe(2);
    clock.advance(1_000);
    await runWorker(deps, { concurrency: 2, batchSize: 4, pollMs: 10, once: true });
    const deliveries = await deps.store.deliveriesOfInvoice(number ?? "");
    expect(deliveries.map((d) => d.state)).toEqual(["accepted", "accepted"]);
    expect(deps.composer.composed).toBe(2);
    for (const delivery of deliveries) {
      const tries = transport.submitted.filter((m) => m.messageId === delivery.messageId);
      expect(tries).toHaveLength(2);
      expect(tries[0]?.raw).toEqual(tries[1]?.raw);
    }
  });

  it("sends nothing for a job whose lease was taken over by another worker", async () => {
    await queued(1);
    const transport = fakeTransport();
    const deps = workerDeps(engine.db, clock, { transport });
    const claim = (worker: string, leaseMs: number) =>
      deps.store.claim({ worker, limit: 2, now: clock.now, leaseMs, kinds: ["deliver"] });
    const [stale] = await claim("slow", 1_000);
    clock.advance(1_000);
    const taken = await claim("fast", 60_000);
    expect(taken.map((j) => j.id)).toContain(stale?.id);
    if (stale === undefined) throw new Error("expected a job");
    expect(await processDeliveryJob({ ...deps, worker: "slow" }, stale)).toBe("lease-lost");
    expect(transport.submitted).toEqual([]);
  });
  it("keeps the recipients the relay refused on the accept event, without resending to the others", async () => {
    const [number] = await queued(1);
    const transport = fakeTransport(() => ({
      kind: "accepted",
      reply: { code: 250, enhanced: "2.0.0", text: "Ok", queueId: "Q1" },
      refused: [
        {
          address: "gone@x.example",
          reply: { code: 550, enhanced: "5.1.1", text: "no such user", queueId: null },
        },
      ],
    }));
    const deps = workerDeps(engine.db, clock, { transport });
    await runWorker(deps, { concurrency: 1, batchSize: 4, pollMs: 10, once: true });
    const [main] = await deps.store.deliveriesOfInvoice(number ?? "");
    expect(main?.state).toBe("accepted");
    const accept = (await deps.store.timeline(main?.id ?? "")).at(-1);
    expect(accept?.evidence).toMatchObject({
      refused: [{ address: "gone@x.example", code: 550, enhanced: "5.1.1", text: "no such user" }],
    });
  });

  it("parks a delivery at once when the composer finds it cannot make a valid message", async () => {
    const [number] = await queued(1);
    const deps = workerDeps(engine.db, clock);
    const composer: MessageComposer = {
      compose: async () => {
        throw new AppError("invalid-input", "the message cannot be composed", [
          { source: "invoice-message", field: "to", message: "has a control character" },
        ]);
      },
    };
    const stats = await runWorker(
      { ...deps, composer },
      { concurrency: 1, batchSize: 4, pollMs: 10, once: true },
    );
    expect(stats.outcomes.parked).toBe(2);
    const [main] = await deps.store.deliveriesOfInvoice(number ?? "");
    expect(main?.state).toBe("parked");
    const park = (await deps.store.timeline(main?.id ?? "")).at(-1);
    expect(park?.evidence).toMatchObject({ error: expect.stringContaining("to: has a control character") });
  });
  it("sends a parked delivery once an operator releases it, and refuses to release one that is not parked", async () => {
    const [number] = await queued(1);
    const deps = workerDeps(engine.db, clock, { settings: { maxCrashes: 1 } });
    const broken: MessageComposer = {
      compose: async () => {
        throw new Error("template missing");
      },
    };
    await runWorker({ ...deps, composer: broken }, { concurrency: 1, batchSize: 4, pollMs: 10, once: true });
    const [parked] = await deps.store.deliveriesOfInvoice(number ?? "");
    expect(parked?.state).toBe("parked");
    const release = (deliveryId: string) =>
      releaseDelivery(
        { store: deps.store, now: () => clock.now },
        { deliveryId, actor: "cli:ops", reason: "template restored" },
      );
    await release(parked?.id ?? "");
    await expect(release(parked?.id ?? "")).rejects.toThrow(/queued, not parked/);
    const stats = await runWorker(deps, { concurrency: 1, batchSize: 4, pollMs: 10, once: true });
    expect(stats.outcomes.accepted).toBe(1);
    const timeline = await deps.store.timeline(parked?.id ?? "");
    expect(timeline.map((e) => e.event)).toEqual(["queue", "park", "release", "archive", "accept"]);
    expect(timeline[2]).toMatchObject({ actor: "cli:ops", evidence: { reason: "template restored" } });
  });
});

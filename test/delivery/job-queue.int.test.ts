import { beforeEach, expect, it } from "vitest";
import type { DeliveryStore } from "../../src/app/ports/delivery-store.ts";
import type { ClaimedJob } from "../../src/app/ports/job-queue.ts";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";
import { describeEachEngine } from "../support/databases.ts";

const T0 = new Date("2026-12-02T09:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describeEachEngine("job queue", (engine) => {
  let store: DeliveryStore;
  let prefix = 0;

  beforeEach(async () => {
    store = createDeliveryStore(engine.db);
    prefix++;
    // Whatever earlier tests left claimable is parked out of the way.
    await engine.db
      .updateTable("jobs")
      .set({ state: "done" })
      .where("state", "in", ["queued", "running"])
      .execute();
  });

  const enqueue = (count: number, runAt = T0) =>
    store.transaction((unit) =>
      unit.enqueue(
        Array.from({ length: count }, (_, i) => ({
          key: `test:${prefix}:${i}`,
          kind: "deliver",
          payload: { n: i },
          runAt,
        })),
        T0,
      ),
    );
  const claim = (target: DeliveryStore, worker: string, now: Date, limit = 5, leaseMs = 60_000) =>
    target.claim({ worker, limit, now, leaseMs, kinds: ["deliver"] });

  it("writes a job once per key, so a repeated enqueue is a no-op", async () => {
    expect((await enqueue(3)).size).toBe(3);
    expect((await enqueue(3)).size).toBe(0);
    expect((await store.countJobs()).queued).toBe(3);
  });

  it("hands each job to one claimer only, however the claims interleave", async () => {
    await enqueue(120);
    const other = createDeliveryStore(engine.open().db);
    const seen: string[] = [];
    const drain = async (target: DeliveryStore, worker: string) => {
      for (;;) {
        const jobs = await claim(target, worker, at(1000), 7);
        if (jobs.length === 0) return;
        seen.push(...jobs.map((j) => j.id));
      }
    };
    if (engine.dialect === "postgres") {
      // Truly concurrent on PostgreSQL: FOR UPDATE SKIP LOCKED makes them pass over each other's rows.
      await Promise.all([drain(store, "w1"), drain(other, "w2"), drain(store, "w3"), drain(other, "w4")]);
    } else {
      await drain(store, "w1");
      await drain(other, "w2");
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
  });

  it("does not hand out a job before it is due", async () => {
    await enqueue(1, at(60_000));
    expect(await claim(store, "w1", at(59_999))).toEqual([]);
    expect(await claim(store, "w1", at(60_000))).toHaveLength(1);
  });

  it("gives a job whose lease ran out to another worker, counting a crash, and fences off the old holder", async () => {
    await enqueue(1);
    const [first] = await claim(store, "dead-worker", T0, 1, 1_000);
    expect(first).toMatchObject({ attempts: 1, crashes: 0 });
    expect(await claim(store, "w2", at(999))).toEqual([]);
    const [second] = await claim(store, "w2", at(1_000));
    expect(second).toMatchObject({ id: first?.id, attempts: 2, crashes: 1 });
    const lease = (first as ClaimedJob).lease;
    const stale = await store.transaction(async (unit) => ({
      holds: await unit.holdsLease(lease),
      completed: await unit.completeJob(lease, at(1_500)),
    }));
    expect(stale).toEqual({ holds: false, completed: false });
    const current = (second as ClaimedJob).lease;
    expect(await store.transaction((unit) => unit.completeJob(current, at(1_500)))).toBe(true);
    expect(await claim(store, "w3", at(10_000_000))).toEqual([]);
  });

  it("queues a retried job for later and parks a job for good", async () => {
    await enqueue(2);
    const [a, b] = (await claim(store, "w1", T0, 2)) as ClaimedJob[];
    if (a === undefined || b === undefined) throw new Error("expected two jobs");
    await store.transaction(async (unit) => {
      await unit.retryJob(a.lease, at(5_000), T0, "boom");
      await unit.parkJob(b.lease, "broken for good", T0);
    });
    expect(await claim(store, "w1", at(4_999))).toEqual([]);
    const [again] = await claim(store, "w1", at(5_000));
    expect(again).toMatchObject({ id: a.id, crashes: 1, lastError: "boom" });
    const lease = (again as ClaimedJob).lease;
    await store.transaction((unit) => unit.completeJob(lease, at(5_000)));
    expect(await claim(store, "w1", at(100_000_000))).toEqual([]);
    expect((await store.countJobs()).parked).toBeGreaterThanOrEqual(1);
  });
});

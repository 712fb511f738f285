import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sendInvoices } from "../../src/app/send-invoices.ts";
import type { DatabaseOptions } from "../../src/store/create-database.ts";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";
import { describeEachEngine, type TestEngine } from "../support/databases.ts";
import { routeByPreference } from "../support/route-by-preference.ts";
import { type CaptureRelay, startCaptureRelay } from "./support/capture-relay.ts";
import { customer, invoice, recipient, seed } from "./support/delivery-fixtures.ts";

/**
 * The acceptance crash test: a worker process is killed with SIGKILL at random moments, again and again, while it
 * delivers 5,000 invoices to a capture relay. The next worker is started while the current one works and let loose at
 * the kill, so restarts cost no time. On PostgreSQL a second, steady worker runs alongside (several workers on one
 * database is the PostgreSQL setup; only kills can cause duplicates); on SQLite one worker at a time, the embedded
 * setup. The fake renderer and composer keep each message small, so the run measures the outbox, the leases and the
 * archive-before-submit rule, not PDF rendering.
 */
const INVOICES = Number(process.env.CRASH_INVOICES ?? 5_000);
const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const SCRIPT = fileURLToPath(new URL("./support/crash-worker.ts", import.meta.url));

async function databaseOptions(engine: TestEngine): Promise<DatabaseOptions> {
  if (engine.dialect === "sqlite") {
    const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(engine.db);
    const file = rows.find((r) => r.name === "main")?.file;
    if (!file) throw new Error("the SQLite test database has no file");
    return { kind: "sqlite", file };
  }
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(engine.db);
  const url = process.env.FACTEUR_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  return { kind: "postgres", url, schema: rows[0]?.schema ?? "public" };
}

function startWorker(args: object): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, JSON.stringify(args)], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(`[worker ${child.pid}] ${chunk.toString()}`);
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    child.on("exit", (code) =>
      reject(new Error(`worker exited with ${code} before it was ready: ${stderr}`)),
    );
  });
  return { child, ready };
}

/** Stops `child` with `signal`; a worker that does not finish and exit within 20 s of SIGTERM fails the test. */
async function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = once(child, "exit");
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exit;
  clearTimeout(timer);
  if (child.signalCode === "SIGKILL" && signal !== "SIGKILL") {
    throw new Error(`worker ${child.pid} did not stop within 20 s of ${signal}`);
  }
}

async function countAccepted(engine: TestEngine, prefix: string): Promise<number> {
  const row = await engine.db
    .selectFrom("deliveries")
    .select((eb) => eb.fn.countAll<bigint>().as("n"))
    .where("state", "=", "accepted")
    .where("invoice_number", "like", `${prefix}%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function waitForAccepted(
  engine: TestEngine,
  prefix: string,
  count: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await countAccepted(engine, prefix)) < count) {
    if (Date.now() > deadline)
      throw new Error(`only ${await countAccepted(engine, prefix)} of ${count} accepted`);
    await sleep(200);
  }
}

async function seedAndSend(engine: TestEngine, prefix: string, count: number): Promise<void> {
  const customers = Array.from({ length: 50 }, (_, i) => customer(`${prefix}K${i}`));
  await seed(engine.db, {
    customers,
    recipients: customers.map((c) =>
      recipient(c.number, "invoice-mailbox", `invoices@${c.number.toLowerCase()}.test`),
    ),
    invoices: Array.from({ length: count }, (_, i) =>
      invoice(`${prefix}${String(i).padStart(5, "0")}`, `${prefix}K${i % 50}`),
    ),
  });
  const report = await sendInvoices(
    {
      store: createDeliveryStore(engine.db),
      now: () => new Date(),
      newId: randomUUID,
      newMessageId: () => `${randomUUID()}@seller.test`,
      route: routeByPreference,
    },
    { selection: { kind: "unsent", customerNumber: undefined }, actor: "cli:crash-test" },
  );
  expect(report.messages).toBe(count);
}

/** Message-ID -> the SHA-256 of each copy the relay received. */
function receivedById(relay: CaptureRelay): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const r of relay.received) byId.set(r.messageId, [...(byId.get(r.messageId) ?? []), r.sha256]);
  return byId;
}

describeEachEngine("crash test", (engine) => {
  let relay: CaptureRelay;
  const children: ChildProcess[] = [];
  const archiveDir = mkdtempSync(join(tmpdir(), "facteur-crash-archive-"));

  beforeAll(async () => {
    relay = await startCaptureRelay();
  });
  afterAll(async () => {
    // A failed assertion must not leave workers running.
    await Promise.all(children.map((child) => stopped(child, "SIGKILL")));
    await relay.close();
    rmSync(archiveDir, { recursive: true, force: true });
  });

  it(`delivers ${INVOICES} invoices exactly once through ${KILLS} SIGKILLs, duplicates only with the same Message-ID and bytes`, async () => {
    await seedAndSend(engine, "CR", INVOICES);
    const args = {
      database: await databaseOptions(engine),
      archiveDir,
      port: relay.port,
      leaseMs: 5_000,
      concurrency: 8,
    };
    const started = Date.now();
    let kills = 0;
    let killedWithWorkLeft = 0;
    const steady = engine.dialect === "postgres" ? startWorker({ ...args, name: "steady" }) : null;
    if (steady !== null) {
      children.push(steady.child);
      await steady.ready;
    }
    const gated = (name: string) => {
      const worker = startWorker({ ...args, name, gated: true });
      children.push(worker.child);
      return worker;
    };
    let current = gated("k0");
    await current.ready;
    current.child.stdin?.write("go\n");
    while (kills < KILLS) {
      const next = gated(`k${kills + 1}`);
      await sleep(100 + Math.random() * 900);
      if ((await countAccepted(engine, "CR")) < INVOICES) killedWithWorkLeft++;
      await stopped(current.child, "SIGKILL");
      kills++;
      await next.ready;
      next.child.stdin?.write("go\n");
      current = next;
    }
    const killPhase = (Date.now() - started) / 1000;
    const acceptedAtLastKill = await countAccepted(engine, "CR");
    await waitForAccepted(engine, "CR", INVOICES, 150_000);
    await stopped(current.child, "SIGTERM");
    if (steady !== null) await stopped(steady.child, "SIGTERM");
    const seconds = (Date.now() - started) / 1000;

    const deliveries = await engine.db
      .selectFrom("deliveries")
      .select(["id", "message_id", "state", "archive_sha256"])
      .where("invoice_number", "like", "CR%")
      .execute();
    expect(deliveries).toHaveLength(INVOICES);
    expect(deliveries.every((d) => d.state === "accepted")).toBe(true);
    const accepts = await engine.db
      .selectFrom("delivery_events")
      .select((eb) => eb.fn.countAll<bigint>().as("n"))
      .where("event", "=", "accept")
      .executeTakeFirstOrThrow();
    expect(Number(accepts.n)).toBe(INVOICES);

    const byId = receivedById(relay);
    const known = new Set(deliveries.map((d) => d.message_id));
    expect([...byId.keys()].filter((id) => !known.has(id))).toEqual([]);
    let duplicates = 0;
    for (const delivery of deliveries) {
      const copies = byId.get(delivery.message_id) ?? [];
      expect(copies.length, `delivery ${delivery.id} reached the relay`).toBeGreaterThanOrEqual(1);
      // Every copy, duplicates included, is the archived message: same bytes, so same Message-ID.
      expect(new Set(copies)).toEqual(new Set([delivery.archive_sha256]));
      duplicates += copies.length - 1;
    }
    expect(killedWithWorkLeft).toBeGreaterThanOrEqual(KILLS);
    expect(duplicates).toBeLessThanOrEqual(kills);
    console.log(
      `crash test (${engine.dialect}): ${INVOICES} invoices, ${kills} SIGKILLs, ${relay.received.length} submissions, ` +
        `${duplicates} duplicates (same Message-ID and bytes), ${seconds.toFixed(1)} s ` +
        `(kills over the first ${killPhase.toFixed(1)} s, ${acceptedAtLastKill} accepted by the last kill)`,
    );
  }, 240_000);

  it.runIf(engine.dialect === "postgres")(
    "lets two workers share one PostgreSQL database without ever sending a delivery twice",
    async () => {
      const count = 2_000;
      await seedAndSend(engine, "TW", count);
      const before = relay.received.length;
      const args = {
        database: await databaseOptions(engine),
        archiveDir,
        port: relay.port,
        leaseMs: 30_000,
        concurrency: 8,
      };
      const workers = [startWorker({ ...args, name: "a" }), startWorker({ ...args, name: "b" })];
      children.push(...workers.map((w) => w.child));
      await Promise.all(workers.map((w) => w.ready));
      await waitForAccepted(engine, "TW", count, 120_000);
      await Promise.all(workers.map((w) => stopped(w.child, "SIGTERM")));
      const ids = new Set(
        (
          await engine.db
            .selectFrom("deliveries")
            .select("message_id")
            .where("invoice_number", "like", "TW%")
            .execute()
        ).map((d) => d.message_id),
      );
      const received = relay.received.slice(before).filter((r) => ids.has(r.messageId));
      expect(received).toHaveLength(count);
      expect(new Set(received.map((r) => r.messageId)).size).toBe(count);
      const actors = await engine.db
        .selectFrom("delivery_events")
        .innerJoin("deliveries", "deliveries.id", "delivery_events.delivery_id")
        .select(["delivery_events.actor", (eb) => eb.fn.countAll<bigint>().as("n")])
        .where("delivery_events.event", "=", "accept")
        .where("deliveries.invoice_number", "like", "TW%")
        .groupBy("delivery_events.actor")
        .execute();
      expect(actors).toHaveLength(2);
      expect(actors.every((a) => Number(a.n) > count / 10)).toBe(true);
      console.log(`two workers: ${actors.map((a) => `${a.actor.split(":").at(-1)}=${a.n}`).join(", ")}`);
    },
    180_000,
  );
});

/**
 * Measures the delivery worker's throughput: seeds N invoices, queues them, and drains the queue in-process.
 *   node --import tsx test/delivery/support/measure-worker.ts <invoices> <batch> <fake|mem|smtp> <sqlite|pg> <lanes>
 * fake: fake relay, real archive; mem: fake relay, in-memory archive; smtp: a loopback capture relay over SMTP.
 * pg uses postgres://postgres@127.0.0.1:5432/test in a schema of its own, dropped afterwards.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { runWorker } from "../../../src/app/run-worker.ts";
import { sendInvoices } from "../../../src/app/send-invoices.ts";
import { createDatabase } from "../../../src/store/create-database.ts";
import { migrateToLatest } from "../../../src/store/migrate-to-latest.ts";
import { routeByPreference } from "../../support/route-by-preference.ts";
import { startCaptureRelay } from "./capture-relay.ts";
import { customer, invoice, recipient, seed } from "./delivery-fixtures.ts";
import { plainSmtpTransport } from "./nodemailer-transport.ts";
import { clockAt, workerDeps } from "./worker-deps.ts";

const count = Number(process.argv[2] ?? 2000);
const dir = mkdtempSync(join(tmpdir(), "facteur-measure-"));
const schema = `measure_${process.pid}`;
const postgres = process.argv[5] === "pg";
if (postgres) {
  const admin = createDatabase({ kind: "postgres", url: "postgres://postgres@127.0.0.1:5432/test" });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.destroy();
}
const database = postgres
  ? createDatabase({ kind: "postgres", url: "postgres://postgres@127.0.0.1:5432/test", schema })
  : createDatabase({ kind: "sqlite", file: join(dir, "db.sqlite") });
await migrateToLatest(database.db);
const customers = Array.from({ length: 50 }, (_, i) => customer(`K${i}`));
let t = performance.now();
await seed(database.db, {
  customers,
  recipients: customers.map((c) => recipient(c.number, "invoice-mailbox", `i@${c.number}.test`)),
  invoices: Array.from({ length: count }, (_, i) => invoice(`M${i}`, `K${i % 50}`)),
});
console.log(`seed ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
const clock = clockAt(new Date().toISOString());
const base = workerDeps(database.db, clock);
const memory = new Map<string, Buffer>();
const relay = process.argv[4] === "smtp" ? await startCaptureRelay() : null;
const deps =
  process.argv[4] === "mem"
    ? {
        ...base,
        archive: {
          ...base.archive,
          put: async (raw: Buffer) => {
            const sha256 = String(memory.size);
            memory.set(sha256.padStart(64, "0"), raw);
            return { sha256: sha256.padStart(64, "0"), size: raw.length };
          },
        },
      }
    : relay !== null
      ? { ...base, transport: plainSmtpTransport(relay.port) }
      : base;
await sendInvoices(
  {
    store: deps.store,
    now: () => clock.now,
    newId: randomUUID,
    newMessageId: () => `${randomUUID()}@x`,
    route: routeByPreference,
  },
  { selection: { kind: "unsent" }, actor: "cli:m" },
);
console.log(`send ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
const stats = await runWorker(deps, {
  concurrency: 2,
  batchSize: Number(process.argv[3] ?? 32),
  lanes: Number(process.argv[6] ?? 1),
  pollMs: 10,
  once: true,
});
const ms = performance.now() - t;
console.log(
  `worker ${ms.toFixed(0)} ms, ${((count / ms) * 1000).toFixed(0)} jobs/s`,
  stats.outcomes.accepted,
);
await deps.transport.close();
await relay?.close();
if (postgres) await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
await database.destroy();

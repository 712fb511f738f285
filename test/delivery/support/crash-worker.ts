import { once } from "node:events";
import { hostname } from "node:os";
import { DEFAULT_DELIVERY_SETTINGS } from "../../../src/app/delivery-settings.ts";
import { runWorker } from "../../../src/app/run-worker.ts";
import { createLocalArchive } from "../../../src/archive/local-archive.ts";
import { createDatabase, type DatabaseOptions } from "../../../src/store/create-database.ts";
import { createDeliveryStore } from "../../../src/store/deliveries/create-delivery-store.ts";
import { fakeComposer, fakeRenderer } from "./delivery-fakes.ts";
import { SELLER } from "./delivery-fixtures.ts";
import { plainSmtpTransport } from "./nodemailer-transport.ts";

/**
 * A worker process for the crash test: `crash-worker.ts <json>` with the database, archive directory, relay port,
 * lease and concurrency. It prints "ready" once loaded; when `gated`, it then waits for a line on stdin before it
 * claims anything, so the test can start the next worker while the current one works and swap them at the kill.
 * It works until SIGTERM (finishing its jobs) or until it is killed.
 */
interface CrashWorkerArgs {
  readonly database: DatabaseOptions;
  readonly archiveDir: string;
  readonly port: number;
  readonly leaseMs: number;
  readonly concurrency: number;
  readonly name: string;
  readonly gated?: boolean;
}

const args = JSON.parse(process.argv[2] ?? "{}") as CrashWorkerArgs;
const database = createDatabase(args.database);
const transport = plainSmtpTransport(args.port);
const stop = new AbortController();
process.on("SIGTERM", () => stop.abort());
process.stdout.write("ready\n");
if (args.gated === true) {
  await once(process.stdin, "data");
  // An open stdin would keep the process alive after SIGTERM.
  process.stdin.destroy();
}
const stats = await runWorker(
  {
    store: createDeliveryStore(database.db),
    archive: createLocalArchive(args.archiveDir),
    transport,
    composer: fakeComposer(),
    renderer: fakeRenderer,
    seller: SELLER,
    settings: { ...DEFAULT_DELIVERY_SETTINGS, leaseMs: args.leaseMs, crashBackoffMs: 200 },
    now: () => new Date(),
    worker: `worker:${hostname()}:${process.pid}:${args.name}`,
  },
  {
    concurrency: 2,
    batchSize: args.concurrency,
    pollMs: 100,
    signal: stop.signal,
    onError: (error) => process.stderr.write(`worker error: ${String(error)}\n`),
  },
);
await transport.close();
await database.destroy();
process.stdout.write(`${JSON.stringify(stats)}\n`);

/**
 * The work of one worker process of bench/send.ts, run by worker-process.js in the heap-bounded thread that
 * `facteur worker` runs in: `work` runs the delivery worker (src/app/run-worker.ts) until nothing is due; `prepare`
 * composes and archives a share of the deliveries. Posts what it did to the process's main thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runWorker } from "../../src/app/run-worker.ts";
import { createDatabase } from "../../src/store/create-database.ts";
import { benchConfig, benchDeps } from "./bench-deps.ts";
import type { ChildConfig, ChildWork } from "./child-config.ts";
import { prepareShare } from "./prepare-share.ts";

if (parentPort === null || typeof workerData !== "string")
  throw new Error("worker-loop.ts runs in the thread worker-process.js starts");
const child = JSON.parse(workerData) as ChildConfig;
const database = createDatabase(child.database);
const deps = benchDeps(benchConfig(child.env), database.db);
let work: ChildWork;
if (child.mode === "prepare") {
  const prepared = await prepareShare(deps, child.index, child.of);
  work = { handled: prepared, outcomes: { prepared } };
} else {
  const stats = await runWorker(deps, {
    concurrency: child.concurrency,
    batchSize: child.batch,
    lanes: child.lanes,
    pollMs: 50,
    once: true,
    onError: (error) => console.error(`worker ${process.pid}:`, error),
  });
  work = { handled: stats.claimed, outcomes: stats.outcomes };
}
await deps.transport.close();
await database.destroy();
parentPort.postMessage(work);

/**
 * One worker process of bench/send.ts, started by it with BENCH_SEND_CHILD set: `work` runs the delivery worker
 * (src/app/run-worker.ts) until nothing is due; `prepare` composes and archives a share of the deliveries.
 */
import { runWorker } from "../../src/app/run-worker.ts";
import { createDatabase } from "../../src/store/create-database.ts";
import { benchConfig, benchDeps } from "./bench-deps.ts";
import type { ChildConfig, ChildReport } from "./child-config.ts";
import { prepareShare } from "./prepare-share.ts";

const text = process.env.BENCH_SEND_CHILD;
if (text === undefined) throw new Error("worker-child.ts is started by bench/send.ts");
const child = JSON.parse(text) as ChildConfig;
const database = createDatabase(child.database);
const deps = benchDeps(benchConfig(child.env), database.db);
let report: Omit<ChildReport, "cpuSeconds" | "maxRssBytes">;
if (child.mode === "prepare") {
  const prepared = await prepareShare(deps, child.index, child.of);
  report = { handled: prepared, outcomes: { prepared } };
} else {
  const stats = await runWorker(deps, {
    concurrency: child.concurrency,
    batchSize: child.batch,
    lanes: child.lanes,
    pollMs: 50,
    once: true,
    onError: (error) => console.error(`worker ${process.pid}:`, error),
  });
  report = { handled: stats.claimed, outcomes: stats.outcomes };
}
await deps.transport.close();
await database.destroy();
const cpu = process.cpuUsage();
const full: ChildReport = {
  ...report,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
};
process.send?.(full);

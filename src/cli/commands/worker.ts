import { hostname } from "node:os";
import { Command } from "commander";
import { deliverySettingsFrom } from "../../app/delivery-settings.ts";
import type { JobOutcome } from "../../app/job-outcome.ts";
import { runWorker, type WorkerStats } from "../../app/run-worker.ts";
import { createLocalArchive } from "../../archive/local-archive.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { createDeliveryStore } from "../../store/deliveries/create-delivery-store.ts";
import { openContext } from "../context.ts";
import { EXIT } from "../exit-codes.ts";
import { runAction } from "../run-action.ts";
import { requireSeller } from "../seller.ts";
import { archiveDirOf, type DeliveryCliDeps, requireRelay } from "./delivery-deps.ts";

interface WorkerFlags {
  readonly once?: boolean;
  readonly concurrency?: string;
  readonly batch?: string;
  readonly lanes?: string;
}

function positive(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new AppError("invalid-input", `${flag} must be a positive whole number`);
  return n;
}

function describeStats(stats: WorkerStats): string {
  const parts = (Object.entries(stats.outcomes) as [JobOutcome, number][])
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) => `${outcome} ${n}`);
  return `worker done: ${stats.claimed} job(s)${parts.length ? `: ${parts.join(", ")}` : ""}`;
}

/**
 * `facteur worker`: delivers queued messages until SIGTERM or SIGINT, finishing the jobs in hand before it stops;
 * `--once` delivers what is due and exits. Several workers may run against one PostgreSQL database.
 */
export function workerCommand(deps: DeliveryCliDeps): Command {
  const { io } = deps;
  return new Command("worker")
    .description("deliver queued messages until stopped (SIGTERM/SIGINT finish the current jobs first)")
    .option("--once", "deliver every message that is due, then exit")
    .option("--concurrency <n>", "batches in flight (default FACTEUR_WORKER_CONCURRENCY)")
    .option("--batch <n>", "jobs per batch (default FACTEUR_WORKER_BATCH)")
    .option(
      "--lanes <n>",
      "submissions at once; a crash may duplicate up to this many (default FACTEUR_WORKER_LANES)",
    )
    .action((flags: WorkerFlags) =>
      runAction(io, async () => {
        const relay = requireRelay(deps.config);
        const settings = deliverySettingsFrom(deps.config);
        const seller = requireSeller(deps.config);
        const concurrency = positive(
          flags.concurrency,
          deps.config.FACTEUR_WORKER_CONCURRENCY,
          "--concurrency",
        );
        const batchSize = positive(flags.batch, deps.config.FACTEUR_WORKER_BATCH, "--batch");
        const lanes = positive(flags.lanes, deps.config.FACTEUR_WORKER_LANES, "--lanes");
        const ctx = await openContext(deps.config);
        const transport = deps.adapters.transport(relay, deps.config);
        const stop = new AbortController();
        const onSignal = (signal: NodeJS.Signals) => {
          io.err(`${signal}: finishing the jobs in hand, then stopping`);
          stop.abort();
        };
        process.on("SIGTERM", onSignal);
        process.on("SIGINT", onSignal);
        const worker = `worker:${hostname()}:${process.pid}`;
        io.err(
          `${worker} delivering through ${relay.host}:${relay.port} (${ctx.where})${flags.once ? ", once" : ""}`,
        );
        try {
          const stats = await runWorker(
            {
              store: createDeliveryStore(ctx.database.db),
              archive: createLocalArchive(archiveDirOf(deps.config)),
              transport,
              composer: deps.adapters.composer(deps.config),
              renderer: deps.adapters.renderer(deps.config),
              seller,
              settings,
              now: deps.now,
              worker,
            },
            {
              concurrency,
              batchSize,
              lanes,
              pollMs: 1_000,
              ...(flags.once === true ? { once: true } : {}),
              signal: stop.signal,
              onError: (error) => io.err(`worker: ${error instanceof Error ? error.message : String(error)}`),
            },
          );
          io.out(describeStats(stats));
          return EXIT.ok;
        } finally {
          process.off("SIGTERM", onSignal);
          process.off("SIGINT", onSignal);
          await transport.close();
          await ctx.database.destroy();
        }
      }),
    );
}

import { hostname } from "node:os";
import { Command } from "commander";
import type { Config } from "../../app/config.ts";
import { deliverySettingsFrom } from "../../app/delivery-settings.ts";
import type { JobOutcome } from "../../app/job-outcome.ts";
import type { MailTransport } from "../../app/ports/mail-transport.ts";
import { runWorker, type WorkerStats } from "../../app/run-worker.ts";
import { DELIVER_JOB } from "../../app/send-invoices.ts";
import { createLocalArchive } from "../../archive/local-archive.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { uuidV7 } from "../../core/identifiers/uuid-v7.ts";
import { createDeliveryStore } from "../../store/deliveries/create-delivery-store.ts";
import { createPeppolResponseOutbox } from "../../store/peppol-response-outbox/create-peppol-response-outbox.ts";
import type { CliContext } from "../context.ts";
import { openContext } from "../context.ts";
import { EXIT } from "../exit-codes.ts";
import { runAction } from "../run-action.ts";
import { requireSeller } from "../seller.ts";
import {
  archiveDirOf,
  type DeliveryCliDeps,
  mailConfigured,
  mailNotConfigured,
  type RelaySettings,
  requireRelay,
} from "./delivery-deps.ts";
import { demoConfig, demoSummary, refuseDemoWithRelay, startDemoRelay } from "./demo-mode.ts";
import { mailNotConfiguredAdapters } from "./mail-not-configured.ts";
import { type PeppolOutboxParts, peppolOutboxParts } from "./peppol-outbox-deps.ts";
import { reportWaitingEmail } from "./waiting-email-report.ts";

interface WorkerFlags {
  readonly once?: boolean;
  readonly concurrency?: string;
  readonly batch?: string;
  readonly lanes?: string;
  readonly demo?: boolean;
}

function positive(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new AppError("invalid-input", `${flag} must be a positive whole number`);
  return n;
}

/** How often a worker running without e-mail counts the e-mail delivery jobs waiting, to say when they changed. */
const WAITING_EMAIL_REPORT_MS = 60_000;

/** The worker's outcome counts in one line. */
export function describeStats(stats: WorkerStats): string {
  const parts = (Object.entries(stats.outcomes) as [JobOutcome, number][])
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) => `${outcome} ${n}`);
  return `worker done: ${stats.claimed} job(s)${parts.length ? `: ${parts.join(", ")}` : ""}`;
}

/** How one CLI worker run goes. */
export interface CliWorkerRun {
  readonly transport: MailTransport;
  readonly concurrency: number;
  readonly batchSize: number;
  readonly lanes: number;
  readonly once: boolean;
  readonly signal?: AbortSignal;
  /** Facteur's own access point and discovery: Peppol deliveries are sent too. */
  readonly peppol?: PeppolOutboxParts;
  /** False: no relay is configured, so e-mail jobs stay queued (a Peppol-only worker). */
  readonly email?: boolean;
}

/**
 * The worker's adapters and settings from `config`; fails with `config` before anything is opened. Without a relay
 * (`email` false) the mail settings are not asked for: the composer refuses with the variables to set.
 */
export function cliWorkerParts(deps: DeliveryCliDeps, config: Config, email = true) {
  return {
    composer: email ? deps.adapters.composer(config) : mailNotConfiguredAdapters().composer,
    renderer: deps.adapters.renderer(config),
    seller: requireSeller(config),
    settings: deliverySettingsFrom(config),
    archive: createLocalArchive(archiveDirOf(config)),
  };
}

/** Runs the delivery worker of this process over the open database. */
export function runCliWorker(
  deps: DeliveryCliDeps,
  ctx: CliContext,
  parts: ReturnType<typeof cliWorkerParts>,
  run: CliWorkerRun,
): Promise<WorkerStats> {
  const store = createDeliveryStore(ctx.database.db);
  const worker = `worker:${hostname()}:${process.pid}`;
  const peppol = run.peppol && {
    ...parts,
    store,
    now: deps.now,
    worker,
    newId: uuidV7,
    sender: run.peppol.sender,
    directory: run.peppol.directory,
  };
  const respond = run.peppol && {
    outbox: createPeppolResponseOutbox(ctx.database.db),
    archive: parts.archive,
    directory: run.peppol.directory,
    sender: run.peppol.sender,
    settings: parts.settings,
    countryC1: parts.seller.address.country.toUpperCase(),
    now: deps.now,
    worker,
  };
  return runWorker(
    { ...parts, store, transport: run.transport, now: deps.now, worker },
    {
      ...(peppol ? { peppol } : {}),
      ...(respond ? { respond } : {}),
      concurrency: run.concurrency,
      batchSize: run.batchSize,
      lanes: run.lanes,
      pollMs: 1_000,
      ...(run.once ? { once: true } : {}),
      ...(run.signal ? { signal: run.signal } : {}),
      ...(run.email === false ? { email: false } : {}),
      onError: (error) => deps.io.err(`worker: ${error instanceof Error ? error.message : String(error)}`),
    },
  );
}

/**
 * `facteur worker`: delivers queued messages until SIGTERM or SIGINT, finishing the jobs in hand before it stops;
 * `--once` delivers what is due and exits; `--demo` delivers to a local capture relay instead of a real one.
 * Several workers may run against one PostgreSQL database.
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
    .option(
      "--demo",
      "no relay: keep every message as a .eml file under the data folder (demo-outbox/); nothing is delivered",
    )
    .action((flags: WorkerFlags) =>
      runAction(io, async () => {
        const demo = flags.demo === true;
        if (demo) refuseDemoWithRelay(deps.config);
        const config = demo ? demoConfig(deps.config) : deps.config;
        const email = demo || mailConfigured(config);
        const real: RelaySettings | null = demo || !email ? null : requireRelay(config);
        const concurrency = positive(flags.concurrency, config.FACTEUR_WORKER_CONCURRENCY, "--concurrency");
        const batchSize = positive(flags.batch, config.FACTEUR_WORKER_BATCH, "--batch");
        const lanes = positive(flags.lanes, config.FACTEUR_WORKER_LANES, "--lanes");
        // A demo never sends over Peppol: nothing it does may reach a real access point.
        const peppol = demo ? null : await peppolOutboxParts(config);
        if (!email && !peppol?.ok)
          throw mailNotConfigured(
            `nothing can be delivered: Peppol is off (${peppol?.problems.join("; ") ?? "demo"})`,
          );
        const parts = cliWorkerParts(deps, config, email);
        const ctx = await openContext(config);
        const capture = demo ? await startDemoRelay(config) : null;
        const relay = capture?.relay ?? real;
        const transport = relay
          ? deps.adapters.transport(relay, { ...config, FACTEUR_WORKER_LANES: lanes })
          : mailNotConfiguredAdapters().transport;
        const waitingEmail = async () => {
          const counts = await createDeliveryStore(ctx.database.db).countJobs([DELIVER_JOB]);
          return counts.queued + counts.running;
        };
        const stop = new AbortController();
        const onSignal = (signal: NodeJS.Signals) => {
          io.err(`${signal}: finishing the jobs in hand, then stopping`);
          stop.abort();
        };
        process.on("SIGTERM", onSignal);
        process.on("SIGINT", onSignal);
        io.err(
          `worker:${hostname()}:${process.pid} ${relay ? `delivering through ${relay.host}:${relay.port}` : "delivering over Peppol only"}` +
            `${capture ? " (demo capture relay: nothing is delivered)" : ""} (${ctx.where})${flags.once ? ", once" : ""}`,
        );
        // Ends the report of waiting e-mail jobs before the database is closed.
        const watching = new AbortController();
        if (!email) {
          const first = await waitingEmail();
          io.err(`e-mail: not sending (FACTEUR_SMTP_URL is unset); ${first} e-mail delivery job(s) wait`);
          if (flags.once !== true)
            reportWaitingEmail({
              count: waitingEmail,
              report: (waiting) =>
                io.err(`e-mail: ${waiting} e-mail delivery job(s) wait (FACTEUR_SMTP_URL is unset)`),
              first,
              everyMs: WAITING_EMAIL_REPORT_MS,
              signal: watching.signal,
            });
        }
        io.err(
          peppol?.ok
            ? `Peppol: sending as ${peppol.value.accessPoint.seatId} (${config.FACTEUR_SELLER_PEPPOL_ID})`
            : `Peppol: not sending (${peppol === null ? "demo" : peppol.problems.join("; ")}); Peppol deliveries wait`,
        );
        try {
          const stats = await runCliWorker(deps, ctx, parts, {
            transport,
            concurrency,
            batchSize,
            lanes,
            once: flags.once === true,
            signal: stop.signal,
            ...(peppol?.ok ? { peppol: peppol.value } : {}),
            ...(email ? {} : { email: false }),
          });
          io.out(describeStats(stats));
          if (capture) io.out(demoSummary(capture.capture));
          const waiting = email ? 0 : await waitingEmail();
          if (waiting > 0) throw mailNotConfigured(`${waiting} e-mail delivery job(s) wait to be sent`);
          return EXIT.ok;
        } finally {
          watching.abort();
          process.off("SIGTERM", onSignal);
          process.off("SIGINT", onSignal);
          await transport.close();
          await capture?.capture.close();
          await ctx.database.destroy();
        }
      }),
    );
}

import { randomUUID } from "node:crypto";
import { Presets, SingleBar } from "cli-progress";
import { Command, Option } from "commander";
import type { Config } from "../../app/config.ts";
import type { WorkerStats } from "../../app/run-worker.ts";
import { type SendReport, type SendSelection, sendInvoices } from "../../app/send-invoices.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { DEMO_NOTICE } from "../../mail/capture/demo-reply.ts";
import { createDeliveryStore } from "../../store/deliveries/create-delivery-store.ts";
import { type CliContext, openContext } from "../context.ts";
import { EXIT } from "../exit-codes.ts";
import type { Io } from "../io.ts";
import { runAction } from "../run-action.ts";
import {
  actorName,
  type DeliveryCliDeps,
  mailConfigured,
  mailNotConfigured,
  messageIdDomain,
  requireRelay,
} from "./delivery-deps.ts";
import { demoConfig, demoSummary, refuseDemoWithRelay, startDemoRelay } from "./demo-mode.ts";
import { invoiceRouter } from "./invoice-router.ts";
import { cliWorkerParts, describeStats, runCliWorker } from "./worker.ts";

interface SendFlags {
  readonly unsent?: boolean;
  readonly customer?: string;
  readonly from?: string;
  readonly to?: string;
  readonly resend?: boolean;
  readonly json?: boolean;
  readonly demo?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Reasons that mean an invoice the user asked for did not go out (held invoices count too). */
const PROBLEMS = new Set(["not-found", "not-issued", "no-usable-recipient"]);

function selectionOf(numbers: readonly string[], flags: SendFlags): SendSelection {
  for (const [name, value] of [
    ["--from", flags.from],
    ["--to", flags.to],
  ] as const) {
    if (value !== undefined && !DATE.test(value)) {
      throw new AppError("invalid-input", `${name} must be a date as YYYY-MM-DD, not "${value}"`);
    }
  }
  if (numbers.length > 0) {
    if (flags.unsent === true) throw new AppError("invalid-input", "name invoices or use --unsent, not both");
    return { kind: "numbers", numbers };
  }
  if (flags.unsent !== true) {
    throw new AppError(
      "invalid-input",
      "name the invoices to send, or use --unsent for every issued invoice not yet sent",
    );
  }
  if (flags.resend === true)
    throw new AppError("invalid-input", "--resend needs the invoice numbers to send again");
  return {
    kind: "unsent",
    ...(flags.customer === undefined ? {} : { customerNumber: flags.customer }),
    ...(flags.from === undefined ? {} : { from: flags.from }),
    ...(flags.to === undefined ? {} : { to: flags.to }),
  };
}

function printSummary(io: Io, report: SendReport, demo: boolean): void {
  io.out(
    `queued ${report.invoices} invoice(s): ${report.messages} message(s), of which ${report.copies} copies; ` +
      (demo
        ? "demo mode hands them to the local capture relay now"
        : "a worker (`facteur worker`) sends them"),
  );
  if (report.held.length > 0) {
    io.out(`held: ${report.held.length} (see \`facteur invoices held\`)`);
    for (const hold of report.held.slice(0, 200))
      io.out(`  ${hold.invoice}: ${hold.reason}: ${hold.explanation}`);
    if (report.held.length > 200) io.out(`  ... and ${report.held.length - 200} more (see --json)`);
  }
  if (report.withoutCourtesyCopy.length > 0)
    io.out(
      `without their courtesy e-mail copy (no mail relay): ${report.withoutCourtesyCopy.length} ` +
        `(${report.withoutCourtesyCopy.slice(0, 20).join(", ")}${report.withoutCourtesyCopy.length > 20 ? ", ..." : ""})`,
    );
  if (report.skipped.length === 0) return;
  const counts = new Map<string, number>();
  for (const skip of report.skipped) counts.set(skip.reason, (counts.get(skip.reason) ?? 0) + 1);
  io.out(`not queued: ${report.skipped.length} (${[...counts].map(([r, n]) => `${r}: ${n}`).join(", ")})`);
  for (const skip of report.skipped.slice(0, 200))
    io.out(`  ${skip.invoice}: ${skip.reason}: ${skip.message}`);
  if (report.skipped.length > 200) io.out(`  ... and ${report.skipped.length - 200} more (see --json)`);
}

/** Demo mode's second half: delivers what was just queued to the local capture relay, and says so. */
async function deliverToDemoRelay(
  deps: DeliveryCliDeps,
  ctx: CliContext,
  parts: ReturnType<typeof cliWorkerParts>,
  config: Config,
): Promise<{ summary: string; stats: WorkerStats; captured: number; outbox: string }> {
  const { capture, relay } = await startDemoRelay(config);
  const transport = deps.adapters.transport(relay, config);
  try {
    const stats = await runCliWorker(deps, ctx, parts, {
      transport,
      concurrency: config.FACTEUR_WORKER_CONCURRENCY,
      batchSize: config.FACTEUR_WORKER_BATCH,
      lanes: config.FACTEUR_WORKER_LANES,
      once: true,
    });
    return { summary: demoSummary(capture), stats, captured: capture.captured(), outbox: capture.dir };
  } finally {
    await transport.close();
    await capture.close();
  }
}

/**
 * `facteur send`: queues invoices for e-mail delivery, refusing when no relay is configured; with `--demo`, delivers
 * them at once to a local capture relay that keeps them as files and delivers nothing.
 */
export function sendCommand(deps: DeliveryCliDeps): Command {
  const { io } = deps;
  return new Command("send")
    .description(
      "queue issued invoices for e-mail delivery (one message to the main recipients, one per copy)",
    )
    .argument("[numbers...]", "invoice numbers to send")
    .option("--unsent", "every issued invoice that has not been sent yet")
    .option("--customer <number>", "with --unsent: only this customer's invoices")
    .option("--from <date>", "with --unsent: issued on or after this date (YYYY-MM-DD)")
    .option("--to <date>", "with --unsent: issued on or before this date (YYYY-MM-DD)")
    .option("--resend", "send again invoices that were sent before (new messages, new Message-IDs)")
    .option(
      "--demo",
      "no relay needed: send at once to a local capture relay that keeps each message as a .eml file under the " +
        "data folder (demo-outbox/) and delivers nothing",
    )
    .addOption(new Option("--json", "print the report as JSON"))
    .action((numbers: string[], flags: SendFlags) =>
      runAction(io, async () => {
        const demo = flags.demo === true;
        if (demo) refuseDemoWithRelay(deps.config);
        // Without a relay (a Peppol-only setup) only Peppol invoices are queued; e-mail ones are refused below.
        const email = demo || mailConfigured(deps.config);
        if (!demo && email) requireRelay(deps.config);
        const config = demo ? demoConfig(deps.config) : deps.config;
        const parts = demo ? cliWorkerParts(deps, config) : null;
        const selection = selectionOf(numbers, flags);
        const route = await invoiceRouter(config);
        const ctx = await openContext(config);
        const bar = io.interactive
          ? new SingleBar(
              {
                stream: process.stderr,
                format:
                  selection.kind === "numbers"
                    ? "sending [{bar}] {value}/{total} invoices"
                    : "sending {value} invoices handled",
              },
              Presets.shades_classic,
            )
          : null;
        bar?.start(selection.kind === "numbers" ? new Set(selection.numbers).size : 0, 0);
        try {
          const domain = messageIdDomain(config);
          const report = await sendInvoices(
            {
              store: createDeliveryStore(ctx.database.db),
              now: deps.now,
              newId: deps.newId,
              newMessageId: () => `${randomUUID()}@${domain}`,
              route,
            },
            {
              selection,
              ...(flags.resend === true ? { resend: true } : {}),
              actor: actorName(deps),
              onProgress: (handled) => bar?.update(handled),
              ...(email ? {} : { email: false }),
            },
          );
          bar?.stop();
          const sent = parts === null ? null : await deliverToDemoRelay(deps, ctx, parts, config);
          if (flags.json === true) {
            const demoPart =
              sent === null
                ? {}
                : {
                    demo: {
                      notice: DEMO_NOTICE,
                      captured: sent.captured,
                      outbox: sent.outbox,
                      outcomes: sent.stats.outcomes,
                    },
                  };
            io.out(JSON.stringify({ ...report, ...demoPart }, null, 2));
          } else {
            printSummary(io, report, sent !== null);
            if (sent !== null) {
              io.out(describeStats(sent.stats));
              io.out(sent.summary);
            }
          }
          const unmailed = report.skipped.filter((s) => s.reason === "no-mail-relay").length;
          if (unmailed > 0)
            throw mailNotConfigured(`${unmailed} invoice(s) go by e-mail and were not queued`);
          const problem = report.held.length > 0 || report.skipped.some((s) => PROBLEMS.has(s.reason));
          return problem ? EXIT.invalid : EXIT.ok;
        } finally {
          bar?.stop();
          await ctx.database.destroy();
        }
      }),
    );
}

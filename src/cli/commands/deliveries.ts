import { Command } from "commander";
import { releaseDelivery } from "../../app/release-delivery.ts";
import type { Delivery, DeliveryEventRecord } from "../../core/delivery/delivery.ts";
import { DELIVERY_STATES, type DeliveryState } from "../../core/delivery/delivery-state.ts";
import { summarizeDeliveries } from "../../core/delivery/delivery-summary.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { DEMO_NOTICE } from "../../mail/capture/demo-reply.ts";
import { createDeliveryStore } from "../../store/deliveries/create-delivery-store.ts";
import { openContext } from "../context.ts";
import { EXIT } from "../exit-codes.ts";
import type { Io } from "../io.ts";
import { runAction } from "../run-action.ts";
import { actorName, type DeliveryCliDeps } from "./delivery-deps.ts";
import { isDemoDelivery } from "./demo-deliveries.ts";

interface ListFlags {
  readonly invoice?: string;
  readonly customer?: string;
  readonly state?: string;
  readonly limit?: string;
  readonly after?: string;
  readonly json?: boolean;
}

/** The delivery as JSON output shows it: with `demo: true` when it only went to the demo capture relay. */
function shown(d: Delivery, timeline?: readonly DeliveryEventRecord[]) {
  const demo = isDemoDelivery(d, timeline);
  return {
    ...d,
    channel: d.peppol === undefined ? "email" : "peppol",
    ...(demo ? { demo: true, notice: DEMO_NOTICE } : {}),
  };
}

function line(d: Delivery, timeline?: readonly DeliveryEventRecord[]): string {
  const demo = isDemoDelivery(d, timeline) ? `  [${DEMO_NOTICE}]` : "";
  const reply = d.lastReply === null ? "" : `  ${d.lastReply.code} ${d.lastReply.text}`.slice(0, 90);
  const next = d.state === "deferred" && d.nextAttemptAt ? `  next ${d.nextAttemptAt.toISOString()}` : "";
  const to =
    d.peppol === undefined ? d.recipients.map((r) => r.email).join(", ") : `peppol ${d.peppol.participant}`;
  return `${d.id}  ${d.invoiceNumber}  ${d.role.padEnd(4)}  ${d.state.padEnd(8)}  ${to}  tries ${d.attempts}${demo}${next}${reply}`;
}

function printTimeline(io: Io, delivery: Delivery, events: readonly DeliveryEventRecord[]): void {
  io.out(line(delivery, events));
  io.out(`  Message-ID <${delivery.messageId}>, round ${delivery.round}`);
  if (delivery.archive) io.out(`  archived ${delivery.archive.sha256} (${delivery.archive.size} bytes)`);
  for (const e of events) {
    io.out(
      `  ${e.at.toISOString()}  ${e.event.padEnd(7)} ${(e.from ?? "-").padEnd(8)} -> ${e.to.padEnd(8)}  ${e.actor}  ${JSON.stringify(e.evidence)}`,
    );
  }
}

function stateOf(value: string | undefined): DeliveryState | undefined {
  if (value === undefined) return undefined;
  if (!(DELIVERY_STATES as readonly string[]).includes(value)) {
    throw new AppError("invalid-input", `--state must be one of ${DELIVERY_STATES.join(", ")}`);
  }
  return value as DeliveryState;
}

/** `facteur deliveries list|show|release`: what happened to each message, with its timeline; parked ones resumed. */
export function deliveriesCommand(deps: DeliveryCliDeps): Command {
  const { io } = deps;
  const command = new Command("deliveries").description(
    "list deliveries, show their timelines, release parked ones",
  );
  command
    .command("list")
    .description("deliveries, newest first")
    .option("--invoice <number>", "of this invoice")
    .option("--customer <number>", "of this customer")
    .option("--state <state>", `in this state (${DELIVERY_STATES.join(", ")})`)
    .option("--limit <n>", "page size, 1 to 1000", "100")
    .option("--after <id>", "the page after this delivery (the `next` printed at the end of a page)")
    .option("--json", "print JSON")
    .action((flags: ListFlags) =>
      runAction(io, async () => {
        const state = stateOf(flags.state);
        const ctx = await openContext(deps.config);
        try {
          const page = await createDeliveryStore(ctx.database.db).listDeliveries({
            ...(flags.invoice === undefined ? {} : { invoiceNumber: flags.invoice }),
            ...(flags.customer === undefined ? {} : { customerNumber: flags.customer }),
            ...(state === undefined ? {} : { state }),
            ...(flags.after === undefined ? {} : { after: flags.after }),
            limit: Number(flags.limit ?? 100),
          });
          if (flags.json === true)
            io.out(JSON.stringify({ ...page, deliveries: page.deliveries.map((d) => shown(d)) }, null, 2));
          else {
            for (const d of page.deliveries) io.out(line(d));
            if (page.next !== null) io.out(`next: --after ${page.next}`);
          }
          return EXIT.ok;
        } finally {
          await ctx.database.destroy();
        }
      }),
    );
  command
    .command("show")
    .description("one delivery by id, or every delivery of an invoice by its number, with timelines")
    .argument("<id-or-invoice>", "a delivery id or an invoice number")
    .option("--json", "print JSON")
    .action((key: string, flags: { readonly json?: boolean }) =>
      runAction(io, async () => {
        const ctx = await openContext(deps.config);
        try {
          const store = createDeliveryStore(ctx.database.db);
          const one = await store.getDelivery(key);
          const deliveries = one === null ? await store.deliveriesOfInvoice(key) : [one];
          if (deliveries.length === 0)
            throw new AppError("not-found", `no delivery and no sent invoice is named ${key}`);
          const timelines = await Promise.all(deliveries.map((d) => store.timeline(d.id)));
          if (flags.json === true) {
            const summary = one === null ? summarizeDeliveries(deliveries) : undefined;
            io.out(
              JSON.stringify(
                {
                  summary,
                  deliveries: deliveries.map((d, i) => ({
                    ...shown(d, timelines[i]),
                    timeline: timelines[i],
                  })),
                },
                null,
                2,
              ),
            );
            return EXIT.ok;
          }
          if (one === null) {
            const summary = summarizeDeliveries(deliveries);
            io.out(
              `invoice ${key}: ${summary.status} (round ${summary.round})` +
                (summary.firstAcceptedAt ? `, first accepted ${summary.firstAcceptedAt.toISOString()}` : ""),
            );
          }
          for (const [i, d] of deliveries.entries()) printTimeline(io, d, timelines[i] ?? []);
          return EXIT.ok;
        } finally {
          await ctx.database.destroy();
        }
      }),
    );
  command
    .command("release")
    .description("queue a parked delivery again once what made it crash is fixed")
    .argument("<id>", "the delivery id")
    .option("--reason <text>", "why it can go now, for the timeline")
    .action((id: string, flags: { readonly reason?: string }) =>
      runAction(io, async () => {
        const ctx = await openContext(deps.config);
        try {
          await releaseDelivery(
            { store: createDeliveryStore(ctx.database.db), now: deps.now },
            { deliveryId: id, actor: actorName(deps), reason: flags.reason ?? null },
          );
          io.out(`delivery ${id} queued again; a worker will send it`);
          return EXIT.ok;
        } finally {
          await ctx.database.destroy();
        }
      }),
    );
  return command;
}

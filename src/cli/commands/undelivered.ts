import { writeFile } from "node:fs/promises";
import { Command } from "commander";
import { failureDigest } from "../../app/failure-digest.ts";
import {
  type ListUndeliveredDeps,
  listUndelivered,
  type UndeliveredInvoice,
} from "../../app/list-undelivered.ts";
import { printPaperBatch } from "../../app/print-paper-batch.ts";
import { resendInvoice } from "../../app/resend-invoice.ts";
import { createLocalArchive } from "../../archive/local-archive.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { channelSeller } from "../../core/peppol/channel-policy.ts";
import { createInvoiceRenderer } from "../../documents/invoice-renderer.ts";
import { pdfMerger } from "../../documents/print/merge-pdfs.ts";
import { createBounceStore } from "../../store/bounces/create-bounce-store.ts";
import type { CliDeps } from "../cli-deps.ts";
import { openContext } from "../context.ts";
import { EXIT } from "../exit-codes.ts";
import type { Io } from "../io.ts";
import { runAction } from "../run-action.ts";
import { requireSeller } from "../seller.ts";
import { archiveDirOf, messageIdDomain } from "./delivery-deps.ts";
import { invoiceRouter } from "./invoice-router.ts";

function printEntry(io: Io, e: UndeliveredInvoice): void {
  const since = e.since === null ? "" : `  since ${e.since.toISOString()}`;
  io.out(
    `${e.invoiceNumber}  ${e.customerNumber}${e.customerName === "" ? "" : ` (${e.customerName})`}  ${e.status}, round ${e.round}${since}`,
  );
  for (const r of e.reasons) io.out(`  ${r.address ?? "-"}: ${r.text}`);
  const others = e.alternatives.map(
    (a) => `${a.email} [${a.role}${a.status === "active" ? "" : `, ${a.status}`}] ${a.recipientId}`,
  );
  if (others.length > 0) io.out(`  other recipients: ${others.join("; ")}`);
  io.out(`  actions: ${e.actions.join(", ")}`);
}

/** Everything in the queue that may go on paper, page after page (for `paper --all`), and how many may not. */
async function everyPrintable(
  deps: ListUndeliveredDeps,
): Promise<{ readonly numbers: string[]; readonly peppolOnly: number }> {
  const numbers: string[] = [];
  let peppolOnly = 0;
  let after: string | undefined;
  for (;;) {
    const page = await listUndelivered(deps, { ...(after === undefined ? {} : { after }), limit: 1000 });
    for (const i of page.invoices) {
      if (i.actions.includes("paper")) numbers.push(i.invoiceNumber);
      else peppolOnly++;
    }
    if (page.next === null) return { numbers, peppolOnly };
    after = page.next;
  }
}

function parseFix(value: string): { recipientId: string; email: string } {
  const eq = value.indexOf("=");
  if (eq <= 0) throw new AppError("invalid-input", "--fix takes RECIPIENT_ID=new@address");
  return { recipientId: value.slice(0, eq), email: value.slice(eq + 1) };
}

/**
 * `facteur undelivered list|resend|paper|digest`: the invoices not known to be delivered, with why; resending (to a
 * corrected address, audited, or to other recipients of the customer); the paper fallback as one print batch PDF;
 * and the digest of new failures for the account owner.
 */
export function undeliveredCommand(deps: CliDeps): Command {
  const { io } = deps;
  const command = new Command("undelivered").description(
    "invoices not known to be delivered, and what to do about them",
  );
  command
    .command("list")
    .description(
      "every invoice bounced, refused, expired, stuck, or without a usable recipient, with the reason and the actions",
    )
    .option(
      "--after <invoice>",
      "the page after this invoice number (the `next` printed at the end of a page)",
    )
    .option("--limit <n>", "page size, 1 to 1000", "100")
    .option("--json", "print JSON")
    .action((flags: { readonly after?: string; readonly limit?: string; readonly json?: boolean }) =>
      runAction(io, async () => {
        const ctx = await openContext(deps.config);
        try {
          const page = await listUndelivered(
            { store: createBounceStore(ctx.database.db), seller: channelSeller(requireSeller(deps.config)) },
            {
              ...(flags.after === undefined ? {} : { after: flags.after }),
              limit: Number(flags.limit ?? 100),
            },
          );
          if (flags.json === true) io.out(JSON.stringify(page, null, 2));
          else {
            if (page.invoices.length === 0)
              io.out("every invoice is delivered, in progress, or printed: nothing to do");
            for (const e of page.invoices) printEntry(io, e);
            if (page.next !== null) io.out(`next: --after ${page.next}`);
          }
          return EXIT.ok;
        } finally {
          await ctx.database.destroy();
        }
      }),
    );
  command
    .command("resend")
    .description(
      "send an invoice again as a new round, its legal channel decided again: over Peppol when the law or the customer calls for it (looked up again; held when the buyer cannot be reached), else by e-mail to a corrected address (--fix), to chosen recipients (--to), or to the current main recipients",
    )
    .argument("<invoice>", "invoice number")
    .option(
      "--fix <id=email>",
      "correct this recipient's address first (audited; reactivates it when suspended)",
    )
    .option(
      "--to <ids...>",
      "recipient ids of the customer to send to instead (`undelivered list` shows them)",
    )
    .option("--reason <text>", "why, for the audit trail")
    .action(
      (invoice: string, flags: { readonly fix?: string; readonly to?: string[]; readonly reason?: string }) =>
        runAction(io, async () => {
          const ctx = await openContext(deps.config);
          try {
            const domain = messageIdDomain(deps.config);
            const report = await resendInvoice(
              {
                store: createBounceStore(ctx.database.db),
                now: deps.now,
                newId: deps.newId,
                newMessageId: () => `${deps.newId()}@${domain}`,
                actor: deps.actor,
                route: await invoiceRouter(deps.config),
              },
              {
                invoiceNumber: invoice,
                ...(flags.fix === undefined ? {} : { fix: parseFix(flags.fix) }),
                ...(flags.to === undefined ? {} : { recipientIds: flags.to }),
                ...(flags.reason === undefined ? {} : { reason: flags.reason }),
              },
            );
            if (report.kind === "held") {
              io.out(
                `${report.invoiceNumber}: held (${report.reason}): ${report.explanation}; see \`facteur invoices held\``,
              );
              return EXIT.invalid;
            }
            const over = report.channel === "peppol" ? "over Peppol to" : "for";
            io.out(
              `${report.invoiceNumber}: round ${report.round} queued ${over} ${report.to.join(", ")} (delivery ${report.deliveryId}); \`facteur worker\` sends it`,
            );
            return EXIT.ok;
          } finally {
            await ctx.database.destroy();
          }
        }),
    );
  command
    .command("paper")
    .description("fall back to paper: one print batch PDF of the invoices, which then leave the queue")
    .argument("[invoices...]", "invoice numbers")
    .option("--all", "every invoice in the undelivered queue")
    .requiredOption("--out <file>", "where to write the batch PDF")
    .action((invoices: string[], flags: { readonly all?: boolean; readonly out: string }) =>
      runAction(io, async () => {
        const seller = requireSeller(deps.config);
        const ctx = await openContext(deps.config);
        try {
          const store = createBounceStore(ctx.database.db);
          const queue =
            flags.all === true
              ? await everyPrintable({ store, seller: channelSeller(seller) })
              : { numbers: [], peppolOnly: 0 };
          if (queue.peppolOnly > 0)
            io.err(
              `${queue.peppolOnly} invoice(s) of the queue left out: the law sends them over Peppol, not on paper`,
            );
          const numbers = [...invoices, ...queue.numbers];
          if (numbers.length === 0)
            throw new AppError("invalid-input", "nothing to print: name invoices or use --all");
          const batch = await printPaperBatch(
            {
              store,
              archive: createLocalArchive(archiveDirOf(deps.config)),
              renderer: createInvoiceRenderer(),
              merger: pdfMerger,
              seller,
              now: deps.now,
              actor: deps.actor,
              retentionYears: deps.config.FACTEUR_ARCHIVE_RETENTION_YEARS,
            },
            numbers,
          );
          await writeFile(flags.out, batch.pdf);
          io.out(
            `${flags.out}: ${batch.invoices.length} invoice(s) to print (${batch.invoices.join(", ")}); archived as ${batch.sha256}`,
          );
          return EXIT.ok;
        } finally {
          await ctx.database.destroy();
        }
      }),
    );
  command
    .command("digest")
    .description("the new delivery failures, as a message for the account owner")
    .option(
      "--since <instant>",
      "from this ISO-8601 instant (default: where the last --mark stopped, else 24 hours ago)",
    )
    .option("--mark", "remember the end of this digest, so the next one starts there")
    .option("--json", "print JSON")
    .action((flags: { readonly since?: string; readonly mark?: boolean; readonly json?: boolean }) =>
      runAction(io, async () => {
        const since = flags.since === undefined ? undefined : new Date(flags.since);
        if (since !== undefined && Number.isNaN(since.getTime()))
          throw new AppError("invalid-input", "--since must be an ISO-8601 instant");
        const ctx = await openContext(deps.config);
        try {
          const digest = await failureDigest(
            { store: createBounceStore(ctx.database.db), now: deps.now },
            { ...(since === undefined ? {} : { since }), ...(flags.mark === true ? { mark: true } : {}) },
          );
          io.out(flags.json === true ? JSON.stringify(digest, null, 2) : digest.text);
          return EXIT.ok;
        } finally {
          await ctx.database.destroy();
        }
      }),
    );
  return command;
}

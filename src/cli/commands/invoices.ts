import { Command, Option } from "commander";
import { AppError } from "../../core/errors/app-error.ts";
import { formatOgm } from "../../core/identifiers/ogm.ts";
import { computeTotals } from "../../core/invoice/compute-totals.ts";
import { type BuyerStatus, statusWords } from "../../core/peppol/buyer-status.ts";
import { createChannelDecisionLog } from "../../store/channel-decisions/channel-decision-repository.ts";
import { createCustomerQueryStore } from "../../store/customer-queries/create-customer-query-store.ts";
import type { CliDeps } from "../cli-deps.ts";
import { withStore } from "../context.ts";
import { amount, json, table } from "../format.ts";
import { runAction } from "../run-action.ts";
import { invoiceResponsesCommand } from "./invoice-responses.ts";

/** The buyer status as JSON shows it, or null. */
function buyerStatusJson(status: BuyerStatus | undefined) {
  return status === undefined
    ? null
    : {
        status: status.status,
        responseCode: status.responseCode,
        responseId: status.responseId,
        issued: status.issued,
        receivedAt: status.receivedAt.toISOString(),
        description: status.description ?? null,
      };
}

/**
 * `facteur invoices list|show|held|responses`: issued invoices and credit notes with their computed totals and the
 * buyer's status (its latest Peppol Invoice Response), the invoices held by their channel decision, and the Peppol
 * status messages received.
 */
export function invoicesCommand(deps: CliDeps): Command {
  const { io } = deps;
  const command = new Command("invoices").description("list and show invoices and credit notes");

  command
    .command("list")
    .description("list invoices in number order")
    .option("--customer <number>", "only this customer's")
    .addOption(new Option("--kind <kind>", "invoices or credit notes").choices(["invoice", "credit-note"]))
    .option("--from <date>", "issued on or after (YYYY-MM-DD)")
    .option("--to <date>", "issued on or before (YYYY-MM-DD)")
    .option("--json", "one JSON object per line")
    .action(
      (opts: {
        customer?: string;
        kind?: "invoice" | "credit-note";
        from?: string;
        to?: string;
        json?: boolean;
      }) =>
        runAction(io, () =>
          withStore(deps.config, async (store, ctx) => {
            const statuses = createCustomerQueryStore(ctx.database.db);
            let after: string | undefined;
            const rows: string[][] = [];
            do {
              const page = await store.listInvoices({
                ...(opts.customer ? { customerNumber: opts.customer } : {}),
                ...(opts.kind ? { kind: opts.kind } : {}),
                ...(opts.from ? { from: opts.from } : {}),
                ...(opts.to ? { to: opts.to } : {}),
                ...(after ? { after } : {}),
                limit: 1000,
              });
              const buyer = await statuses.buyerStatuses(page.invoices.map((i) => i.id));
              for (const i of page.invoices) {
                if (opts.json)
                  io.out(
                    json({
                      ...i,
                      taxExclusive: amount(i.taxExclusive),
                      tax: amount(i.tax),
                      payable: amount(i.payable),
                      buyerStatus: buyerStatusJson(buyer.get(i.id)),
                    }),
                  );
                else {
                  const status = buyer.get(i.id);
                  rows.push([
                    i.number ?? "(draft)",
                    i.kind,
                    i.customerNumber,
                    i.issueDate,
                    i.dueDate ?? "",
                    i.currency,
                    amount(i.payable),
                    status === undefined ? "" : statusWords(status.status),
                  ]);
                }
              }
              after = page.next ?? undefined;
            } while (after);
            if (!opts.json)
              io.out(table(["NUMBER", "KIND", "CUSTOMER", "ISSUED", "DUE", "CUR", "PAYABLE", "BUYER"], rows));
            return 0;
          }),
        ),
    );

  command.addCommand(invoiceResponsesCommand(deps));

  command
    .command("held")
    .description("invoices held by their channel decision (e.g. a Belgian business not reachable on Peppol)")
    .option("--json", "one JSON object per line")
    .action((opts: { json?: boolean }) =>
      runAction(io, () =>
        withStore(deps.config, async (_store, ctx) => {
          const log = createChannelDecisionLog(ctx.database.db);
          const rows: string[][] = [];
          let after: string | undefined;
          do {
            const page = await log.held({ ...(after ? { after } : {}), limit: 1000 });
            for (const h of page.invoices) {
              if (opts.json) io.out(json({ ...h, heldAt: h.heldAt.toISOString() }));
              else
                rows.push([
                  h.invoiceNumber,
                  h.customerNumber,
                  h.heldAt.toISOString(),
                  h.reason,
                  h.explanation,
                ]);
            }
            after = page.next ?? undefined;
          } while (after);
          if (!opts.json) {
            if (rows.length === 0) io.out("no invoice is held");
            else io.out(table(["NUMBER", "CUSTOMER", "HELD AT", "REASON", "WHY"], rows));
          }
          return 0;
        }),
      ),
    );

  command
    .command("show <number>")
    .description("an invoice with its lines, VAT breakdown and totals")
    .option("--json", "as JSON")
    .action((number: string, opts: { json?: boolean }) =>
      runAction(io, () =>
        withStore(deps.config, async (store, ctx) => {
          const invoice = await store.getInvoice(number);
          if (invoice === null) throw new AppError("not-found", `no invoice ${number}`);
          const amounts = computeTotals(invoice.content);
          const queries = createCustomerQueryStore(ctx.database.db);
          const buyer = (await queries.buyerStatuses([invoice.id])).get(invoice.id);
          const { queries: open } = await queries.listQueries({
            invoiceId: invoice.id,
            open: true,
            limit: 10,
          });
          if (opts.json) {
            io.out(
              json({
                ...invoice,
                totals: amounts.totals,
                vatBreakdown: amounts.vatBreakdown,
                buyerStatus: buyerStatusJson(buyer),
                openQueries: open.map((q) => q.id),
              }),
            );
            return 0;
          }
          const c = invoice.content;
          io.out(
            `${c.kind === "credit-note" ? "Credit note" : "Invoice"} ${invoice.number} for ${invoice.customerNumber}, issued ${c.issueDate}${c.dueDate ? `, due ${c.dueDate}` : ""}`,
          );
          if (invoice.structuredCommunication)
            io.out(`  structured communication ${formatOgm(invoice.structuredCommunication)}`);
          if (c.precedingInvoices.length)
            io.out(`  credits ${c.precedingInvoices.map((p) => p.number).join(", ")}`);
          io.out(
            buyer === undefined
              ? "  buyer status: none (no Invoice Response received)"
              : `  buyer status: ${statusWords(buyer.status)} (${buyer.responseCode}, Invoice Response ${buyer.responseId} issued ${buyer.issued || "(no date)"}, received ${buyer.receivedAt.toISOString()})${buyer.description === undefined ? "" : `: ${buyer.description}`}`,
          );
          for (const q of open) io.out(`  open query ${q.id} since ${q.openedAt.toISOString()}: ${q.reason}`);
          io.out("");
          io.out(
            table(
              ["#", "ITEM", "QTY", "UNIT", "PRICE", "VAT", "NET"],
              c.lines.map((l, i) => [
                l.id,
                l.name,
                l.quantity.toFixed(),
                l.unitCode,
                l.netPrice.toFixed(),
                `${l.vatCategory} ${l.vatRate.toFixed()}%`,
                amounts.lines[i]?.netAmount.toFixed(2) ?? "",
              ]),
            ),
          );
          io.out("");
          io.out(
            table(
              ["VAT", "TAXABLE", "TAX"],
              amounts.vatBreakdown.map((b) => [
                `${b.category} ${b.rate?.toFixed() ?? ""}`.trim(),
                b.taxableAmount?.toFixed(2) ?? "",
                b.taxAmount?.toFixed(2) ?? "",
              ]),
            ),
          );
          const t = amounts.totals;
          io.out("");
          io.out(
            `  net ${t.lineNet.toFixed(2)}  allowances ${t.allowances.toFixed(2)}  charges ${t.charges.toFixed(2)}  VAT ${t.tax.toFixed(2)}  total ${t.taxInclusive.toFixed(2)}  due ${t.payable.toFixed(2)} ${c.currency}`,
          );
          return 0;
        }),
      ),
    );
  return command;
}

import { Command } from "commander";
import { openCustomerQuery } from "../../app/open-customer-query.ts";
import type { CustomerQueryStore } from "../../app/ports/customer-queries.ts";
import { settleCustomerQuery } from "../../app/settle-customer-query.ts";
import { formatQuiet } from "../../core/delivery/delivery-proof.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { answerSinceQuery, type BuyerStatus, statusWords } from "../../core/peppol/buyer-status.ts";
import { type CustomerQuery, openForMs } from "../../core/queries/customer-query.ts";
import { createCustomerQueryStore } from "../../store/customer-queries/create-customer-query-store.ts";
import type { CliDeps } from "../cli-deps.ts";
import { openContext } from "../context.ts";
import { EXIT } from "../exit-codes.ts";
import { json, table } from "../format.ts";
import { runAction } from "../run-action.ts";

/** A query as JSON shows it: instants as ISO text, how long it was (or is) open, and what the buyer said since. */
function shown(query: CustomerQuery, now: Date, answer: BuyerStatus | null) {
  const ms = openForMs(query, now);
  return {
    id: query.id,
    invoiceNumber: query.invoiceNumber,
    customerNumber: query.customerNumber,
    open: query.settlement === null,
    openedAt: query.openedAt.toISOString(),
    openedBy: query.openedBy,
    source: query.source,
    responseMessageId: query.responseMessageId,
    reason: query.reason,
    settledAt: query.settlement?.at.toISOString() ?? null,
    settledBy: query.settlement?.by ?? null,
    settlementNote: query.settlement?.note ?? null,
    openForMs: ms,
    openFor: formatQuiet(ms),
    buyerAnswerSince:
      answer === null
        ? null
        : {
            status: answer.status,
            responseCode: answer.responseCode,
            responseId: answer.responseId,
            receivedAt: answer.receivedAt.toISOString(),
          },
  };
}

/** What the buyer answered since each open query was opened, read once per invoice. */
async function answersOf(
  store: CustomerQueryStore,
  queries: readonly CustomerQuery[],
): Promise<Map<string, BuyerStatus | null>> {
  const answers = new Map<string, BuyerStatus | null>();
  const messages = new Map<string, Awaited<ReturnType<CustomerQueryStore["statusMessagesOfInvoice"]>>>();
  for (const q of queries) {
    if (q.settlement !== null) continue;
    const ofInvoice = messages.get(q.invoiceId) ?? (await store.statusMessagesOfInvoice(q.invoiceId));
    messages.set(q.invoiceId, ofInvoice);
    answers.set(q.id, answerSinceQuery(q, ofInvoice));
  }
  return answers;
}

async function withQueries<T>(deps: CliDeps, work: (store: CustomerQueryStore) => Promise<T>): Promise<T> {
  const ctx = await openContext(deps.config);
  try {
    return await work(createCustomerQueryStore(ctx.database.db));
  } finally {
    await ctx.database.destroy();
  }
}

/**
 * `facteur queries list|open|settle`: customer queries on invoices, opened by the buyer's Invoice Response "under
 * query" or by hand, each settled once, with how long it was open.
 */
export function queriesCommand(deps: CliDeps): Command {
  const { io } = deps;
  const command = new Command("queries").description(
    "customer queries on invoices: opened by an Invoice Response 'under query' or by hand, settled once",
  );

  command
    .command("list")
    .description("queries in the order they were opened, with how long each was open")
    .option("--open", "only the open ones")
    .option("--json", "one JSON object per line")
    .action((opts: { open?: boolean; json?: boolean }) =>
      runAction(io, () =>
        withQueries(deps, async (store) => {
          const now = deps.now();
          const rows: string[][] = [];
          let after: string | undefined;
          do {
            const page = await store.listQueries({
              ...(opts.open === true ? { open: true } : {}),
              ...(after === undefined ? {} : { after }),
              limit: 500,
            });
            const answers = await answersOf(store, page.queries);
            for (const q of page.queries) {
              const item = shown(q, now, answers.get(q.id) ?? null);
              if (opts.json === true) io.out(json(item));
              else
                rows.push([
                  q.id,
                  q.invoiceNumber,
                  q.customerNumber,
                  item.open
                    ? `open${item.buyerAnswerSince === null ? "" : ` (buyer since: ${statusWords(item.buyerAnswerSince.status)})`}`
                    : "settled",
                  item.openedAt,
                  item.openFor,
                  q.source === "manual" ? q.openedBy : "Invoice Response",
                  q.settlement === null
                    ? q.reason
                    : `${q.reason} => ${q.settlement.note} (${q.settlement.by})`,
                ]);
            }
            after = page.next ?? undefined;
          } while (after !== undefined);
          if (opts.json !== true) {
            if (rows.length === 0) io.out(opts.open === true ? "no open query" : "no query");
            else
              io.out(
                table(["ID", "INVOICE", "CUSTOMER", "STATE", "OPENED", "OPEN FOR", "BY", "REASON"], rows),
              );
          }
          return EXIT.ok;
        }),
      ),
    );

  command
    .command("open <invoice>")
    .description("open a query on an issued invoice by hand (one open query per invoice)")
    .requiredOption("--reason <text>", "what the customer disputes or asks")
    .requiredOption("--by <name>", "who opens it")
    .option("--json", "print the query as JSON")
    .action((invoice: string, opts: { reason: string; by: string; json?: boolean }) =>
      runAction(io, () =>
        withQueries(deps, async (store) => {
          const now = deps.now();
          const query = await openCustomerQuery(
            { store, now: () => now, actor: deps.actor },
            { invoiceNumber: invoice, reason: opts.reason, by: opts.by },
          );
          if (opts.json === true) io.out(json(shown(query, now, null)));
          else
            io.out(
              `${query.id} opened on ${query.invoiceNumber} (customer ${query.customerNumber}) by ${query.openedBy}: ${query.reason}`,
            );
          return EXIT.ok;
        }),
      ),
    );

  command
    .command("settle <query>")
    .description("settle a query once, saying who settled it and how")
    .requiredOption("--by <name>", "who settles it")
    .requiredOption("--note <text>", "how it was settled")
    .option("--json", "print the query as JSON")
    .action((id: string, opts: { by: string; note: string; json?: boolean }) =>
      runAction(io, () =>
        withQueries(deps, async (store) => {
          const now = deps.now();
          const query = await settleCustomerQuery(
            { store, now: () => now, actor: deps.actor },
            { id, by: opts.by, note: opts.note },
          );
          const settled = query.settlement;
          if (settled === null) throw new AppError("internal", `query ${id} came back unsettled`);
          if (opts.json === true) io.out(json(shown(query, now, null)));
          else
            io.out(
              `${query.id} on ${query.invoiceNumber} settled by ${settled.by} after ${formatQuiet(openForMs(query, now))} open: ${settled.note}`,
            );
          return EXIT.ok;
        }),
      ),
    );
  return command;
}

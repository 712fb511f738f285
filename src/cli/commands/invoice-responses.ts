import { Command } from "commander";
import type { LinkedStatusMessage } from "../../app/ports/customer-queries.ts";
import { statusSaidText } from "../../core/delivery/status-message-steps.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { statusWords } from "../../core/peppol/buyer-status.ts";
import { issuedText } from "../../core/peppol/status-message.ts";
import { createCustomerQueryStore } from "../../store/customer-queries/create-customer-query-store.ts";
import type { CliDeps } from "../cli-deps.ts";
import { withStore } from "../context.ts";
import { json, table } from "../format.ts";
import { runAction } from "../run-action.ts";

/** A received status message as JSON shows it. */
function shown(m: LinkedStatusMessage) {
  return {
    receivedAt: m.receivedAt.toISOString(),
    issued: issuedText(m),
    kind: m.kind,
    responseId: m.responseId,
    responseCode: m.responseCode,
    status: m.status,
    description: m.description ?? null,
    issues: m.issues ?? [],
    reference: m.reference,
    sender: m.sender,
    messageId: m.messageId,
    invoiceId: m.invoiceId,
    deliveryId: m.deliveryId,
  };
}

function row(m: LinkedStatusMessage): string[] {
  const said = statusSaidText(m);
  return [
    m.receivedAt.toISOString(),
    m.kind,
    `${m.responseCode} ${statusWords(m.status)}`,
    m.reference,
    m.sender,
    said.slice(0, 100),
  ];
}

const HEADER = ["RECEIVED", "KIND", "STATUS", "REFERENCE", "FROM", "SAYS"];

/**
 * `facteur invoices responses <number> | --unmatched`: the Peppol status messages received for an invoice (its
 * Invoice Responses, its Peppol deliveries' MLS/MLR), or those that matched nothing: an unknown number or delivery id,
 * an invoice not sent over Peppol, or a sender the invoice was not sent to.
 */
export function invoiceResponsesCommand(deps: CliDeps): Command {
  const { io } = deps;
  return new Command("responses")
    .description(
      "Peppol status messages received for an invoice, or (--unmatched) those that matched nothing",
    )
    .argument("[number]", "invoice number")
    .option("--unmatched", "the status messages that matched no invoice or delivery, newest first")
    .option("--json", "one JSON object per line")
    .action((number: string | undefined, opts: { unmatched?: boolean; json?: boolean }) =>
      runAction(io, () =>
        withStore(deps.config, async (store, ctx) => {
          if ((number === undefined) === (opts.unmatched !== true))
            throw new AppError("invalid-input", "give an invoice number or --unmatched, not both");
          const statuses = createCustomerQueryStore(ctx.database.db);
          const messages: LinkedStatusMessage[] = [];
          if (number !== undefined) {
            const invoice = await store.getInvoice(number);
            if (invoice === null) throw new AppError("not-found", `no invoice ${number}`);
            messages.push(...(await statuses.statusMessagesOfInvoice(invoice.id)));
          } else {
            let before: string | undefined;
            do {
              const page = await statuses.unmatchedStatusMessages({
                limit: 500,
                ...(before === undefined ? {} : { before }),
              });
              messages.push(...page.messages);
              before = page.next ?? undefined;
            } while (before !== undefined);
          }
          if (opts.json === true) for (const m of messages) io.out(json(shown(m)));
          else if (messages.length === 0)
            io.out(number === undefined ? "no unmatched status message" : `no status message for ${number}`);
          else io.out(table(HEADER, messages.map(row)));
          return 0;
        }),
      ),
    );
}

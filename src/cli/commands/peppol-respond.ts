import type { Command } from "commander";
import type { Config } from "../../app/config.ts";
import { deliverySettingsFrom } from "../../app/delivery-settings.ts";
import { respondToInvoice } from "../../app/respond-to-invoice.ts";
import { createLocalArchive } from "../../archive/local-archive.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { uuidV7 } from "../../core/identifiers/uuid-v7.ts";
import { RESPONSE_CODES, type ResponseStatus } from "../../core/peppol/peppol-response.ts";
import { peppolResponseWriter } from "../../documents/peppol/responses/peppol-response-writer.ts";
import { createPeppolInbox } from "../../store/peppol-inbox/peppol-inbox-repository.ts";
import { createPeppolResponseOutbox } from "../../store/peppol-response-outbox/create-peppol-response-outbox.ts";
import { withStore } from "../context.ts";
import { EXIT } from "../exit-codes.ts";
import { json } from "../format.ts";
import type { Io } from "../io.ts";
import { runAction } from "../run-action.ts";
import { archiveDirOf } from "./delivery-deps.ts";

const STATUSES: readonly ResponseStatus[] = [...new Set(RESPONSE_CODES.values())];

interface RespondFlags {
  readonly status: string;
  readonly reason?: string;
  readonly note?: string;
  readonly json?: boolean;
}

function statusOf(value: string): ResponseStatus {
  const status = STATUSES.find((s) => s === value);
  if (status === undefined)
    throw new AppError("invalid-input", `--status "${value}" is not one of ${STATUSES.join(", ")}`);
  return status;
}

/**
 * `peppol respond <inbox message id | invoice number> --status S [--reason CODE] [--note TEXT]`: queues an Invoice
 * Response (BIS T111) to the seller of a received invoice; `facteur worker` sends it. Exit 1 for a status or
 * clarification T111 does not allow or a message that is not an invoice, 66 for an unknown reference, 75 after a
 * final answer.
 */
async function respondAction(io: Io, config: Config, reference: string, flags: RespondFlags) {
  const status = statusOf(flags.status);
  await withStore(config, async (_store, ctx) => {
    const response = await respondToInvoice(
      {
        inbox: createPeppolInbox(ctx.database.db),
        outbox: createPeppolResponseOutbox(ctx.database.db),
        archive: createLocalArchive(archiveDirOf(config)),
        writer: peppolResponseWriter,
        retentionYears: deliverySettingsFrom(config).retentionYears,
        now: () => new Date(),
        newId: uuidV7,
      },
      {
        reference,
        status,
        ...(flags.reason === undefined ? {} : { reason: flags.reason }),
        ...(flags.note === undefined ? {} : { note: flags.note }),
      },
    );
    if (flags.json === true) io.out(json(response));
    else
      io.out(
        `queued: Invoice Response ${response.responseCode} (${response.status}) ${response.id} to ${response.receiver}; \`facteur worker\` sends it`,
      );
  });
  return EXIT.ok;
}

/** Adds `respond` to the `peppol` command. */
export function addPeppolRespondCommand(command: Command, io: Io, config: Config | undefined): void {
  command
    .command("respond")
    .description(
      "answer a received invoice with a Peppol Invoice Response (BIS T111), queued for `facteur worker`",
    )
    .argument("<reference>", "the inbox message id or the invoice number of a received invoice")
    .requiredOption("--status <status>", STATUSES.join(" | "))
    .option(
      "--reason <code>",
      "clarification: OPStatusReason (REF, PRI, ...) or OPStatusAction (NIN, CNF, ...)",
    )
    .option("--note <text>", "the clarification's text, or the response's note without --reason")
    .option("--json", "print the queued response as JSON")
    .action((reference: string, flags: RespondFlags) =>
      runAction(io, async () => {
        if (!config) throw new AppError("config", "peppol respond needs the configuration");
        return respondAction(io, config, reference, flags);
      }),
    );
}

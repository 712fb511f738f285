import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import {
  type ArchivedMessage,
  archivedMessagesIn,
  archivedMessagesOfInvoice,
} from "../../app/archived-messages.ts";
import { verifyArchive } from "../../app/verify-archive.ts";
import { createLocalArchive } from "../../archive/local-archive.ts";
import { mboxEntry } from "../../archive/mbox-entry.ts";
import { ZipWriter } from "../../archive/zip-writer.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { createDeliveryStore } from "../../store/deliveries/create-delivery-store.ts";
import { type CliContext, openContext } from "../context.ts";
import { EXIT } from "../exit-codes.ts";
import { runAction } from "../run-action.ts";
import { archiveDirOf, type DeliveryCliDeps } from "./delivery-deps.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A file name for a message: invoice, round, role and first address, with anything unsafe replaced. */
function fileName(message: ArchivedMessage): string {
  const d = message.delivery;
  const who = d.recipients[0]?.email ?? "nobody";
  return `${d.invoiceNumber}_r${d.round}_${d.role}_${who}.eml`.replace(/[^A-Za-z0-9._@+-]/g, "_");
}

async function withArchive<T>(
  deps: DeliveryCliDeps,
  work: (
    ctx: CliContext,
    services: Parameters<typeof verifyArchive>[0] & { store: ReturnType<typeof createDeliveryStore> },
  ) => Promise<T>,
): Promise<T> {
  const ctx = await openContext(deps.config);
  try {
    return await work(ctx, {
      store: createDeliveryStore(ctx.database.db),
      archive: createLocalArchive(archiveDirOf(deps.config)),
    });
  } finally {
    await ctx.database.destroy();
  }
}

/** `facteur archive get|verify|export`: the exact messages sent, for a customer, an auditor or a dispute. */
export function archiveCommand(deps: DeliveryCliDeps): Command {
  const { io } = deps;
  const command = new Command("archive").description("the archive of every message exactly as it was sent");
  command
    .command("get")
    .description("write the .eml of an invoice's messages (all, or those to one recipient)")
    .requiredOption("--invoice <number>", "the invoice")
    .option("--recipient <email>", "only the messages sent to this address")
    .option("--out <path>", "a folder, or a file name when there is one message", ".")
    .action((flags: { invoice: string; recipient?: string; out: string }) =>
      runAction(io, () =>
        withArchive(deps, async (_ctx, services) => {
          const messages = await archivedMessagesOfInvoice(services, {
            invoiceNumber: flags.invoice,
            ...(flags.recipient === undefined ? {} : { recipient: flags.recipient }),
          });
          const toFolder =
            messages.length > 1 || (existsSync(flags.out) && statSync(flags.out).isDirectory());
          if (toFolder) mkdirSync(flags.out, { recursive: true });
          for (const message of messages) {
            const path = toFolder ? join(flags.out, fileName(message)) : flags.out;
            writeFileSync(path, message.raw);
            io.out(`${path}  ${message.delivery.archive?.sha256 ?? ""}  <${message.delivery.messageId}>`);
          }
          return EXIT.ok;
        }),
      ),
    );
  command
    .command("verify")
    .description("re-hash every archived message and name any altered, unreadable or missing one")
    .option("--json", "print JSON")
    .action((flags: { json?: boolean }) =>
      runAction(io, () =>
        withArchive(deps, async (_ctx, services) => {
          const result = await verifyArchive(services);
          if (flags.json === true) io.out(JSON.stringify(result, null, 2));
          else {
            for (const p of result.problems) io.out(`${p.problem}: ${p.sha256}`);
            io.out(
              result.problems.length === 0
                ? `archive intact: ${result.indexed} message(s) verified`
                : `archive damaged: ${result.problems.length} problem(s) among ${result.indexed} indexed message(s)`,
            );
          }
          return result.problems.length === 0 ? EXIT.ok : EXIT.invalid;
        }),
      ),
    );
  command
    .command("export")
    .description(
      "write the messages archived in a period (optionally one customer's) as an mbox or a zip of .eml",
    )
    .requiredOption("--from <date>", "first day (YYYY-MM-DD)")
    .requiredOption("--to <date>", "last day (YYYY-MM-DD)")
    .option("--customer <number>", "only this customer's messages")
    .requiredOption("--format <format>", "mbox or zip")
    .requiredOption("--out <file>", "the file to write")
    .action((flags: { from: string; to: string; customer?: string; format: string; out: string }) =>
      runAction(io, () =>
        withArchive(deps, async (_ctx, services) => {
          if (!DATE.test(flags.from) || !DATE.test(flags.to)) {
            throw new AppError("invalid-input", "--from and --to must be dates as YYYY-MM-DD");
          }
          if (flags.format !== "mbox" && flags.format !== "zip") {
            throw new AppError("invalid-input", "--format must be mbox or zip");
          }
          const out = createWriteStream(flags.out);
          const zip = flags.format === "zip" ? new ZipWriter(out) : null;
          let count = 0;
          const query = {
            from: flags.from,
            to: flags.to,
            ...(flags.customer === undefined ? {} : { customerNumber: flags.customer }),
          };
          for await (const message of archivedMessagesIn(services, query)) {
            const archived = message.delivery.archive;
            const at = archived?.archivedAt ?? message.delivery.createdAt;
            if (zip !== null)
              await zip.add(`${message.delivery.customerNumber}/${fileName(message)}`, message.raw, at);
            else if (!out.write(mboxEntry(archived?.envelopeFrom ?? "", at, message.raw)))
              await once(out, "drain");
            count++;
          }
          await zip?.finish();
          out.end();
          await once(out, "close");
          io.out(`exported ${count} message(s) to ${flags.out} (${flags.format})`);
          return EXIT.ok;
        }),
      ),
    );
  return command;
}

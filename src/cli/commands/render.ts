import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Command, Option } from "commander";
import { customersFromRecords } from "../../app/customers-from-records.ts";
import type { DocumentFinding } from "../../app/ports/document-validator.ts";
import type { SourcedRecord } from "../../app/ports/sourced-record.ts";
import { type RenderedRecord, renderInvoiceRecords } from "../../app/render-invoice-records.ts";
import { formatInputIssue } from "../../core/errors/app-error.ts";
import { LANGUAGES, type Language } from "../../core/language.ts";
import { documentValidator } from "../../documents/document-validator.ts";
import { invoiceRenderer } from "../../documents/invoice-renderer.ts";
import { readCustomerRecords } from "../../imports/read-customer-records.ts";
import { readInvoiceRecords } from "../../imports/read-invoice-records.ts";
import type { CliDeps } from "../cli-deps.ts";
import { EXIT } from "../exit-codes.ts";
import type { Io } from "../io.ts";
import { startProgress } from "../progress.ts";
import { runAction } from "../run-action.ts";
import { requireSeller } from "../seller.ts";

interface RenderOptions {
  readonly out: string;
  readonly customers: string[];
  readonly lang?: Language;
  readonly copy?: boolean;
}

async function* recordsOf(files: readonly string[]): AsyncGenerator<SourcedRecord> {
  for (const file of files) yield* readCustomerRecords(file);
}

function formatFinding(f: DocumentFinding): string {
  return `  ${f.severity === "fatal" ? "fatal  " : "warning"} ${f.rule}  ${f.location}\n    ${f.message}`;
}

/**
 * Prints what needs a reader: the findings of a rendered invoice (stdout), or why one was not rendered (stderr). A
 * rendered invoice without findings is only counted, so that the progress counter stays readable on large files.
 */
function report(io: Io, outcome: RenderedRecord): void {
  if (outcome.kind === "rendered") {
    if (outcome.findings.length === 0) return;
    io.out(`${outcome.number}: rendered, with ${outcome.findings.length} finding(s) that do not block it:`);
    for (const f of outcome.findings) io.out(formatFinding(f));
    return;
  }
  io.err(`${outcome.number ?? "a record"}: not rendered`);
  for (const issue of outcome.issues) io.err(`  ${formatInputIssue(issue)}`);
  for (const f of outcome.findings) io.err(formatFinding(f));
}

/**
 * `render FILE... --out DIR --customers FILE [--lang fr|nl|de|en] [--copy]`: without a database, renders invoices given
 * in the import formats (CSV, JSON, JSON Lines; several per file) as `<number>.xml` (Peppol BIS Billing 3.0 UBL) and
 * `<number>.pdf` (with the UBL attached) in DIR. Customers come from `--customers` files in the customer import
 * formats, the seller from the configuration. Each invoice is validated first; one with a blocking finding is
 * reported with its findings and nothing is written for it. Exit code 1 when any invoice was not rendered.
 */
export function renderCommand(deps: CliDeps): Command {
  return new Command("render")
    .description("write the UBL and the PDF of invoices given in the import formats, without a database")
    .argument("<files...>", "invoice files (.csv, .json or .jsonl, as for `facteur import invoices`)")
    .requiredOption("--out <dir>", "folder to write <number>.xml and <number>.pdf into (created if missing)")
    .requiredOption(
      "--customers <file>",
      "customers of those invoices (.csv, .json or .jsonl, as for `facteur import customers`); repeatable",
      (file: string, files: string[] | undefined) => [...(files ?? []), file],
    )
    .addOption(
      new Option("--lang <language>", "language of the PDFs (default: each customer's)").choices(LANGUAGES),
    )
    .option("--copy", "mark the PDFs as copies (COPY / DUPLICATA / KOPIE)")
    .action((files: string[], options: RenderOptions) =>
      runAction(deps.io, async () => {
        const { io } = deps;
        const seller = requireSeller(deps.config);
        const read = await customersFromRecords(recordsOf(options.customers));
        if (read.issues.length > 0) {
          io.err(
            `error: the customers cannot be read, so nothing was rendered (${read.issues.length} problem(s)):`,
          );
          for (const issue of read.issues) io.err(`  ${formatInputIssue(issue)}`);
          return EXIT.invalid;
        }
        await mkdir(options.out, { recursive: true });
        const progress = startProgress(io, "invoices rendered");
        const written = new Set<string>();
        let seen = 0;
        let refused = 0;
        try {
          for (const file of files) {
            const outcomes = renderInvoiceRecords(
              { seller, validator: documentValidator, renderer: invoiceRenderer },
              {
                records: readInvoiceRecords(file),
                customers: read.customers,
                ...(options.lang ? { language: options.lang } : {}),
                copy: options.copy === true,
              },
            );
            for await (const outcome of outcomes) {
              progress.update(++seen);
              if (outcome.kind === "refused") {
                refused++;
                report(io, outcome);
                continue;
              }
              if (written.has(outcome.number)) {
                refused++;
                io.err(`${outcome.number}: not rendered\n  ${file}: the invoice number appears twice`);
                continue;
              }
              await writeFile(join(options.out, `${outcome.number}.xml`), outcome.ubl);
              await writeFile(join(options.out, `${outcome.number}.pdf`), outcome.pdf);
              written.add(outcome.number);
              report(io, outcome);
            }
          }
        } finally {
          progress.stop();
        }
        io.out(
          `${written.size} invoice(s) rendered to ${options.out} (<number>.xml and <number>.pdf), ${refused} not`,
        );
        return refused > 0 ? EXIT.invalid : EXIT.ok;
      }),
    );
}

import { basename } from "node:path";
import { Command } from "commander";
import { importCustomers } from "../../app/import-customers.ts";
import type { ImportReport } from "../../app/import-outcome.ts";
import { formatInputIssue } from "../../core/errors/app-error.ts";
import { readCustomerRecords } from "../../imports/read-customer-records.ts";
import type { CliDeps } from "../cli-deps.ts";
import { withStore } from "../context.ts";
import { EXIT } from "../exit-codes.ts";
import { json } from "../format.ts";
import { importInvoiceFile } from "../invoice-import/import-invoice-file.ts";
import { startProgress } from "../progress.ts";
import { runAction } from "../run-action.ts";
import { requireSeller } from "../seller.ts";

function printReport(deps: CliDeps, report: ImportReport, asJson: boolean): number {
  const { io } = deps;
  if (asJson) io.out(json(report));
  else if (report.committed) {
    io.out(
      `${report.source}: ${report.read} read, ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged`,
    );
    for (const notice of report.notices) io.err(`note: ${formatInputIssue(notice)}`);
  } else {
    io.err(`${report.source}: nothing imported, ${report.issues.length} problem(s) found:`);
    for (const issue of report.issues) io.err(`  ${formatInputIssue(issue)}`);
  }
  return report.committed ? EXIT.ok : EXIT.invalid;
}

/** `facteur import customers|invoices FILE`: all-or-nothing imports from CSV, JSON or JSON Lines. */
export function importCommand(deps: CliDeps): Command {
  const command = new Command("import").description(
    "import customers or invoices (all or nothing; see docs/IMPORT-FORMATS.md)",
  );
  for (const kind of ["customers", "invoices"] as const) {
    command
      .command(`${kind} <file>`)
      .description(`import ${kind} from a .csv, .json or .jsonl file`)
      .option("--json", "print the report as JSON")
      .action((file: string, opts: { json?: boolean }) =>
        runAction(deps.io, () =>
          withStore(deps.config, async (store) => {
            const progress = startProgress(deps.io, `${kind} read`, opts.json);
            const common = {
              source: basename(file),
              actor: deps.actor,
              onProgress: (n: number) => progress.update(n),
            };
            const ids = { store, now: deps.now, newId: deps.newId };
            const issuing = { ...ids, seller: requireSeller(deps.config) };
            try {
              const report =
                kind === "customers"
                  ? await importCustomers(ids, { ...common, records: readCustomerRecords(file) })
                  : await importInvoiceFile(issuing, { ...common, path: file });
              progress.stop();
              return printReport(deps, report, opts.json === true);
            } finally {
              progress.stop();
            }
          }),
        ),
      );
  }
  return command;
}

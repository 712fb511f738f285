import { open } from "node:fs/promises";
import { Command } from "commander";
import type { Finding } from "../../documents/validation/finding.ts";
import { validateUbl } from "../../documents/validation/validate-ubl.ts";
import { EXIT } from "../exit-codes.ts";
import { type Io, processIo } from "../io.ts";

/** Largest document read; the reader refuses anything bigger before parsing, so only one byte more is read. */
const MAX_XML_BYTES = 20 * 1024 * 1024;

async function readHead(path: string, limit: number): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(Math.min((await handle.stat()).size, limit));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The findings of one file: its rule findings, or one `FILE`/`XML` finding when it cannot be read as UBL. */
async function findingsOf(file: string): Promise<Finding[]> {
  let raw: Buffer;
  try {
    raw = await readHead(file, MAX_XML_BYTES + 1);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ rule: "FILE", severity: "fatal", location: file, message: `cannot read the file: ${message}` }];
  }
  return validateUbl(raw, { maxBytes: MAX_XML_BYTES }).findings;
}

function summary(findings: readonly Finding[]): string {
  const fatal = findings.filter((f) => f.severity === "fatal").length;
  const warnings = findings.length - fatal;
  if (findings.length === 0) return "valid";
  const counts = `${fatal} fatal, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  return fatal === 0 ? `valid (${counts})` : `invalid (${counts})`;
}

/**
 * `validate FILE... [--json]`: reads each UBL Invoice or CreditNote and checks it against the EN 16931 and Peppol
 * BIS 3.0 rules. Prints the findings per file (with `--json`, one object per line and file:
 * `{"file","valid","findings":[{"rule","severity","location","message"}]}`). A file that cannot be read or parsed
 * is a fatal finding of its own. Sets exit code 1 when any file has a fatal finding; never exits the process.
 */
export function validateCommand(io: Io = processIo): Command {
  return new Command("validate")
    .description("check UBL invoices and credit notes against the EN 16931 and Peppol BIS Billing 3.0 rules")
    .argument("<files...>", "UBL XML files")
    .option("--json", "one JSON object per line and file")
    .action(async (files: string[], options: { json?: boolean }) => {
      let anyFatal = false;
      for (const file of files) {
        const findings = await findingsOf(file);
        const valid = !findings.some((f) => f.severity === "fatal");
        anyFatal ||= !valid;
        if (options.json === true) {
          const list = findings.map(({ rule, severity, location, message }) => ({
            rule,
            severity,
            location,
            message,
          }));
          io.out(JSON.stringify({ file, valid, findings: list }));
          continue;
        }
        io.out(`${file}: ${summary(findings)}`);
        for (const f of findings)
          io.out(
            `  ${f.severity === "fatal" ? "fatal  " : "warning"} ${f.rule}  ${f.location}\n    ${f.message}`,
          );
      }
      if (anyFatal) process.exitCode = EXIT.invalid;
    });
}

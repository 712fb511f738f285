import { readFile, stat } from "node:fs/promises";
import { Command } from "commander";
import { readPemCertificates } from "../../documents/peppol/pki/read-pem-certificates.ts";
import type { PeppolFileReport } from "../../documents/peppol/verify/peppol-file-report.ts";
import { verifyPeppolFile } from "../../documents/peppol/verify/verify-peppol-file.ts";
import { EXIT } from "../exit-codes.ts";
import { type Io, processIo } from "../io.ts";

/** Largest file read: an AS4 message with its payloads; SBDH and SMP documents are far smaller. */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

interface VerifyOptions {
  json?: boolean;
  ca?: string[];
  at?: string;
}

async function reportOf(
  file: string,
  trust: Parameters<typeof verifyPeppolFile>[1],
): Promise<PeppolFileReport> {
  try {
    const size = (await stat(file)).size;
    if (size > MAX_FILE_BYTES)
      return {
        kind: "unknown",
        valid: false,
        checks: [{ name: "file", outcome: "fail", detail: `${size} bytes is too large` }],
      };
    return verifyPeppolFile(await readFile(file), trust);
  } catch (error) {
    const detail = `cannot read the file: ${error instanceof Error ? error.message : String(error)}`;
    return { kind: "unknown", valid: false, checks: [{ name: "file", outcome: "fail", detail }] };
  }
}

function summary(report: PeppolFileReport): string {
  const open = report.checks.filter((c) => c.outcome === "open").length;
  const verdict = report.valid ? (open > 0 ? `valid, ${open} open` : "valid") : "invalid";
  return `${verdict} (${report.kind})`;
}

async function verifyAction(io: Io, files: string[], options: VerifyOptions): Promise<void> {
  const at = options.at === undefined ? new Date() : new Date(options.at);
  if (Number.isNaN(at.getTime())) {
    io.err(`error: --at "${options.at}" is not a date and time`);
    process.exitCode = EXIT.usage;
    return;
  }
  const trustAnchors = [];
  for (const path of options.ca ?? []) {
    const certificates = readPemCertificates(await readFile(path, "utf8"));
    if (!certificates.ok) {
      io.err(`error: ${path}: ${certificates.error}`);
      process.exitCode = EXIT.usage;
      return;
    }
    trustAnchors.push(...certificates.value);
  }
  let anyInvalid = false;
  for (const file of files) {
    const report = await reportOf(file, { trustAnchors, at });
    anyInvalid ||= !report.valid;
    if (options.json === true) {
      io.out(JSON.stringify({ file, kind: report.kind, valid: report.valid, checks: report.checks }));
      continue;
    }
    io.out(`${file}: ${summary(report)}`);
    for (const check of report.checks) io.out(`  ${check.outcome.padEnd(4)}  ${check.name}: ${check.detail}`);
  }
  if (anyInvalid) process.exitCode = EXIT.invalid;
}

/**
 * `peppol verify FILE... [--json] [--ca PEM]... [--at DATE]`: checks Peppol files offline. AS4 messages and
 * receipts (captured with their headers, or a bare SOAP envelope): the WS-Security signature, each reference,
 * that eb:Messaging and the SOAP Body are signed, unencrypted payloads as SBDH; signed SMP responses: the
 * signature and the endpoints; SBDH envelopes: every Peppol rule; status messages: their status. With `--ca`,
 * the signer's certificate must chain to one of the given CAs at `--at` (default now). Prints one block per file
 * (with `--json`, one object per line: `{"file","kind","valid","checks":[{"name","outcome","detail"}]}`); sets
 * exit code 1 when a file is invalid. Encrypted payloads are reported as open, not as failures.
 */
export function peppolCommand(io: Io = processIo): Command {
  const command = new Command("peppol").description("Peppol network tools");
  command
    .command("verify")
    .description("verify AS4 messages and receipts, SMP responses, SBDH envelopes and status messages")
    .argument("<files...>", "files to verify")
    .option("--json", "one JSON object per line and file")
    .option("--ca <pem...>", "trusted CA certificates (PEM) for the signer's certificate chain")
    .option("--at <date-time>", "moment at which certificates must be valid (default: now)")
    .action((files: string[], options: VerifyOptions) => verifyAction(io, files, options));
  return command;
}

import { readFile, stat } from "node:fs/promises";
import { Command } from "commander";
import type { Config } from "../../app/config.ts";
import type { ParticipantLookup, ParticipantQuery } from "../../app/ports/participant-directory.ts";
import { parseEnterpriseNumber } from "../../core/identifiers/enterprise-number.ts";
import { parsePeppolId } from "../../core/identifiers/peppol-id.ts";
import { BIS_BILLING_PROCESS, BIS_INVOICE_DOCUMENT_TYPE } from "../../core/peppol/peppol-identifiers.ts";
import type { Result } from "../../core/result.ts";
import { readPemCertificates } from "../../documents/peppol/pki/read-pem-certificates.ts";
import type { PeppolFileReport } from "../../documents/peppol/verify/peppol-file-report.ts";
import { verifyPeppolFile } from "../../documents/peppol/verify/verify-peppol-file.ts";
import { directoryFromConfig } from "../../peppol/discovery/directory-from-config.ts";
import { createPeppolParticipantDirectory } from "../../peppol/discovery/peppol-participant-directory.ts";
import { EXIT } from "../exit-codes.ts";
import { type Io, processIo } from "../io.ts";
import { addPeppolRespondCommand } from "./peppol-respond.ts";
import { addPeppolServeCommands } from "./peppol-serve.ts";

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

interface LookupOptions {
  json?: boolean;
  documentType: string;
  process: string;
}

/**
 * Exit codes of `peppol lookup`: 0 reachable; 66 not registered or document type not supported (not on Peppol for
 * this document); 1 refused (an answer that cannot be trusted: bad signature or certificate); 69 try later (the
 * network did not answer); 64 a malformed id; 78 missing or unreadable CA files.
 */
export const LOOKUP_EXIT: Record<ParticipantLookup["kind"], number> = {
  reachable: EXIT.ok,
  "not-registered": EXIT.notFound,
  "document-type-not-supported": EXIT.notFound,
  refused: EXIT.invalid,
  "try-later": EXIT.unavailable,
};

/** A Peppol id (`0208:…`, `iso6523-actorid-upis::…`), or a Belgian enterprise or VAT number (taken as 0208). */
function participantOf(text: string): Result<string, string> {
  const id = parsePeppolId(text);
  if (id.ok) return id;
  const enterprise = parseEnterpriseNumber(text);
  return enterprise.ok
    ? { ok: true, value: `0208:${enterprise.value}` }
    : { ok: false, error: id.error.message };
}

function printLookup(io: Io, query: ParticipantQuery, outcome: ParticipantLookup): void {
  const tried = `tried ${outcome.tried.join(", ")}`;
  switch (outcome.kind) {
    case "reachable": {
      const { endpoint } = outcome;
      io.out(`${query.participant}: reachable as ${outcome.participant}`);
      io.out(`  endpoint: ${endpoint.url} (${endpoint.transportProfile})`);
      io.out(`  certificate: ${endpoint.certificate.subject}, valid to ${endpoint.certificate.validTo}`);
      io.out(`  smp: ${outcome.smpUrl}`);
      for (const type of outcome.documentTypes) io.out(`  accepts: ${type}`);
      break;
    }
    case "not-registered":
      io.out(`${query.participant}: not registered on Peppol (${tried})`);
      break;
    case "document-type-not-supported":
      io.out(`${query.participant}: registered as ${outcome.participant}, but ${outcome.reason}`);
      for (const type of outcome.documentTypes) io.out(`  accepts: ${type}`);
      break;
    case "refused":
      io.out(`${query.participant}: refused: ${outcome.reason} (${tried})`);
      break;
    case "try-later":
      io.out(`${query.participant}: try later: ${outcome.reason} (${tried})`);
      break;
  }
}

async function lookupAction(io: Io, config: Config, id: string, options: LookupOptions): Promise<void> {
  const participant = participantOf(id);
  if (!participant.ok) {
    io.err(`error: ${participant.error}`);
    process.exitCode = EXIT.usage;
    return;
  }
  const setup = await directoryFromConfig(config);
  if (!setup.ok) {
    for (const problem of setup.error) io.err(`error: ${problem}`);
    process.exitCode = EXIT.config;
    return;
  }
  const query = {
    participant: participant.value,
    documentType: options.documentType,
    process: options.process,
  };
  const outcome = await createPeppolParticipantDirectory(setup.value).lookup(query);
  if (options.json === true) io.out(JSON.stringify({ query, ...outcome }));
  else printLookup(io, query, outcome);
  process.exitCode = LOOKUP_EXIT[outcome.kind];
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
export function peppolCommand(io: Io = processIo, config?: Config): Command {
  const command = new Command("peppol").description("Peppol network tools");
  command
    .command("verify")
    .description("verify AS4 messages and receipts, SMP responses, SBDH envelopes and status messages")
    .argument("<files...>", "files to verify")
    .option("--json", "one JSON object per line and file")
    .option("--ca <pem...>", "trusted CA certificates (PEM) for the signer's certificate chain")
    .option("--at <date-time>", "moment at which certificates must be valid (default: now)")
    .action((files: string[], options: VerifyOptions) => verifyAction(io, files, options));
  command
    .command("lookup")
    .description(
      "find where a participant receives a document type: SML (DNS), signed SMP answer, access point certificate; exit 0 reachable, 66 not registered or document type not supported, 1 refused, 69 try later",
    )
    .argument("<id>", "Peppol id (0208:0123456749, 9925:BE0123456749) or a Belgian enterprise number")
    .option("--document-type <id>", "busdox-docid-qns document type value", BIS_INVOICE_DOCUMENT_TYPE)
    .option("--process <id>", "process identifier value", BIS_BILLING_PROCESS)
    .option("--json", "one JSON object: the query and the outcome")
    .action(async (id: string, options: LookupOptions) => {
      if (config) return lookupAction(io, config, id, options);
      // Only a caller that builds the command without configuration (the verify tests) gets here.
      io.err("error: peppol lookup needs the configuration");
      process.exitCode = EXIT.config;
    });
  addPeppolServeCommands(command, io, config);
  addPeppolRespondCommand(command, io, config);
  return command;
}

import { open } from "node:fs/promises";
import { Command } from "commander";
import { classifyMailbox } from "../../mail/bounce/classify-bounce.ts";
import type { BounceResult } from "../../mail/bounce/types.ts";
import { EXIT } from "../exit-codes.ts";
import { type Io, processIo } from "../io.ts";

/** Bytes read from one file: a bounce, or an mbox of them, is far smaller. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(size, MAX_FILE_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The JSON line of one result, with exactly the fields the issue names. */
function jsonLine(file: string, index: number, r: BounceResult): string {
  const { recipient, action, status, replycode, reason, hard, rule } = r;
  return JSON.stringify({ file, index, recipient, action, status, replycode, reason, hard, rule });
}

function humanLine(index: number, r: BounceResult): string {
  const codes = [r.status, r.replycode].filter((code) => code !== "").join(" ");
  const hard = r.hard ? " (hard)" : "";
  return `  ${index}. ${r.recipient || "(no recipient)"}  ${r.action || "-"}  ${codes || "-"}  ${r.reason}${hard}  [${r.rule}]`;
}

/**
 * `bounces classify FILE... [--json]`: reads each file (one message or an mbox), classifies every bounce in it and
 * prints one line per result. An unreadable file is reported on stderr and sets a non-zero exit code; the other
 * files are still read. Never exits the process.
 */
export function bouncesCommand(io: Io = processIo): Command {
  const bounces = new Command("bounces").description("read bounce messages (DSNs, complaints, auto-replies)");
  bounces
    .command("classify")
    .description(
      "classify bounce messages: recipient, status, reason, hard or soft, and the rule that decided",
    )
    .argument("<files...>", "message files (.eml) or mbox files")
    .option("--json", "one JSON object per line and result")
    .action(async (files: string[], options: { json?: boolean }) => {
      for (const file of files) {
        let raw: Buffer;
        try {
          raw = await readHead(file);
        } catch (error) {
          io.err(`error: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
          process.exitCode = EXIT.notFound;
          continue;
        }
        const results = classifyMailbox(raw).flatMap((report) => report.results);
        if (options.json === true) {
          for (const [i, r] of results.entries()) io.out(jsonLine(file, i + 1, r));
          continue;
        }
        io.out(`${file}: ${results.length} result${results.length === 1 ? "" : "s"}`);
        for (const [i, r] of results.entries()) io.out(humanLine(i + 1, r));
      }
    });
  return bounces;
}

import { LIMITS } from "../mime/limits.ts";
import { findAddresses, squash } from "./smtp-text.ts";

/** The part of a notice that speaks about one recipient. */
export interface RecipientBlock {
  readonly recipient: string;
  /** The lines about this recipient, whitespace collapsed. */
  readonly text: string;
}

const DAEMON_RE = /^(?:mailer-daemon|postmaster|mail-daemon|maildaemon|no-?reply|bounces?)@/;

/** Words that introduce a recipient in running text: "delivering your mail to <a@b>", "Recipient: a@b". */
const LEAD_IN_RE =
  /(?:\bto|\bfor|\brecipients?|\baddress|destinataire|empfänger|\ban|destinatario)\s*:?\s*(?:rfc822;)?\s*["'(<[]?\s*$/i;

/** Header fields echoed in notices ("Your message To: ... Subject: ..."): their addresses are not recipients. */
const ECHO_RE =
  /^\s*(?:to|cc|bcc|from|sender|reply-to|return-path|message-id|in-reply-to|references|date|subject|envelope-to|delivered-to|x-[a-z0-9-]+)\s*:/i;

/** Is this line about the address: the address alone, at its start, or introduced as a recipient? */
function introducesRecipient(line: string, address: string): boolean {
  if (ECHO_RE.test(line)) return false;
  const lower = line.toLowerCase();
  const at = lower.indexOf(address);
  if (at < 0) return false;
  const before = lower.slice(0, at).trim();
  const bare = before.replace(/^[-*>•\s]*/, "").replace(/(?:rfc822;|smtp;|<|"|'|\(|\[)\s*$/g, "");
  if (bare === "" || /^(?:>>>\s*)?rcpt to:?\s*<?$/.test(before)) return true;
  if (/^(?:<<<\s*)?[245]\d\d[ -](?:#?[245]\.\d{1,3}\.\d{1,3}\s*)?<?$/.test(before)) return true;
  return LEAD_IN_RE.test(before) && !/\b(?:from|sender|by)\s*:?\s*<?$/.test(before);
}

/**
 * Splits a bounce notice into one block per recipient. A block starts at a line that introduces a recipient and
 * runs to the next such line. `candidates`, when given, restricts which addresses count (X-Failed-Recipients);
 * `exclude` holds addresses that are never recipients (the bounce's own sender and receiver).
 */
export function recipientBlocks(
  notice: string,
  candidates: ReadonlySet<string>,
  exclude: ReadonlySet<string>,
): RecipientBlock[] {
  const lines = notice.split("\n");
  const starts: Array<{ line: number; address: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!line.includes("@")) continue;
    for (const address of findAddresses(line)) {
      if (exclude.has(address) || DAEMON_RE.test(address)) continue;
      if (candidates.size > 0 && !candidates.has(address)) continue;
      // A listed failed recipient may appear anywhere in a line; an unlisted one must be introduced as a recipient.
      if (candidates.size > 0 ? ECHO_RE.test(line) : !introducesRecipient(line, address)) continue;
      starts.push({ line: i, address });
      break;
    }
    if (starts.length >= LIMITS.maxResults) break;
  }
  const texts = new Map<string, string[]>();
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k];
    if (start === undefined) continue;
    const end = starts[k + 1]?.line ?? lines.length;
    const text = squash(lines.slice(start.line, end).join("\n")).slice(0, LIMITS.maxDiagnosticChars);
    const list = texts.get(start.address) ?? [];
    list.push(text);
    texts.set(start.address, list);
  }
  return [...texts].map(([recipient, parts]) => ({
    recipient,
    text: parts.join(" ").slice(0, LIMITS.maxDiagnosticChars),
  }));
}

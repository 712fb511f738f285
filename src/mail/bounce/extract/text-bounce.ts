import { LIMITS } from "../mime/limits.ts";
import type { BounceAction } from "../types.ts";
import { stripBoilerplate } from "./boilerplate.ts";
import { type BounceRecord, emptyRecord } from "./bounce-record.ts";
import { recipientBlocks } from "./recipient-blocks.ts";
import { findCommand, findReplyCode, findStatus, squash } from "./smtp-text.ts";

const DELAY_RE =
  /\b(?:has been|was|is) delayed\b|\bwill (?:be retried|continue (?:to try|trying))\b|\bhas not yet been delivered\b|\bdelivery attempts will continue\b|\bstill (?:trying|undelivered)\b|\bwarning: message .{0,80} delayed\b|\bdelivery status notification \(delay\)|\bdelayed mail\b|\bthis is a warning message only\b/i;

const CODE_RE = /(?:^|\s)[245]\d\d[ -]|(?:^|[^\d.])[245]\.\d{1,3}\.\d{1,3}(?![\d.])/m;

/** Is this notice a delay warning rather than a failure? */
function saysDelayed(subject: string, notice: string): BounceAction {
  return DELAY_RE.test(subject) || DELAY_RE.test(notice.slice(0, 4000)) ? "delayed" : "failed";
}

/** Does a text say more than the addresses in it? */
function saysSomething(text: string): boolean {
  return text.replace(/\S+@\S+/g, "").replace(/[^\p{L}\p{N}]+/gu, "").length > 3;
}

/** A record for one recipient of a text bounce, its codes read from its own lines. */
function textRecord(recipient: string, text: string, action: BounceAction): BounceRecord {
  const diagnostic = saysSomething(text) ? squash(text).slice(0, LIMITS.maxDiagnosticChars) : "";
  return {
    ...emptyRecord(recipient),
    action,
    diagnostic,
    status: findStatus(diagnostic),
    replycode: findReplyCode(diagnostic),
    command: findCommand(diagnostic),
  };
}

/**
 * Reads a bounce written for people (qmail, Exim, Gmail, Exchange, Domino and many more): one record per recipient
 * block of the notice. A block without an error code borrows the error stated before the first recipient ("Could
 * not be delivered because of 550 5.1.1 User unknown. The following recipients were affected: ..."). Listed failed
 * recipients without a block (X-Failed-Recipients, or the original's To) share the whole notice, less the mail
 * system's standard sentences.
 */
export function parseTextBounce(
  notice: string,
  subject: string,
  failed: readonly string[],
  exclude: ReadonlySet<string>,
): BounceRecord[] {
  const action = saysDelayed(subject, notice);
  let blocks = recipientBlocks(notice, new Set(failed), exclude);
  // A test message sent to oneself names the sender as the recipient; only then is the sender a recipient.
  if (blocks.length === 0 && exclude.size > 0) blocks = recipientBlocks(notice, new Set(failed), new Set());
  const general = squash(stripBoilerplate(notice));
  const firstLine = blocks[0] === undefined ? -1 : notice.toLowerCase().indexOf(blocks[0].recipient);
  const leadIn = firstLine > 0 ? notice.slice(Math.max(0, firstLine - 2000), firstLine) : "";
  const records: BounceRecord[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block === undefined) continue;
    let text = block.text;
    if (!saysSomething(text)) {
      const next = blocks.slice(i + 1).find((b) => saysSomething(b.text));
      text = next === undefined ? `${text} ${saysSomething(general) ? general : ""}` : `${text} ${next.text}`;
    }
    if (!CODE_RE.test(text) && saysSomething(stripBoilerplate(leadIn)))
      text = `${squash(stripBoilerplate(leadIn))} ${text}`;
    records.push(textRecord(block.recipient, text, action));
  }
  const seen = new Set(records.map((r) => r.recipient));
  for (const recipient of failed) {
    if (!seen.has(recipient) && records.length < LIMITS.maxResults) {
      seen.add(recipient);
      records.push(textRecord(recipient, saysSomething(general) ? general : "", action));
    }
  }
  return records;
}

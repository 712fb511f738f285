import type { SmtpCommand } from "../types.ts";

const ADDRESS_RE =
  /[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,128}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+/g;

/** Every e-mail address in a text, in order, lower-cased, without surrounding dots. */
export function findAddresses(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ADDRESS_RE)) out.push(m[0].replace(/^\.+|\.+$/g, "").toLowerCase());
  return out;
}

/** The bare address in a field such as `rfc822; <User@Example.org>`, lower-cased; empty when there is none. */
export function cleanAddress(value: string): string {
  const semi = value.indexOf(";");
  const rest = semi >= 0 && !value.slice(0, semi).includes("@") ? value.slice(semi + 1) : value;
  const found = findAddresses(rest);
  if (found[0] !== undefined) return found[0];
  return rest.replace(/[<>"\s]/g, "").toLowerCase();
}

/** Collapses whitespace to single spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The first RFC 3463 enhanced status code in a text (`5.1.1`, also Exchange's `#5.1.1`), or empty. Dotted numbers
 * that are part of a longer one (an IP address, a version) are not codes.
 */
export function findStatus(text: string): string {
  const re = /(?:^|[^\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d]|\.\d)/g;
  let success = "";
  for (const m of text.matchAll(re)) {
    const subject = Number(m[2]);
    if (subject > 7) continue;
    const code = `${m[1]}.${subject}.${Number(m[3])}`;
    // A session transcript shows the successes before the failure; the failure is the one that counts.
    if (m[1] !== "2") return code;
    if (success === "") success = code;
  }
  return success;
}

/** The first SMTP reply code in a text: three digits at a line start or after a colon, before a space or `-`. */
export function findReplyCode(text: string): string {
  const re = /(?:^|[\s:("'[])([245][0-5]\d)(?=[ -]|$)/gm;
  let success = "";
  for (const m of text.matchAll(re)) {
    const code = m[1] ?? "";
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 12);
    if (!/^ ?-? ?(?:[245]\.\d|[A-Za-z<#[(])/.test(after) && !/^[ -]?$/.test(after)) continue;
    if (!code.startsWith("2")) return code;
    if (success === "") success = code;
  }
  return success;
}

const COMMAND_PATTERNS: ReadonlyArray<readonly [RegExp, SmtpCommand]> = [
  [/\b(?:after|in reply to|did not like our|command)\s+(?:the\s+)?rcpt(?:\s+to)?\b|\brcpt to:?\s*</i, "RCPT"],
  [/\b(?:after|in reply to|did not like our)\s+(?:the\s+)?mail(?:\s+from)?\b|\bmail from:\s*</i, "MAIL"],
  [
    /\b(?:after|in reply to|did not like our)\s+(?:the\s+)?(?:end of data|final data|data|end of data command)\b/i,
    "DATA",
  ],
  [
    /\bafter (?:the )?(?:initial connection|connect)\b|\bconnect(?:ion)? to .{1,80} (?:failed|refused)/i,
    "CONN",
  ],
  [/\b(?:after|in reply to|did not like our)\s+(?:the\s+)?ehlo\b/i, "EHLO"],
  [/\b(?:after|in reply to|did not like our)\s+(?:the\s+)?helo\b|\bmy name was rejected\b/i, "HELO"],
  [/\b(?:after|in reply to)\s+(?:the\s+)?starttls\b/i, "STARTTLS"],
  [/\bsender was rejected\b|\[mail_from\]/i, "MAIL"],
  [/\[rcpt_to\]|\bsmtp:rcpt\b|\bsmtp command\W+rcpt\b/i, "RCPT"],
  [/\bsmtp command\W+data\b/i, "DATA"],
  [/\bsmtp command\W+mail\b/i, "MAIL"],
  [/\[data\]|\bafter end of data\b/i, "DATA"],
];

const TRANSCRIPT_COMMANDS: Readonly<Record<string, SmtpCommand>> = {
  rcpt: "RCPT",
  mail: "MAIL",
  data: "DATA",
  ehlo: "EHLO",
  helo: "HELO",
  starttls: "STARTTLS",
};

/** In a session transcript (`>>> RCPT To:<a>` then `<<< 550 ...`), the last command sent before the first refusal. */
function transcriptCommand(text: string): SmtpCommand {
  const refusal = /<<<\s*[45]\d\d/.exec(text);
  if (refusal === null) return "";
  let found: SmtpCommand = "";
  for (const m of text.slice(0, refusal.index).matchAll(/>>>\s*(rcpt|mail|data|ehlo|helo|starttls)\b/gi)) {
    found = TRANSCRIPT_COMMANDS[(m[1] ?? "").toLowerCase()] ?? found;
  }
  return found;
}

/** The SMTP command a refusal answered, when the text says it; empty otherwise. */
export function findCommand(text: string): SmtpCommand {
  const fromTranscript = transcriptCommand(text);
  if (fromTranscript !== "") return fromTranscript;
  for (const [re, command] of COMMAND_PATTERNS) if (re.test(text)) return command;
  return "";
}

/**
 * The status code attached to an SMTP reply (`550 5.7.1`, `550-'5.7.1`), which is the remote server's own, or else
 * the first status code in the text.
 */
export function findReplyStatus(text: string): string {
  const m = /(?:^|[^\d])[245]\d\d[ -]['"]?(?:#)?([245]\.\d{1,3}\.\d{1,3})(?![\d]|\.\d)/.exec(text);
  return m?.[1] !== undefined ? findStatus(m[1]) : findStatus(text);
}

/**
 * The lines of one multi-line SMTP reply (`550-5.7.1 ...` continued up to `550 5.7.1 ...`) as one text, found in a
 * notice; empty when the notice does not quote the reply.
 */
export function multilineReply(notice: string, replycode: string): string {
  if (!/^[245]\d\d$/.test(replycode)) return "";
  const re = new RegExp(`^\\s*(?:<<<\\s*)?${replycode}[ -](.*)$`, "gm");
  const lines = [...notice.matchAll(re)].map((m) => (m[1] ?? "").trim());
  return lines.length > 1 ? `${replycode} ${lines.join(" ")}` : "";
}

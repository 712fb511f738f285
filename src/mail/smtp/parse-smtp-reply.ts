import type { SmtpReply } from "../../app/ports/mail-transport.ts";

const CODE = /^([2-5]\d\d)(?:[ -]|$)/;
const ENHANCED = /^([245]\.\d{1,3}\.\d{1,3})(?:\s|$)/;
// Where common relays name their queue id in a 2xx reply to DATA.
const QUEUE_ID = [
  /queued as ([0-9A-Za-z]+)/, // Postfix: "250 2.0.0 Ok: queued as 4F8C21A0B2"
  /\bid=([0-9A-Za-z-]+)/, // Exim: "250 OK id=1tQxYz-000Abc-12"
  /^([0-9A-Za-z]{8,}) Message accepted for delivery/, // Sendmail: "250 2.0.0 4B7AbCdE012345 Message accepted..."
];

/**
 * Reads an SMTP reply as nodemailer hands it over (one or several lines, e.g. "250 2.0.0 Ok: queued as 4F8C21A0B2"):
 * the basic code, the RFC 3463 enhanced status when the text starts with one, the text without the code prefixes,
 * and the relay's queue id when it names one. Returns null when the text does not start with a reply code.
 */
export function parseSmtpReply(response: string): SmtpReply | null {
  const lines = response.trim().split(/\r?\n/);
  const code = CODE.exec(lines[0] ?? "")?.[1];
  if (code === undefined) return null;
  const texts = lines.map((line) => line.replace(/^\d{3}[ -]?/, ""));
  const enhanced = ENHANCED.exec(texts[0] ?? "")?.[1] ?? null;
  const text = texts
    .map((line) =>
      (enhanced !== null && line.startsWith(enhanced) ? line.slice(enhanced.length) : line).trim(),
    )
    .join("\n");
  const queueId = code.startsWith("2")
    ? (QUEUE_ID.map((p) => p.exec(text)?.[1]).find(Boolean) ?? null)
    : null;
  return { code: Number(code), enhanced, text, queueId };
}

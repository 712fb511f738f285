/** asctime-style date of the mbox "From " line, in UTC: `Tue Dec  1 09:00:00 2026`. */
function asctime(at: Date): string {
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${days[at.getUTCDay()]} ${months[at.getUTCMonth()]} ${String(at.getUTCDate()).padStart(2, " ")} ${pad(
    at.getUTCHours(),
  )}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} ${at.getUTCFullYear()}`;
}

/**
 * One message as an mboxrd entry: the "From " separator line with the envelope sender and date, the message with line
 * ends as LF and every line matching /^>*From / quoted with one more ">", then a blank line. mboxrd quoting is
 * reversible (readers strip one ">"), so the original message can be recovered exactly; CRLF is restored by readers
 * that need it. Auditors who need the byte-exact files should use the zip export.
 */
export function mboxEntry(envelopeFrom: string, at: Date, raw: Buffer): Buffer {
  const sender = envelopeFrom === "" ? "MAILER-DAEMON" : envelopeFrom.replace(/\s/g, "");
  const text = raw.toString("latin1").replace(/\r\n/g, "\n");
  const quoted = text.replace(/^(>*From )/gm, ">$1");
  const body = quoted.endsWith("\n") ? quoted : `${quoted}\n`;
  return Buffer.from(`From ${sender} ${asctime(at)}\n${body}\n`, "latin1");
}

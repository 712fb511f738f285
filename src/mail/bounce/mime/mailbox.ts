import { headerValue, parseContentType, parseHeaderBlock } from "./headers.ts";

/** An mbox envelope line: `From sender Thu Apr 29 23:34:45 2015`. */
const FROM_LINE_RE =
  /^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]?\d \d\d:\d\d/gm;

/** The closing delimiter of a message's top-level multipart, or null when it is not multipart. */
function closingDelimiter(text: string, start: number): string | null {
  const headerEnd = text.indexOf("\n\n", start);
  const block = text.slice(start, headerEnd < 0 ? Math.min(text.length, start + 65536) : headerEnd);
  const boundary = parseContentType(headerValue(parseHeaderBlock(block), "content-type")).params.boundary;
  return boundary === undefined || boundary === "" ? null : `--${boundary}--`;
}

/**
 * Splits a text holding one message or an mbox of several (line endings already `\n`). A `From ` envelope line
 * starts a new message only where the previous one ended: after a blank line or after its closing MIME delimiter,
 * so a `From ` line quoted inside a notice does not split it.
 */
export function splitMailbox(text: string): string[] {
  const messages: string[] = [];
  let start = 0;
  // The current message's closing delimiter, read only when a candidate envelope line needs it.
  let closing: string | null | undefined;
  for (const m of text.matchAll(FROM_LINE_RE)) {
    const at = m.index ?? 0;
    if (at === 0) continue;
    const previous = text.slice(text.lastIndexOf("\n", at - 2) + 1, at - 1).trimEnd();
    const next = text.slice(text.indexOf("\n", at) + 1, text.indexOf("\n", at) + 80);
    if (!/^[A-Za-z][A-Za-z0-9-]*:/.test(next)) continue;
    if (previous !== "") {
      if (closing === undefined) closing = closingDelimiter(text, start);
      if (previous !== closing) continue;
    }
    if (text.slice(start, at).trim() !== "") messages.push(text.slice(start, at));
    start = at;
    closing = undefined;
  }
  const last = text.slice(start);
  if (last.trim() !== "" || messages.length === 0) messages.push(last);
  return messages;
}

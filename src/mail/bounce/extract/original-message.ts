import { decodeEncodedWords } from "../mime/decode.ts";
import { type HeaderField, headerValue, parseHeaderBlock } from "../mime/headers.ts";
import type { OriginalMessage } from "../types.ts";
import { cleanAddress, findAddresses } from "./smtp-text.ts";

/** An original message about which nothing is known. */
export const NO_ORIGINAL: OriginalMessage = {
  messageId: "",
  returnPath: "",
  from: "",
  to: [],
  subject: "",
  xHeaders: {},
};

/** Reads a Message-ID value to its bracketed form, `<id@host>`; empty when the value holds none. */
export function cleanMessageId(value: string): string {
  const m = /<([^<>\s]{1,500})>/.exec(value);
  if (m !== null) return `<${m[1]}>`;
  const bare = value.trim().split(/\s+/)[0] ?? "";
  return bare.includes("@") && bare.length <= 500 ? `<${bare}>` : "";
}

/** The identifiers of a quoted original message, from its header fields. */
export function originalFromHeaders(fields: readonly HeaderField[]): OriginalMessage {
  const xHeaders: Record<string, string> = {};
  for (const { name, value } of fields) {
    if (name.startsWith("x-") && !(name in xHeaders) && Object.keys(xHeaders).length < 100) {
      xHeaders[name] = value.slice(0, 1000);
    }
  }
  const returnPath = headerValue(fields, "return-path");
  return {
    messageId: cleanMessageId(headerValue(fields, "message-id")),
    returnPath: returnPath === "" ? "" : cleanAddress(returnPath),
    from: cleanAddress(headerValue(fields, "from")),
    to: findAddresses(headerValue(fields, "to")).slice(0, 100),
    subject: decodeEncodedWords(headerValue(fields, "subject")).slice(0, 1000),
    xHeaders,
  };
}

/** Reads the header block (up to its blank line) that starts at `start`, bounded to 64 KiB. */
function blockAt(text: string, start: number): OriginalMessage {
  const window = text.slice(start, start + 65536);
  const end = window.indexOf("\n\n");
  return originalFromHeaders(parseHeaderBlock(end < 0 ? window : window.slice(0, end)));
}

/**
 * Finds the header block of an original message quoted inline in a text bounce (after "Below this line is a copy of
 * the message." and the like) and reads it; NO_ORIGINAL when the text quotes none. Lines that are not fields inside
 * the block (a broken fold) are skipped rather than ending it.
 */
export function originalFromText(text: string): OriginalMessage {
  const m = /^[A-Za-z][A-Za-z0-9-]{0,60}:[ \t]/m.exec(text);
  if (m === null) return NO_ORIGINAL;
  const original = blockAt(text, m.index);
  return original.messageId === "" && original.to.length === 0 ? NO_ORIGINAL : original;
}

/**
 * Last resort for a bounce whose MIME structure is broken: the header block, anywhere in the body, that holds a
 * Message-ID field. NO_ORIGINAL when there is none.
 */
export function originalByMessageId(body: string): OriginalMessage {
  const m = /^Message-ID[ \t]*:/im.exec(body);
  if (m === null) return NO_ORIGINAL;
  const blockStart = body.lastIndexOf("\n\n", m.index);
  const original = blockAt(body, blockStart < 0 ? 0 : blockStart + 2);
  return original.messageId === "" ? NO_ORIGINAL : original;
}

import { decodeCharset, decodeTransfer } from "./decode.ts";
import { headerValue } from "./headers.ts";
import { LIMITS } from "./limits.ts";
import type { MimeEntity } from "./mime-tree.ts";

const ENTITIES: Readonly<Record<string, string>> = {
  nbsp: " ",
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

/** Turns HTML into plain lines: block ends become line breaks, tags go, common entities are decoded. */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|tr|li|h[1-6]|table)\s*>/gi, "\n")
    .replace(/<[^>]{0,2000}>/g, "")
    .replace(/&(#x?[0-9a-f]{1,6}|[a-z]{2,6});/gi, (whole, name: string) => {
      if (name.startsWith("#")) {
        const code =
          name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isInteger(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\r/g, "");
}

/**
 * The decoded text of a part, at most {@link LIMITS.maxTextChars} characters of it read; HTML is flattened to text.
 * `text` is the whole message as a latin1 string of its bytes.
 */
export function partText(text: string, entity: MimeEntity, maxChars: number = LIMITS.maxTextChars): string {
  const raw = text.slice(entity.bodyStart, Math.min(entity.bodyEnd, entity.bodyStart + maxChars));
  const bytes = decodeTransfer(raw, headerValue(entity.headers, "content-transfer-encoding"));
  const declared = entity.contentType.params.charset ?? "";
  // Japanese mail servers label 8-bit EUC-JP text as ISO-2022-JP, a 7-bit encoding; the bytes tell which it is.
  const charset = /^iso-2022-jp/i.test(declared) && bytes.some((b) => b >= 0x80) ? "euc-jp" : declared;
  const decoded = decodeCharset(bytes, charset === "" ? "utf-8" : charset).replace(/\r\n?/g, "\n");
  return entity.contentType.type === "text/html" ? htmlToText(decoded) : decoded;
}

/**
 * Content decoding for bounce parts: transfer encodings, charsets and RFC 2047 encoded words. Every function here
 * accepts damaged input (broken base64, stray `=` in quoted-printable, unknown charsets) and never throws.
 */

/** The part of a TextDecoder we use. */
interface Decoder {
  decode(input: Uint8Array): string;
}

const decoders = new Map<string, Decoder | null>();

function decoderFor(charset: string): Decoder | null {
  const label = charset.trim().toLowerCase() || "utf-8";
  let decoder = decoders.get(label);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(label, { fatal: false });
    } catch {
      decoder = null;
    }
    if (decoders.size < 64) decoders.set(label, decoder);
  }
  return decoder;
}

/** Decodes quoted-printable (given as a latin1 string of the raw bytes) to bytes; bad escapes stay as they are. */
export function decodeQuotedPrintable(raw: string): Buffer {
  const text = raw.replace(/[ \t]+\n/g, "\n").replace(/=\n/g, "");
  const out = Buffer.allocUnsafe(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d && i + 2 < text.length) {
      const hex = text.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out[n++] = Number.parseInt(hex, 16);
        i += 2;
        continue;
      }
    }
    out[n++] = c & 0xff;
  }
  return out.subarray(0, n);
}

/**
 * Decodes base64 line by line, skipping lines that are not base64 at all (a server's note pasted into the part), so
 * that one damaged line does not shift every byte after it.
 */
function decodeBase64(raw: string): Buffer {
  const lines = raw
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => /^[A-Za-z0-9+/]+=*$/.test(line));
  return Buffer.from(lines.join(""), "base64");
}

/** Undoes a Content-Transfer-Encoding; `raw` holds the part's bytes as a latin1 string. */
export function decodeTransfer(raw: string, encoding: string): Buffer {
  const cte = encoding.trim().toLowerCase();
  if (cte === "base64") return decodeBase64(raw);
  if (cte === "quoted-printable") return decodeQuotedPrintable(raw);
  return Buffer.from(raw, "latin1");
}

/** Decodes bytes in a declared charset; an unknown or missing charset falls back to UTF-8, which never throws. */
export function decodeCharset(bytes: Buffer, charset: string): string {
  const decoder = decoderFor(charset) ?? decoderFor("utf-8");
  return decoder === null ? bytes.toString("latin1") : decoder.decode(bytes);
}

/** Decodes RFC 2047 encoded words (`=?utf-8?B?...?=`) in a header value given as a latin1 string. */
export function decodeEncodedWords(value: string): string {
  if (!value.includes("=?")) return decodeCharset(Buffer.from(value, "latin1"), "utf-8");
  const joined = value.replace(/(\?=)\s+(=\?)/g, "$1$2");
  let out = "";
  let last = 0;
  const re = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;
  for (let m = re.exec(joined); m !== null; m = re.exec(joined)) {
    out += decodeCharset(Buffer.from(joined.slice(last, m.index), "latin1"), "utf-8");
    const charset = (m[1] ?? "").replace(/\*.*$/, "");
    const payload = m[3] ?? "";
    const bytes =
      (m[2] ?? "").toLowerCase() === "b"
        ? Buffer.from(payload, "base64")
        : decodeQuotedPrintable(payload.replace(/_/g, " "));
    out += decodeCharset(bytes, charset);
    last = m.index + m[0].length;
  }
  return out + decodeCharset(Buffer.from(joined.slice(last), "latin1"), "utf-8");
}

import { err, ok, type Result } from "../../core/result.ts";
import { type UblReadError, ublReadError } from "./ubl-read-error.ts";

/** Default limit on the size of a document to read: far above any real invoice, far below what hurts the process. */
export const DEFAULT_MAX_XML_BYTES = 20 * 1024 * 1024;

const ENCODING_DECLARATION = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

/** The text of bytes: BOM first, then the XML declaration's encoding (ISO-8859-1 and the like), else UTF-8. */
function decodeBytes(bytes: Buffer): Result<string, UblReadError> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return ok(bytes.toString("utf8", 3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return ok(new TextDecoder("utf-16le").decode(bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return ok(new TextDecoder("utf-16be").decode(bytes.subarray(2)));
  const label = ENCODING_DECLARATION.exec(bytes.toString("latin1", 0, 200))?.[1]?.toLowerCase();
  if (label === undefined || label === "utf-8" || label === "utf8") return ok(bytes.toString("utf8"));
  try {
    return ok(new TextDecoder(label).decode(bytes));
  } catch {
    return err(ublReadError("not-xml", `unsupported character encoding "${label}"`));
  }
}

/**
 * Checks the size limit before anything else is done with the input, decodes bytes to text, and refuses DOCTYPE and
 * ENTITY declarations outright: UBL never needs them, and refusing them rules out external entities (XXE) and entity
 * expansion (billion laughs) whatever the parser would do with them.
 */
export function decodeXmlInput(input: string | Buffer, maxBytes: number): Result<string, UblReadError> {
  const size = typeof input === "string" ? Buffer.byteLength(input, "utf8") : input.length;
  if (size > maxBytes) {
    return err(
      ublReadError("too-large", `the document is ${size} bytes, more than the limit of ${maxBytes} bytes`),
    );
  }
  const decoded = typeof input === "string" ? ok(input) : decodeBytes(input);
  if (!decoded.ok) return decoded;
  const text = decoded.value.charCodeAt(0) === 0xfeff ? decoded.value.slice(1) : decoded.value;
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    return err(
      ublReadError(
        "doctype-refused",
        "DOCTYPE and ENTITY declarations are refused (XXE and entity expansion)",
      ),
    );
  }
  return ok(text);
}

import { err, ok, type Result } from "../../../core/result.ts";

/** One MIME entity: header fields by lower-case name (unfolded) and the body octets as transferred. */
export interface MimeEntity {
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

/**
 * Splits a header block from its body at the first empty line (CRLF or bare LF line ends). A leading HTTP status
 * line is skipped, so that a captured HTTP response reads like a MIME entity.
 */
export function splitHeaderBlock(raw: Buffer): MimeEntity {
  if (raw[0] === 0x0a) return { headers: new Map(), body: raw.subarray(1) };
  if (raw[0] === 0x0d && raw[1] === 0x0a) return { headers: new Map(), body: raw.subarray(2) };
  const crlf = raw.indexOf("\r\n\r\n");
  const lf = raw.indexOf("\n\n");
  const useCrlf = crlf >= 0 && (lf < 0 || crlf <= lf + 1);
  const end = useCrlf ? crlf : lf;
  const headerText = end < 0 ? raw.toString("latin1") : raw.toString("latin1", 0, end);
  const body = end < 0 ? Buffer.alloc(0) : raw.subarray(end + (useCrlf ? 4 : 2));
  const headers = new Map<string, string>();
  let last: string | undefined;
  for (const line of headerText.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last !== undefined) {
      headers.set(last, `${headers.get(last) ?? ""} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    // A repeated field keeps its first value: Content-Type and Content-ID are single-valued.
    if (!headers.has(last)) headers.set(last, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** A Content-Type value split into its media type (lower case) and parameters (names lower case, unquoted). */
export function parseContentType(value: string): { type: string; params: ReadonlyMap<string, string> } {
  const [type = "", ...rest] = value.split(";");
  const params = new Map<string, string>();
  const pattern = /([^=\s;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const match of rest.join(";").matchAll(pattern)) {
    const raw = (match[2] ?? "").trim();
    params.set(
      (match[1] ?? "").toLowerCase(),
      raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw,
    );
  }
  return { type: type.trim().toLowerCase(), params };
}

/** The body of an entity with its Content-Transfer-Encoding undone (base64; binary, 8bit and 7bit as they are). */
export function decodedBody(entity: MimeEntity): Result<Buffer, string> {
  const encoding = (entity.headers.get("content-transfer-encoding") ?? "binary").toLowerCase();
  if (encoding === "base64")
    return ok(Buffer.from(entity.body.toString("latin1").replace(/\s+/g, ""), "base64"));
  if (["binary", "8bit", "7bit"].includes(encoding)) return ok(entity.body);
  return err(`unsupported Content-Transfer-Encoding ${encoding}`);
}

/** Splits a multipart body into its entities, octet-exact (payloads are binary). */
export function splitMultipart(body: Buffer, boundary: string): Result<MimeEntity[], string> {
  const delimiter = Buffer.from(`--${boundary}`, "latin1");
  const parts: MimeEntity[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) return err(`the boundary "${boundary}" does not occur in the body`);
  for (;;) {
    const afterDelimiter = at + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString("latin1") === "--") return ok(parts);
    const lineEnd = body.indexOf("\n", afterDelimiter);
    if (lineEnd < 0) return err("the multipart body ends without a closing boundary");
    const next = body.indexOf(Buffer.concat([Buffer.from("\n"), delimiter]), lineEnd);
    if (next < 0) return err("the multipart body ends without a closing boundary");
    const end = body[next - 1] === 0x0d ? next - 1 : next;
    parts.push(splitHeaderBlock(body.subarray(lineEnd + 1, end)));
    at = next + 1;
  }
}

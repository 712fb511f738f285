import { err, ok, type Result } from "../../../core/result.ts";
import {
  decodedBody,
  type MimeEntity,
  parseContentType,
  splitHeaderBlock,
  splitMultipart,
} from "./mime-parts.ts";

/** An AS4 message as it travels: the SOAP envelope octets and the attachments by Content-ID. */
export interface As4Message {
  readonly soap: Buffer;
  /** Attachment parts by Content-ID without angle brackets; bodies with their transfer encoding undone. */
  readonly attachments: ReadonlyMap<string, MimeEntity>;
}

const SOAP_TYPES = new Set(["application/soap+xml", "text/xml", "application/xml"]);

function contentId(entity: MimeEntity): string | undefined {
  const raw = entity.headers.get("content-id")?.trim();
  return raw?.replace(/^<(.*)>$/, "$1");
}

/**
 * Reads an AS4 message from its Content-Type and body: a bare SOAP envelope (`application/soap+xml`, as signal
 * messages such as receipts usually are) or `multipart/related` with the envelope as root part (the `start`
 * parameter, else the first part) and the payloads as further parts.
 */
export function readAs4Message(contentType: string, body: Buffer): Result<As4Message, string> {
  const { type, params } = parseContentType(contentType);
  if (SOAP_TYPES.has(type)) return ok({ soap: body, attachments: new Map() });
  if (type !== "multipart/related") return err(`unexpected Content-Type ${type || "(none)"}`);
  const boundary = params.get("boundary");
  if (!boundary) return err("multipart/related without a boundary");
  const parts = splitMultipart(body, boundary);
  if (!parts.ok) return parts;
  const start = params.get("start")?.replace(/^<(.*)>$/, "$1");
  const root = parts.value.find((part) => start !== undefined && contentId(part) === start) ?? parts.value[0];
  if (!root) return err("multipart/related without parts");
  const soap = decodedBody(root);
  if (!soap.ok) return soap;
  const attachments = new Map<string, MimeEntity>();
  for (const part of parts.value) {
    if (part === root) continue;
    const id = contentId(part);
    if (id === undefined) return err("an attachment part has no Content-ID");
    const decoded = decodedBody(part);
    if (!decoded.ok) return decoded;
    attachments.set(id, { headers: part.headers, body: decoded.value });
  }
  return ok({ soap: soap.value, attachments });
}

/**
 * Reads a captured message: a header block (HTTP response or MIME headers) with a Content-Type, then the body.
 * The captures in the corpus show `Transfer-Encoding: chunked` over a body that was already de-chunked when it
 * was saved, so the transfer coding is not undone here; an HTTP server hands the body over de-chunked too.
 */
export function readAs4Dump(raw: Buffer): Result<As4Message, string> {
  const { headers, body } = splitHeaderBlock(raw);
  const contentType = headers.get("content-type");
  if (contentType === undefined) return err("the capture has no Content-Type header");
  return readAs4Message(contentType, body);
}

import { randomUUID } from "node:crypto";

/** One MIME part to write: its Content-ID (without angle brackets), Content-Type and octets. */
export interface MimePartSpec {
  readonly contentId: string;
  readonly contentType: string;
  readonly body: Buffer;
}

/** A message ready for an HTTP POST: its Content-Type header value and body octets. */
export interface MimeMessage {
  readonly contentType: string;
  readonly body: Buffer;
}

/**
 * Writes a SOAP-with-attachments `multipart/related` body (type application/soap+xml, the envelope as root part
 * named by `start`), every part binary with CRLF line ends. The boundary is random, so that no ciphertext can
 * contain it except by a 2^-122 chance.
 */
export function writeMimeMultipart(root: MimePartSpec, attachments: readonly MimePartSpec[]): MimeMessage {
  const boundary = `----=_Part_facteur_${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const part of [root, ...attachments]) {
    const headers = [
      `--${boundary}`,
      `Content-Type: ${part.contentType}`,
      "Content-Transfer-Encoding: binary",
      `Content-ID: <${part.contentId}>`,
      "",
      "",
    ].join("\r\n");
    chunks.push(Buffer.from(headers, "latin1"), part.body, Buffer.from("\r\n", "latin1"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, "latin1"));
  const contentType = `multipart/related; boundary="${boundary}"; type="application/soap+xml"; start="<${root.contentId}>"`;
  return { contentType, body: Buffer.concat(chunks) };
}

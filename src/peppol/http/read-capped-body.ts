import type { ClientRequest, IncomingMessage } from "node:http";

/** A network error in words, with its code (ECONNREFUSED, CERT_HAS_EXPIRED, ...) when the message lacks it. */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === "string" && !message.includes(code) ? `${code}: ${message}` : message;
}

/** What reading an answer's body gave: the bytes, more than allowed (the request is then destroyed), or an error. */
export type CappedBody =
  | { readonly kind: "body"; readonly body: Buffer }
  | { readonly kind: "too-large" }
  | { readonly kind: "error"; readonly error: unknown };

/**
 * Reads a response body up to `maxBytes`, destroying the request as soon as the answer is larger, so that a peer
 * cannot make facteur buffer an unbounded answer. `done` is called once, synchronously from the stream's event, so
 * that no later event of the destroyed request can be seen first.
 */
export function readCappedBody(
  req: ClientRequest,
  res: IncomingMessage,
  maxBytes: number,
  done: (result: CappedBody) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  res.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) {
      req.destroy();
      done({ kind: "too-large" });
      return;
    }
    chunks.push(chunk);
  });
  res.on("end", () => done({ kind: "body", body: Buffer.concat(chunks) }));
  res.on("error", (error) => done({ kind: "error", error }));
}

import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { type As4HttpAnswer, type As4ReceiverDeps, handleAs4Message } from "./handle-as4-message.ts";

/** Where and how the AS4 receiver listens. */
export interface As4ReceiverOptions extends As4ReceiverDeps {
  /** Port 0 picks a free one (tests). */
  readonly listen: { readonly host: string; readonly port: number };
  /** The https key and certificate chain (PEM). */
  readonly tls: { readonly keyPem: string; readonly certificatePem: string };
  /** Largest POST body read; default 110 MiB (Peppol documents reach 100 MB, plus encryption and MIME). */
  readonly maxMessageBytes?: number;
  /** Longest a request may take to arrive; default 5 minutes. */
  readonly requestTimeoutMs?: number;
  /** One line per request: outcome and MessageId, never content or keys. */
  readonly log?: (line: string) => void;
  /** Longest {@link As4Receiver.close} waits for the requests in flight before cutting them; default 60 s. */
  readonly shutdownGraceMs?: number;
}

/** A running receiver. */
export interface As4Receiver {
  /** `https://host:port/`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /**
   * Stops accepting, lets the requests in flight finish (their answers sent, up to the grace period), then ends every
   * connection; resolves when the server is closed and no request is in flight.
   */
  close(): Promise<void>;
  /** Requests being read or answered now. */
  inFlight(): number;
}

const DEFAULT_MAX_BYTES = 110 * 1024 * 1024;

type Body = { readonly ok: true; readonly body: Buffer } | { readonly ok: false; readonly status: number };

function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) return Promise.resolve({ ok: false, status: 413 });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve({ ok: false, status: 413 });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve({ ok: true, body: Buffer.concat(chunks) }));
    req.on("error", () => resolve({ ok: false, status: 400 }));
  });
}

function send(res: ServerResponse, answer: Pick<As4HttpAnswer, "status" | "contentType" | "body">): void {
  res.writeHead(answer.status, { "content-type": answer.contentType, "content-length": answer.body.length });
  res.end(answer.body);
}

function plain(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  res.end(`${text}\n`);
}

/**
 * Starts the AS4 receiving endpoint: an https server (node:https) on the configured address that takes POSTs of
 * AS4 messages (multipart/related), bounded in size and time, and answers each with a signed receipt or ebMS error
 * signal ({@link handleAs4Message}). Anything but a POST is 405; an oversized body is 413 before it is read.
 */
export function startAs4Receiver(options: As4ReceiverOptions): Promise<As4Receiver> {
  const limit = options.maxMessageBytes ?? DEFAULT_MAX_BYTES;
  const log = options.log ?? (() => {});
  // Each request until its answer is written out (or its connection is gone): what a shutdown waits for.
  const inFlight = new Set<Promise<void>>();
  let closing = false;
  const server = createServer(
    {
      key: options.tls.keyPem,
      cert: options.tls.certificatePem,
      requestTimeout: options.requestTimeoutMs ?? 300_000,
    },
    (req, res) => {
      const done = new Promise<void>((resolve) => res.once("close", resolve));
      inFlight.add(done);
      void done.then(() => inFlight.delete(done));
      // A keep-alive connection may bring a new request while we stop: it is turned away, to be sent again.
      if (closing) return plain(res, 503, "shutting down, send again later", { connection: "close" });
      if (req.method !== "POST") return plain(res, 405, "AS4 messages are POSTed here", { allow: "POST" });
      void (async () => {
        const body = await readBody(req, limit);
        if (!body.ok) {
          log(`refused: HTTP ${body.status}`);
          return plain(
            res,
            body.status,
            body.status === 413 ? `larger than ${limit} bytes` : "unreadable body",
          );
        }
        const answer = await handleAs4Message(req.headers["content-type"] ?? "", body.body, options);
        log(`${answer.outcome}: ${answer.detail}`);
        send(res, answer);
      })().catch((error: unknown) => {
        log(`failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) plain(res, 500, "internal error");
        else res.destroy();
      });
    },
  );
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.listen.port, options.listen.host, () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      const host = options.listen.host;
      resolve({
        url: `https://${host.includes(":") ? `[${host}]` : host}:${port}/`,
        host,
        port,
        close: async () => {
          closing = true;
          const closed = new Promise<void>((done) => server.close(() => done()));
          server.closeIdleConnections();
          const grace = new AbortController();
          await Promise.race([
            Promise.all(inFlight),
            sleep(options.shutdownGraceMs ?? 60_000, undefined, { signal: grace.signal }).catch(() => {}),
          ]);
          grace.abort();
          server.closeAllConnections();
          await closed;
          // The requests cut short end with their connections: once this resolves, none is in flight.
          await Promise.all(inFlight);
        },
        inFlight: () => inFlight.size,
      });
    });
  });
}

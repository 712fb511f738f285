import { request } from "node:https";
import { httpsAgentFor } from "../http/https-agent.ts";
import { describeError, readCappedBody } from "../http/read-capped-body.ts";

/** How other access points are reached. */
export interface As4HttpOptions {
  /** Extra CA certificates (PEM) trusted for access points' https certificates, besides the system's. */
  readonly extraCaPem?: readonly string[];
  /** Longest wait for the whole exchange (connect, send, receipt); default 60 s. */
  readonly timeoutMs?: number;
  /** Largest answer read; default 1 MiB (a receipt or an error signal is a few kilobytes). */
  readonly maxResponseBytes?: number;
}

/** What the POST came to: an HTTP answer (any status), or no answer at all. */
export type As4HttpResult =
  | {
      readonly kind: "answered";
      readonly status: number;
      readonly contentType: string;
      readonly body: Buffer;
    }
  | { readonly kind: "unreachable"; readonly reason: string }
  | { readonly kind: "too-large"; readonly reason: string };

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * POSTs an AS4 message over https and reads the synchronous answer, bounded in time and size. Connection
 * failures, TLS failures and timeouts are "unreachable" (nothing is known of the message's fate); the status and body
 * of any answer are returned as they are, for the caller to read the signal in it.
 */
export function postAs4(
  url: URL,
  message: { readonly contentType: string; readonly body: Buffer },
  options: As4HttpOptions = {},
): Promise<As4HttpResult> {
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  return new Promise((resolve) => {
    const req = request(url, {
      method: "POST",
      headers: {
        "content-type": message.contentType,
        "content-length": String(message.body.length),
        "mime-version": "1.0",
      },
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      agent: httpsAgentFor(options.extraCaPem),
    });
    req.on("error", (error) =>
      resolve({ kind: "unreachable", reason: `${url.href}: ${describeError(error)}` }),
    );
    req.on("response", (res) =>
      readCappedBody(req, res, maxBytes, (read) => {
        if (read.kind === "too-large")
          resolve({ kind: "too-large", reason: `${url.href} answered with more than ${maxBytes} bytes` });
        else if (read.kind === "error")
          resolve({ kind: "unreachable", reason: `${url.href}: ${describeError(read.error)}` });
        else
          resolve({
            kind: "answered",
            status: res.statusCode ?? 0,
            contentType: res.headers["content-type"] ?? "",
            body: read.body,
          });
      }),
    );
    req.end(message.body);
  });
}

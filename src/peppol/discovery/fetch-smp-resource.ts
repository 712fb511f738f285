import { request } from "node:https";
import { httpsAgentFor } from "../http/https-agent.ts";
import { describeError, readCappedBody } from "../http/read-capped-body.ts";

/** What an SMP answered for one resource. */
export type SmpResponse =
  | { readonly kind: "ok"; readonly body: Buffer }
  | { readonly kind: "not-found" }
  | { readonly kind: "refused"; readonly reason: string }
  | { readonly kind: "try-later"; readonly reason: string };

/** How SMPs are reached. */
export interface SmpHttpOptions {
  /** Extra CA certificates (PEM) trusted for SMP https certificates, besides the system's. */
  readonly extraCaPem?: readonly string[];
  /** Longest wait for the whole response. */
  readonly timeoutMs: number;
  /** Largest response read; default 4 MiB (a ServiceMetadata is a few kilobytes, a ServiceGroup rarely 1 MiB). */
  readonly maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

/**
 * GETs one SMP resource over https (never plain http: the answer decides where invoices go). 200 gives the body;
 * 404 is "not found"; 5xx, timeouts and connection failures are "try later"; TLS failures and other statuses
 * (including redirects, which the SMP specification does not use) are "refused".
 */
export function fetchSmpResource(url: string, options: SmpHttpOptions): Promise<SmpResponse> {
  const target = new URL(url);
  if (target.protocol !== "https:")
    return Promise.resolve({ kind: "refused", reason: `${url} is not an https URL` });
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise((resolve) => {
    const req = request(target, {
      method: "GET",
      headers: { accept: "application/xml, text/xml" },
      signal: AbortSignal.timeout(options.timeoutMs),
      agent: httpsAgentFor(options.extraCaPem),
    });
    req.on("error", (error) => {
      const reason = `${url}: ${describeError(error)}`;
      const tls = /certificate|self.signed|SSL|TLS|altname/i.test(describeError(error));
      resolve(tls ? { kind: "refused", reason } : { kind: "try-later", reason });
    });
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      if (status !== 200) {
        res.resume();
        if (status === 404) resolve({ kind: "not-found" });
        else if (status >= 500) resolve({ kind: "try-later", reason: `${url} answered HTTP ${status}` });
        else resolve({ kind: "refused", reason: `${url} answered HTTP ${status}` });
        return;
      }
      readCappedBody(req, res, maxBytes, (read) => {
        if (read.kind === "too-large")
          resolve({ kind: "refused", reason: `${url} sent more than ${maxBytes} bytes` });
        else if (read.kind === "error")
          resolve({ kind: "try-later", reason: `${url}: ${describeError(read.error)}` });
        else resolve({ kind: "ok", body: read.body });
      });
    });
    req.end();
  });
}

import { createTransport } from "nodemailer";
import type { MailTransport, OutgoingMessage, SubmitResult } from "../../app/ports/mail-transport.ts";
import { acceptedResult, failedResult, type TransportError } from "./submit-result.ts";

/** How to reach the relay. Timeouts are in milliseconds. */
export interface SmtpTransportOptions {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the relay offers it. */
  readonly secure?: boolean;
  /** Refuse to send unless STARTTLS succeeds. */
  readonly requireTls?: boolean;
  /** Verify the relay's certificate (default true). */
  readonly rejectUnauthorized?: boolean;
  readonly auth?: { readonly user: string; readonly pass: string };
  /** Our EHLO name (default: the host name). */
  readonly clientName?: string;
  /** Parallel connections in the pool (default 5). Run no more concurrent submissions than this. */
  readonly maxConnections?: number;
  /** Messages per connection before it is replaced (default 100). */
  readonly maxMessages?: number;
  /** Time to open the TCP connection (default 30 s). */
  readonly connectionTimeoutMs?: number;
  /** Time to wait for the relay's greeting (default 30 s). */
  readonly greetingTimeoutMs?: number;
  /** Longest silence on an open connection (default 30 s). */
  readonly socketTimeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

function isApiError(error: TransportError): boolean {
  return error.command === "API";
}

/**
 * A pooled SMTP transport (nodemailer, `pool: true`) for the MailTransport port. It submits the message's exact
 * bytes with its own envelope (nothing is added or re-encoded) and maps the relay's answer: 2xx accepted (with code,
 * enhanced status, text and queue id), 5xx rejected, 4xx and connection failures deferred. It never throws for an
 * SMTP or network failure.
 *
 * Timeouts default to 30 s, far below a worker lease. A message whose connection breaks mid-transaction is retried
 * once on a fresh connection (a pooled connection the relay closed while idle), so one submission lasts at most about
 * twice the sum of the timeouts while data keeps flowing; a longer wait would let a lease expire and a second worker
 * send the same delivery.
 */
export function createSmtpTransport(options: SmtpTransportOptions): MailTransport {
  const transporter = createTransport({
    pool: true,
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    requireTLS: options.requireTls ?? false,
    tls: { rejectUnauthorized: options.rejectUnauthorized ?? true },
    ...(options.auth ? { auth: { user: options.auth.user, pass: options.auth.pass } } : {}),
    ...(options.clientName ? { name: options.clientName } : {}),
    maxConnections: options.maxConnections ?? 5,
    maxMessages: options.maxMessages ?? 100,
    maxRequeues: 1,
    connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    greetingTimeout: options.greetingTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    socketTimeout: options.socketTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async submit(message: OutgoingMessage): Promise<SubmitResult> {
      try {
        const info = await transporter.sendMail({
          envelope: { from: message.envelope.from, to: [...message.envelope.to] },
          raw: message.raw,
        });
        return acceptedResult(info);
      } catch (error) {
        // Errors without a code, or about the call itself, are bugs, not relay answers: they are not results.
        if (typeof error !== "object" || error === null || !("code" in error) || isApiError(error))
          throw error;
        return failedResult(error);
      }
    },
    async close(): Promise<void> {
      transporter.close();
    },
  };
}

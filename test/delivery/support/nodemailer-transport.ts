import { createTransport } from "nodemailer";
import type { MailTransport, SubmitResult } from "../../../src/app/ports/mail-transport.ts";

/**
 * A bare pooled nodemailer transport for the crash test: it submits the exact bytes with the delivery's envelope and
 * maps 2xx/4xx/5xx. The product's transport lives in src/mail/smtp; this one keeps the test about the worker.
 */
export function plainSmtpTransport(port: number): MailTransport {
  const transporter = createTransport({
    pool: true,
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    maxConnections: 8,
    maxMessages: 1_000_000,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 5_000,
  });
  return {
    async submit(message): Promise<SubmitResult> {
      try {
        const info = await transporter.sendMail({
          envelope: { from: message.envelope.from, to: [...message.envelope.to] },
          raw: message.raw,
        });
        const text = String(info.response ?? "");
        return {
          kind: "accepted",
          reply: { code: Number(text.slice(0, 3)), enhanced: null, text, queueId: null },
        };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        const text = error instanceof Error ? error.message : String(error);
        if (code !== undefined && code >= 500) {
          return { kind: "rejected", reply: { code, enhanced: null, text, queueId: null } };
        }
        return {
          kind: "deferred",
          reply: code === undefined ? null : { code, enhanced: null, text, queueId: null },
          error: text,
        };
      }
    },
    async close() {
      transporter.close();
    },
  };
}

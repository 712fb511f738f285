import type { RefusedRecipient, SmtpReply, SubmitResult } from "../../app/ports/mail-transport.ts";
import { parseSmtpReply } from "./parse-smtp-reply.ts";

/** The fields of a nodemailer error that say what the relay answered, if anything. */
export interface TransportError {
  readonly code?: unknown;
  readonly command?: unknown;
  readonly response?: unknown;
  readonly responseCode?: unknown;
  readonly message?: unknown;
  readonly rejectedErrors?: unknown;
}

/** The fields of nodemailer's success info this mapping reads. */
export interface TransportInfo {
  readonly response?: unknown;
  readonly rejectedErrors?: unknown;
}

function reply(response: unknown): SmtpReply | null {
  return typeof response === "string" ? parseSmtpReply(response) : null;
}

function refusedRecipients(errors: unknown): RefusedRecipient[] {
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((error: { recipient?: unknown; response?: unknown }) => {
    const parsed = reply(error.response);
    return typeof error.recipient === "string" && parsed !== null
      ? [{ address: error.recipient, reply: parsed }]
      : [];
  });
}

function describe(error: TransportError): string {
  const code = typeof error.code === "string" ? `${error.code}: ` : "";
  return `${code}${typeof error.message === "string" ? error.message : "unknown transport error"}`;
}

// Refusals about our own session (authentication, TLS required) are a relay configuration problem: failing every
// delivery for good would be wrong, so they are retried until someone fixes the configuration.
function isSessionRefusal(error: TransportError, parsed: SmtpReply): boolean {
  return (
    error.code === "EAUTH" || error.command === "AUTH" || error.command === "STARTTLS" || parsed.code === 530
  );
}

/**
 * Maps nodemailer's success info to an accepted result. A relay that answers DATA with something other than a 2xx
 * reply never gets here (nodemailer reports an error), so only a missing or unreadable reply is patched over.
 */
export function acceptedResult(info: TransportInfo): SubmitResult {
  const parsed = reply(info.response) ?? {
    code: 250,
    enhanced: null,
    text: typeof info.response === "string" ? info.response : "",
    queueId: null,
  };
  const refused = refusedRecipients(info.rejectedErrors);
  return refused.length > 0
    ? { kind: "accepted", reply: parsed, refused }
    : { kind: "accepted", reply: parsed };
}

/**
 * Maps a nodemailer error: a 5xx reply rejects (permanent, reply kept), a 4xx reply or no reply at all (connection
 * refused, timeout, socket or TLS error) defers. Session refusals (authentication, TLS required) defer too.
 */
export function failedResult(error: TransportError): SubmitResult {
  const parsed = reply(error.response);
  if (parsed !== null && parsed.code >= 500 && !isSessionRefusal(error, parsed)) {
    return { kind: "rejected", reply: parsed };
  }
  return { kind: "deferred", reply: parsed, error: describe(error) };
}

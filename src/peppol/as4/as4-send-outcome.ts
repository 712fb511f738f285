import type { As4Signal } from "../../documents/peppol/as4/read-as4-signal.ts";

/** What was sent and what came back: kept with the delivery whatever the outcome. */
export interface As4Evidence {
  readonly messageId: string;
  readonly url: string;
  readonly sentAt: Date;
  /** The message as posted: archive it and pass it back as `previous` when retrying, to resend it byte for byte. */
  readonly request: { readonly contentType: string; readonly body: Buffer };
  /** The HTTP answer, when one came. */
  readonly response?: { readonly status: number; readonly contentType: string; readonly body: Buffer };
  /** The signal read from the answer, when there was one. */
  readonly signal?: As4Signal;
  /** True when the signal's signature held, by the receiver's certificate from the SMP, trusted by the AP CA. */
  readonly signalVerified: boolean;
}

/** The receipt that proves delivery: its facts and its exact SOAP octets. */
export interface As4ReceiptProof {
  readonly messageId: string;
  readonly timestamp: string;
  readonly refToMessageId: string;
  /** How many references of our signature its NonRepudiationInformation echoes (all of them, checked). */
  readonly nonRepudiationReferences: number;
  readonly signer: { readonly subject: string; readonly serialNumber: string; readonly pem: string };
  /** The receipt's SOAP envelope as received: the evidence to archive. */
  readonly soap: Buffer;
}

/** Why the message was not accepted: an ebMS error code (or `HTTP 404`, `HTTPS`, ...) and the detail given. */
export interface As4SendFailure {
  readonly code: string;
  readonly detail: string;
}

/**
 * The outcome of one AS4 send:
 * - `accepted`: a signed receipt from the receiver's certificate echoes our signature's references: delivered.
 * - `rejected`: the receiver refused the message (ebMS error: bad signature, decryption, policy, content) or its
 *   answer cannot be trusted: resending the same message will not help.
 * - `look-up-again`: the receiver does not serve the participant (PEPPOL:NOT_SERVICED) or the URL is gone: the
 *   SMP's answer is stale; look the participant up again, then apply the channel policy.
 * - `retry-later`: no usable answer (connection refused, timeout, HTTP 5xx): send again later with the same MessageId.
 */
export type As4SendOutcome =
  | { readonly kind: "accepted"; readonly receipt: As4ReceiptProof; readonly evidence: As4Evidence }
  | { readonly kind: "rejected"; readonly error: As4SendFailure; readonly evidence: As4Evidence }
  | { readonly kind: "look-up-again"; readonly error: As4SendFailure; readonly evidence: As4Evidence }
  | { readonly kind: "retry-later"; readonly reason: string; readonly evidence: As4Evidence };

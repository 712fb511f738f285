import type { JsonObject } from "../audit/json-value.ts";
import type { ResponseStatus } from "./peppol-response.ts";

/**
 * Where an outgoing status message stands: waiting for its first attempt, deferred to a retry, delivered (a signed
 * receipt came back), failed (the receiving access point refused it), undeliverable (the receiver is not on Peppol
 * for this document type: retrying cannot help) or expired (the retry schedule ran out).
 */
export const OUTGOING_RESPONSE_STATES = [
  "queued",
  "deferred",
  "delivered",
  "failed",
  "undeliverable",
  "expired",
] as const;
export type OutgoingResponseState = (typeof OUTGOING_RESPONSE_STATES)[number];

/** True for the states no attempt follows. */
export function isFinalResponseState(state: OutgoingResponseState): boolean {
  return state !== "queued" && state !== "deferred";
}

/** One reason sent with a status: an MLS issue (line, class, text) or an Invoice Response clarification. */
export interface OutgoingResponseReason {
  readonly code: string;
  /** OPStatusReason / OPStatusAction for an Invoice Response; absent for an MLS issue. */
  readonly listId?: string;
  readonly text?: string;
  /** MLS: the location in the answered document ("NA" when unknown). */
  readonly lineId?: string;
}

/** The AS4 request of an outgoing response, archived before it was posted, with the endpoint it was built for. */
export interface OutgoingResponseRequest {
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly url: string;
  readonly certificateSerial: string;
}

/** A status message facteur sends: an MLS answering a received document, or an Invoice Response (T111). */
export interface OutgoingResponse {
  /** The ApplicationResponse ID and the SBDH instance id. */
  readonly id: string;
  /** De-duplication key: one MLS per received document (`mls:<inbox message id>`). */
  readonly key: string;
  /** The inbox message (ebMS MessageId) it answers. */
  readonly inboxMessageId: string;
  readonly kind: "mls" | "invoice-response";
  readonly responseCode: string;
  readonly status: ResponseStatus;
  readonly reasons: readonly OutgoingResponseReason[];
  readonly note?: string;
  /** SBDH sender and receiver participant ids (`ICD:value`), document type and process. */
  readonly sender: string;
  readonly receiver: string;
  readonly documentType: string;
  readonly process: string;
  /** The ebMS MessageId, the same at every attempt. */
  readonly messageId: string;
  /** The ApplicationResponse in the message archive. */
  readonly payloadSha256: string;
  readonly state: OutgoingResponseState;
  readonly attempts: number;
  readonly firstAttemptAt: Date | null;
  readonly request: OutgoingResponseRequest | null;
  /** The signed receipt in the message archive, once delivered. */
  readonly receiptSha256: string | null;
  /** What the last attempt came to: the receipt's ids, the receiver's error, the lookup's answer. */
  readonly outcome: JsonObject | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

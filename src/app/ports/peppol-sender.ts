import type { MlsType } from "../../core/peppol/sbdh-header.ts";
import type { ParticipantEndpoint } from "./participant-directory.ts";

/** The SBDH of one document: who sends to whom, what, and the instance id the receiver detects duplicates by. */
export interface PeppolEnvelope {
  /** C1 and C4 participant ids, `ICD:value`. */
  readonly sender: string;
  readonly receiver: string;
  readonly documentType: string;
  readonly process: string;
  /** The seller's country (ISO 3166-1 alpha-2). */
  readonly countryC1: string;
  /** Stable per delivery, so that a rebuilt message is still the same business message. */
  readonly instanceIdentifier: string;
  readonly creationDateTime: Date;
  /** SBDH MLS_TYPE: whether the receiving access point answers with a Message Level Status always or on failure. */
  readonly mlsType?: MlsType;
}

/** One AS4 send of one document to the endpoint discovery found. */
export interface PeppolSendRequest {
  readonly endpoint: ParticipantEndpoint;
  readonly sbdh: PeppolEnvelope;
  /** The UBL document. */
  readonly payload: string;
  /** The ebMS MessageId: the delivery's Message-ID, the same at every attempt. */
  readonly messageId: string;
  /** The request an earlier attempt posted to this endpoint: resent byte for byte. */
  readonly previous?: PeppolRequestBytes;
}

/** The request as posted: the HTTP body and its MIME content type. */
export interface PeppolRequestBytes {
  readonly contentType: string;
  readonly body: Buffer;
}

/** What was sent, kept as evidence whatever the outcome (the body is empty when nothing could be built). */
export interface PeppolSendEvidence {
  readonly url: string;
  readonly sentAt: Date;
  readonly request: PeppolRequestBytes;
  readonly response?: { readonly status: number };
}

/** The receiver's signed receipt, verified: the proof the buyer's access point has the invoice. */
export interface PeppolReceipt {
  readonly messageId: string;
  readonly timestamp: string;
  readonly refToMessageId: string;
  /** References of our signature its NonRepudiationInformation echoes. */
  readonly nonRepudiationReferences: number;
  readonly signer: { readonly subject: string; readonly serialNumber: string };
  /** The receipt's SOAP envelope as received. */
  readonly soap: Buffer;
}

/**
 * How one send ended: `accepted` with a verified receipt; `rejected` (resending will not help); `look-up-again` (the
 * receiver does not serve the participant or the URL is gone); `retry-later` (no usable answer).
 */
export type PeppolSendOutcome =
  | { readonly kind: "accepted"; readonly receipt: PeppolReceipt; readonly evidence: PeppolSendEvidence }
  | {
      readonly kind: "rejected" | "look-up-again";
      readonly error: { readonly code: string; readonly detail: string };
      readonly evidence: PeppolSendEvidence;
    }
  | { readonly kind: "retry-later"; readonly reason: string; readonly evidence: PeppolSendEvidence };

/** Sends over AS4 as facteur's own access point. Implemented by src/peppol/as4 (sendAs4 with the configured seat). */
export interface PeppolSender {
  /**
   * Builds the signed and encrypted message for the endpoint without posting it, so that it is archived first and
   * every attempt (after a crash too) posts these same bytes; or why it cannot be built (retrying will not help).
   */
  build(
    request: Omit<PeppolSendRequest, "previous">,
  ):
    | { readonly ok: true; readonly value: PeppolRequestBytes }
    | { readonly ok: false; readonly error: string };
  /** Never throws for a network or peer problem: those are outcomes. */
  send(request: PeppolSendRequest): Promise<PeppolSendOutcome>;
}

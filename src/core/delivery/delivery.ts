import type { JsonObject } from "../audit/json-value.ts";
import type { DeliveryEvent, DeliveryState } from "./delivery-state.ts";

/** `main`: the message to the customer's main recipients; `copy`: a duplicate for one copy recipient. */
export const DELIVERY_ROLES = ["main", "copy"] as const;
export type DeliveryRole = (typeof DELIVERY_ROLES)[number];

/** How a delivery travels: by e-mail, or over Peppol (AS4). */
export const DELIVERY_CHANNELS = ["email", "peppol"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** One address a delivery goes to, with the recipient it came from (kept even if the recipient changes later). */
export interface DeliveryAddress {
  readonly recipientId: string;
  readonly email: string;
  readonly name: string | null;
}

/** A relay's answer as kept on a delivery: same shape as the transport's reply, stored as evidence. */
export interface RelayReply {
  readonly code: number;
  readonly enhanced: string | null;
  readonly text: string;
  readonly queueId: string | null;
}

/** The archived bytes of a delivery's message and the envelope they were (and will again be) submitted with. */
export interface DeliveryArchive {
  readonly sha256: string;
  readonly size: number;
  /** The VERP return path used for every submission of these bytes. */
  readonly envelopeFrom: string;
  readonly archivedAt: Date;
  /** Peppol: the MIME content type the archived AS4 request was posted with (and is posted with again). */
  readonly contentType?: string;
}

/** Where a Peppol delivery goes: the buyer's participant id, looked up again at each attempt. */
export interface PeppolTarget {
  /** `ICD:value`, e.g. `0208:0123456749`. */
  readonly participant: string;
}

/** One message of one invoice to one set of addresses, and where it stands. */
export interface Delivery {
  /** uuid. */
  readonly id: string;
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly customerNumber: string;
  readonly role: DeliveryRole;
  /** 1 for the first sending of the invoice, 2 for the first explicit resend, ... */
  readonly round: number;
  /** Message-ID without angle brackets, minted when the delivery was created and never changed. */
  readonly messageId: string;
  /** E-mail addresses; none on a Peppol delivery. */
  readonly recipients: readonly DeliveryAddress[];
  /**
   * Set on a delivery over Peppol (AS4 to the buyer's access point; the Message-ID is the AS4 MessageId); absent on
   * an e-mail delivery.
   */
  readonly peppol?: PeppolTarget;
  /**
   * True on an e-mail that accompanies an invoice sent over Peppol: its message says it is not the legal invoice and
   * carries no UBL. Absent otherwise.
   */
  readonly courtesyCopy?: true;
  readonly state: DeliveryState;
  /** Submissions made to the relay (each SMTP DATA that got an answer or a connection failure). */
  readonly attempts: number;
  readonly firstAttemptAt: Date | null;
  readonly nextAttemptAt: Date | null;
  readonly archive: DeliveryArchive | null;
  readonly lastReply: RelayReply | null;
  /** When the relay accepted the message (the 2xx reply was recorded). */
  readonly acceptedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** One entry of a delivery's append-only timeline. */
export interface DeliveryEventRecord {
  readonly deliveryId: string;
  /** Position in the delivery's timeline, from 1. */
  readonly seq: number;
  readonly at: Date;
  /** Who or what: `cli:alice`, `worker:host:1234`, ... */
  readonly actor: string;
  readonly event: DeliveryEvent;
  /** null for the event that created the delivery. */
  readonly from: DeliveryState | null;
  readonly to: DeliveryState;
  /** What proves it: the SMTP reply, the queue id, the archive hash, the error. */
  readonly evidence: JsonObject;
}

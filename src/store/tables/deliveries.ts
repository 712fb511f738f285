import type { IntegerColumn } from "./integer-column.ts";

/** Row of `archived_messages`: one stored message, by content. */
export interface ArchivedMessagesTable {
  /** SHA-256 of the bytes, lower-case hex: the object's address in the archive. */
  sha256: string;
  size: IntegerColumn;
  /** ISO-8601 UTC instant when first stored. */
  stored_at: string;
  /** YYYY-MM-DD until which the message must be kept. */
  retain_until: string;
}

/** Row of `deliveries`: one message of one invoice. */
export interface DeliveriesTable {
  /** uuid. */
  id: string;
  invoice_id: string;
  invoice_number: string;
  customer_number: string;
  /** `main` or `copy`. */
  role: string;
  /** 1 for the first sending, +1 per explicit resend. */
  round: IntegerColumn;
  /** `main`, or the copy recipient's id: unique per invoice and round. */
  target: string;
  /** Message-ID without angle brackets. */
  message_id: string;
  /** See src/core/delivery/delivery-state.ts. */
  state: string;
  attempts: IntegerColumn;
  first_attempt_at: string | null;
  next_attempt_at: string | null;
  /** Set once, before the first submission; every submission sends these bytes. */
  archive_sha256: string | null;
  /** The VERP return path the archived bytes are submitted with. */
  envelope_from: string | null;
  archived_at: string | null;
  /** JSON of the last SMTP reply (code, enhanced, text, queueId). */
  last_reply: string | null;
  accepted_at: string | null;
  /** `email` or `peppol` (0011). */
  channel: string;
  /** The Peppol participant id a `peppol` delivery goes to; null for e-mail. */
  participant: string | null;
  /** The MIME content type the archived AS4 request was posted with (Peppol only). */
  archive_content_type: string | null;
  /** 1 on an e-mail that accompanies a Peppol invoice and is not the legal invoice (0012); else 0. */
  courtesy_copy: IntegerColumn;
  /** Events appended so far; the next event gets event_count + 1 as its seq. */
  event_count: IntegerColumn;
  created_at: string;
  updated_at: string;
}

/** Row of `delivery_recipients`: one address of a delivery, as it was when the delivery was created. */
export interface DeliveryRecipientsTable {
  delivery_id: string;
  /** Order of the address in the To header, from 0. */
  position: IntegerColumn;
  recipient_id: string;
  email: string;
  name: string | null;
}

/** Row of `delivery_events`: one entry of a delivery's timeline. Append-only: triggers refuse UPDATE and DELETE. */
export interface DeliveryEventsTable {
  delivery_id: string;
  seq: IntegerColumn;
  at: string;
  actor: string;
  event: string;
  from_state: string | null;
  to_state: string;
  /** Canonical JSON of the evidence. */
  evidence: string;
}

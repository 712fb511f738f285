import type { IntegerColumn } from "./integer-column.ts";

/** Row of `inbound_messages`: one message received at the bounce address, recorded once with what was done. */
export interface InboundMessagesTable {
  /** uuid. */
  id: string;
  /** SHA-256 of the bytes as received (archived): the same message received twice is recorded once. */
  sha256: string;
  /** `imap`, `smtp` or `file`. */
  source: string;
  /** Where it was read: `imap:<mailbox>:<uidvalidity>:<uid>`, the SMTP session, the file name. */
  source_ref: string | null;
  /** The notice's own Message-ID, with angle brackets; null when it has none. */
  message_id: string | null;
  /** Bytes received (the archived copy stops at the intake's limit when `truncated` is 1). */
  size: IntegerColumn;
  truncated: IntegerColumn;
  received_at: string;
  /** `processed` (matched to a delivery), `unmatched` or `quarantined` (a forged VERP token). */
  outcome: string;
  /** `verp` or `message-id` when matched. */
  matched_by: string | null;
  delivery_id: string | null;
  /** What the notice is: `dsn`, `arf`, `autoreply` or `unknown`. */
  kind: string;
  /** Which reader read it (`rfc3464`, `qmail`, ...). */
  format: string;
  /** Canonical JSON: the results as classified and what was done with each, or why nothing was. */
  detail: string;
}

/** Row of `paper_fallbacks`: an invoice printed in a paper batch because it could not be delivered by e-mail. */
export interface PaperFallbacksTable {
  invoice_id: string;
  /** SHA-256 of the batch PDF, stored in the archive. */
  batch_sha256: string;
  invoice_number: string;
  at: string;
  actor: string;
}

/** Row of `digest_marks`: up to when a digest has reported failures, per digest name. */
export interface DigestMarksTable {
  name: string;
  until: string;
}

/**
 * What a message received at the bounce address reports, once read: the shape the bounce reader produces and the
 * delivery rules consume. Reasons are words of the bounce taxonomy (`userunknown`, `mailboxfull`, ...; `vacation`,
 * `feedback` and `delivered` are not failures).
 */
export type NoticeAction =
  | "failed"
  | "delayed"
  | "delivered"
  | "relayed"
  | "expanded"
  | "complaint"
  | "autoreply"
  | "";

/** One result of a notice: one recipient of a DSN, or the one result of an auto-reply or complaint. */
export interface NoticeResult {
  /** Final recipient, lower-cased; empty when the notice names none. */
  readonly recipient: string;
  /** Original-Recipient when it differs. */
  readonly originalRecipient: string;
  readonly action: NoticeAction;
  /** RFC 3463 status (`5.1.1`), empty when unknown. */
  readonly status: string;
  /** SMTP reply code (`550`), empty when unknown. */
  readonly replycode: string;
  /** The remote server's text. */
  readonly diagnostic: string;
  readonly reason: string;
  /** A permanent address failure. */
  readonly hard: boolean;
  /** Which classification rule decided. */
  readonly rule: string;
  readonly remoteMta: string;
  /** ARF feedback type of a complaint. */
  readonly feedbackType: string;
}

/** What kind of message was read. */
export type NoticeKind = "dsn" | "arf" | "autoreply" | "unknown";

/** The received message that is evidence for what a delivery's events say. */
export interface NoticeEvidence {
  /** SHA-256 of the message as archived. */
  readonly sha256: string;
  /** The notice's own Message-ID; empty when it has none. */
  readonly messageId: string;
  readonly source: string;
  readonly receivedAt: Date;
  /** How the notice was tied to the delivery: an HMAC-checked VERP token, or the quoted original Message-ID. */
  readonly matchedBy: "verp" | "message-id";
  readonly kind: NoticeKind;
  readonly format: string;
}

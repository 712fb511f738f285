/**
 * Bounce reasons, shared with the reference taxonomy of `shared/corpus/README.md`. `vacation`, `feedback` and
 * `delivered` are not failures; `onhold` means a failure whose text says too little; `undefined` means nothing usable.
 */
export const BOUNCE_REASONS = [
  "userunknown",
  "hostunknown",
  "hasmoved",
  "notaccept",
  "mailboxfull",
  "exceedlimit",
  "mesgtoobig",
  "expired",
  "filtered",
  "rejected",
  "blocked",
  "spamdetected",
  "virusdetected",
  "policyviolation",
  "authfailure",
  "badreputation",
  "requireptr",
  "securityerror",
  "failedstarttls",
  "norelaying",
  "suspend",
  "systemerror",
  "systemfull",
  "mailererror",
  "networkerror",
  "toomanyconn",
  "speeding",
  "notcompliantrfc",
  "contenterror",
  "syntaxerror",
  "onhold",
  "undefined",
  "feedback",
  "vacation",
  "delivered",
] as const;

/** One word of the bounce taxonomy. */
export type BounceReason = (typeof BOUNCE_REASONS)[number];

/** What happened to one recipient: RFC 3464 actions, plus the kinds of non-bounce reports. */
export type BounceAction =
  | "failed"
  | "delayed"
  | "delivered"
  | "relayed"
  | "expanded"
  | "complaint"
  | "autoreply"
  | "";

/** The kind of message that was read. Vendor text bounces count as `dsn`: they are delivery status notices. */
export type BounceKind = "dsn" | "arf" | "autoreply" | "unknown";

/** The SMTP command a remote server was answering when it refused, when the bounce says so. */
export type SmtpCommand = "CONN" | "HELO" | "EHLO" | "STARTTLS" | "AUTH" | "MAIL" | "RCPT" | "DATA" | "";

/** One result of a bounce: one recipient of a failure or delay notice, or the one result of another report. */
export interface BounceResult {
  /** Final recipient address, lower-cased; empty when the report names none. */
  readonly recipient: string;
  /** Original-Recipient when the DSN gives one that differs. */
  readonly originalRecipient: string;
  readonly action: BounceAction;
  /** RFC 3463 enhanced status code (`5.1.1`), empty when none could be read. */
  readonly status: string;
  /** SMTP reply code (`550`), empty when none could be read. */
  readonly replycode: string;
  /** The remote server's diagnostic text, whitespace collapsed. */
  readonly diagnostic: string;
  readonly reason: BounceReason;
  /** True for a permanent address failure: the address itself will not work again. */
  readonly hard: boolean;
  /** Id of the classification rule that decided the reason. */
  readonly rule: string;
  /** Message-ID of the message that bounced, from the report or the quoted original; empty when unknown. */
  readonly originalMessageId: string;
  readonly remoteMta: string;
  readonly command: SmtpCommand;
  readonly lastAttemptDate: string;
  /** ARF feedback type (`abuse`, `opt-out`, ...) for complaint reports. */
  readonly feedbackType: string;
}

/** Identifiers of the message that bounced, as quoted in the bounce; used to match it to a delivery. */
export interface OriginalMessage {
  readonly messageId: string;
  readonly returnPath: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  /** The quoted original's `X-*` headers, names lower-cased, first value of each. */
  readonly xHeaders: Readonly<Record<string, string>>;
}

/** Everything read from one bounce message. */
export interface BounceReport {
  readonly kind: BounceKind;
  /** Which reader produced the results (`rfc3464`, `arf`, `rfc3834`, `qmail`, `text`, `amazonses`, ...). */
  readonly format: string;
  readonly results: readonly BounceResult[];
  readonly original: OriginalMessage;
  /** Subject of the bounce itself, decoded. */
  readonly subject: string;
}

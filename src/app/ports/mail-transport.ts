/** A message ready for the relay: the exact bytes (after DKIM signing) and the SMTP envelope. */
export interface OutgoingMessage {
  /** RFC 5322 message as handed to the relay; these bytes are what the archive keeps. */
  readonly raw: Buffer;
  /** The Message-ID without angle brackets; stable per delivery so a retry or a crash never mints a new one. */
  readonly messageId: string;
  readonly envelope: {
    /** The VERP return path carrying the delivery's HMAC token. */
    readonly from: string;
    readonly to: readonly string[];
  };
}

/** What the relay answered. */
export interface SmtpReply {
  /** Basic SMTP reply code, e.g. 250, 451, 550. */
  readonly code: number;
  /** RFC 3463 enhanced status code when given, e.g. "2.0.0", "5.1.1". */
  readonly enhanced: string | null;
  readonly text: string;
  /** The relay's queue id when it said one (Postfix: "250 2.0.0 Ok: queued as 4F8C21A0B2"). */
  readonly queueId: string | null;
}

/** A recipient the relay refused at RCPT TO while it accepted the message for the others. */
export interface RefusedRecipient {
  readonly address: string;
  readonly reply: SmtpReply;
}

/**
 * The outcome of one submission: accepted (2xx: the relay took responsibility), rejected (5xx: permanent, the
 * delivery fails with the reply kept), or deferred (4xx, or no reply at all: connection refused, timeout, TLS failure;
 * retried on schedule).
 */
export type SubmitResult =
  | {
      readonly kind: "accepted";
      readonly reply: SmtpReply;
      /**
       * Recipients refused at RCPT TO (4xx or 5xx) while the others were accepted; absent or empty when all were.
       * The message went to the others only: a retry of the whole message would duplicate it for them.
       */
      readonly refused?: readonly RefusedRecipient[];
    }
  | { readonly kind: "rejected"; readonly reply: SmtpReply }
  | { readonly kind: "deferred"; readonly reply: SmtpReply | null; readonly error: string };

/** Submits messages to the configured relay. Never throws for SMTP or network failures: they are results. */
export interface MailTransport {
  submit(message: OutgoingMessage): Promise<SubmitResult>;
  close(): Promise<void>;
}

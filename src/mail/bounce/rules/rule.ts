import type { BounceAction, BounceReason, SmtpCommand } from "../types.ts";

/** Commands sent before the message itself: a refusal there cannot be about the message's content. */
export const COMMANDS_BEFORE_DATA: readonly SmtpCommand[] = [
  "CONN",
  "HELO",
  "EHLO",
  "STARTTLS",
  "AUTH",
  "MAIL",
  "RCPT",
];

/** A phrase to look for in a lower-cased diagnostic: a substring, or a pattern when a substring cannot say it. */
export type Phrase = string | RegExp;

/**
 * The conditions of a rule; all that are present must hold. Lists mean "any of". Status patterns are exact codes
 * (`5.1.1`) or prefixes ending in a dot (`5.7.`), with `x` standing for either class 4 or 5 (`x.2.2`).
 */
export interface RuleWhen {
  /** A reason the reader took from the report type itself (complaint, auto-reply, success). */
  readonly fixedReason?: readonly BounceReason[];
  readonly action?: readonly BounceAction[];
  /** The reason RFC 3463 gives the enhanced status code (see status-reasons.ts). */
  readonly statusReason?: readonly (BounceReason | "")[];
  readonly status?: readonly string[];
  /** SMTP reply codes, exact (`550`) or by first digits (`5`, `55`). */
  readonly replycode?: readonly string[];
  /** The diagnostic contains one of these phrases. */
  readonly text?: readonly Phrase[];
  /** The diagnostic contains none of these phrases. */
  readonly notText?: readonly Phrase[];
  readonly command?: readonly SmtpCommand[];
  readonly notCommand?: readonly SmtpCommand[];
  /** The DSN's Diagnostic-Code type was `smtp` (or absent); false: another type such as `x-unix`. */
  readonly smtpDiagnostic?: boolean;
  /** The DSN's Diagnostic-Code type, lower-cased (`x-unix`). */
  readonly diagnosticType?: readonly string[];
  readonly hasStatus?: boolean;
  readonly hasDiagnostic?: boolean;
  /** The provider's own category as the reader found it (`ses:Permanent/NoEmail`). */
  readonly category?: RegExp;
  /** Tested on "remote-MTA-host recipient-domain" (either may be empty). */
  readonly host?: RegExp;
  /**
   * The status settles nothing: there is none, it names only a broad reason (system, security, network, expiry,
   * or an address failure the text may contradict), or the diagnostic is not an SMTP reply.
   */
  readonly undecided?: boolean;
}

/** A rule's reason: a fixed one, or `by-status` for the reason RFC 3463 gives the status code. */
export type RuleReason = BounceReason | "by-status";

/** One classification rule: when its conditions hold, the result gets `reason` and the rule's `id`. */
export interface BounceRule {
  /** Stable id, reported with each result (`userunknown.rcpt-text`). */
  readonly id: string;
  /** What the rule recognises, as a sentence. */
  readonly description: string;
  readonly reason: RuleReason;
  readonly when: RuleWhen;
  /**
   * A real sample: a corpus file (`eml/lhost-exim-01.eml`, under shared/corpus/bounces) that this rule decides, or,
   * for a rule no corpus file reaches, a real server reply (`text:550 5.2.1 ...`) that the rule's test wraps in a DSN.
   */
  readonly sample: string;
}

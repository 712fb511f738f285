import type { BounceAction, BounceReason, SmtpCommand } from "../types.ts";

/** What a reader found for one recipient, before classification. */
export interface BounceRecord {
  recipient: string;
  originalRecipient: string;
  action: BounceAction;
  status: string;
  replycode: string;
  diagnostic: string;
  /** The DSN's Diagnostic-Code type (`smtp`, `x-unix`, ...), lower-cased, or empty. */
  diagnosticType: string;
  remoteMta: string;
  /** The MTA that wrote the report (DSN Reporting-MTA). */
  reportingMta: string;
  command: SmtpCommand;
  lastAttemptDate: string;
  feedbackType: string;
  /**
   * A reason the format itself states (a provider's own bounce category, an ARF or auto-reply report), with the
   * category text as the provider wrote it. Rules may use it; it is not a decision by itself.
   */
  category: string;
  /** Set only by readers whose format leaves no doubt (complaint, auto-reply, success notice). */
  fixedReason: BounceReason | "";
}

/** A record with every field empty. */
export function emptyRecord(recipient = ""): BounceRecord {
  return {
    recipient,
    originalRecipient: "",
    action: "",
    status: "",
    replycode: "",
    diagnostic: "",
    diagnosticType: "",
    remoteMta: "",
    reportingMta: "",
    command: "",
    lastAttemptDate: "",
    feedbackType: "",
    category: "",
    fixedReason: "",
  };
}

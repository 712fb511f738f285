import { parseHeaderBlock } from "../mime/headers.ts";
import { LIMITS } from "../mime/limits.ts";
import { type BounceRecord, emptyRecord } from "./bounce-record.ts";
import { cleanAddress } from "./smtp-text.ts";

/**
 * Reads an RFC 5965 `message/feedback-report` body: one complaint result per Original-Rcpt-To (or
 * Removal-Recipient), else one for `fallbackRecipients[0]` (the complained-about message's To).
 */
export function parseFeedbackReport(body: string, fallbackRecipients: readonly string[]): BounceRecord[] {
  const fields = parseHeaderBlock(body);
  let feedbackType = "";
  let remoteMta = "";
  let date = "";
  const recipients: string[] = [];
  for (const { name, value } of fields) {
    if (name === "feedback-type") feedbackType = value.trim().toLowerCase();
    else if (name === "reporting-mta")
      remoteMta = value
        .replace(/^[^;]*;/, "")
        .trim()
        .toLowerCase();
    else if (name === "arrival-date" || name === "received-date") date = value.trim();
    else if (name === "original-rcpt-to" || name === "removal-recipient") {
      const address = cleanAddress(value);
      if (address !== "" && !recipients.includes(address)) recipients.push(address);
    }
  }
  if (recipients.length === 0) recipients.push(fallbackRecipients[0] ?? "");
  return recipients.slice(0, LIMITS.maxResults).map((recipient) => ({
    ...emptyRecord(recipient),
    action: "complaint",
    feedbackType: feedbackType === "" ? "other" : feedbackType,
    category: `arf:${feedbackType}`,
    remoteMta,
    lastAttemptDate: date,
    fixedReason: "feedback",
  }));
}

import type { JsonObject } from "../../../core/audit/json-value.ts";
import {
  evidenceObject,
  isEvidenceObject as isObject,
  evidenceText as str,
} from "../../../core/delivery/evidence-values.ts";
import { LIMITS } from "../mime/limits.ts";
import type { OriginalMessage } from "../types.ts";
import { type BounceRecord, emptyRecord } from "./bounce-record.ts";
import { cleanMessageId, NO_ORIGINAL } from "./original-message.ts";
import { cleanAddress, findCommand, findReplyCode, findStatus, squash } from "./smtp-text.ts";

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value.slice(0, LIMITS.maxResults) : []);

/** Parses the JSON of an Amazon SES event, unwrapping an SNS envelope (`{"Type":"Notification","Message":"..."}`). */
function sesEvent(text: string): JsonObject | null {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end <= start) return null;
  try {
    let parsed: unknown = JSON.parse(text.slice(start, end + 1));
    if (isObject(parsed) && typeof parsed.Message === "string") parsed = JSON.parse(parsed.Message);
    return isObject(parsed) &&
      (isObject(parsed.mail) || "notificationType" in parsed || "eventType" in parsed)
      ? parsed
      : null;
  } catch {
    return null;
  }
}

function sesOriginal(mail: unknown): OriginalMessage {
  if (!isObject(mail)) return NO_ORIGINAL;
  const common = evidenceObject(mail.commonHeaders);
  let messageId = cleanMessageId(str(common.messageId));
  const xHeaders: Record<string, string> = {};
  for (const header of list(mail.headers)) {
    if (!isObject(header)) continue;
    const name = str(header.name).toLowerCase();
    if (name === "message-id" && messageId === "") messageId = cleanMessageId(str(header.value));
    if (name.startsWith("x-") && !(name in xHeaders)) xHeaders[name] = str(header.value).slice(0, 1000);
  }
  return {
    messageId,
    returnPath: cleanAddress(str(mail.source)),
    from: cleanAddress(list(common.from).map(str)[0] ?? ""),
    to: list(mail.destination).map((v) => cleanAddress(str(v))),
    subject: str(common.subject).slice(0, 1000),
    xHeaders,
  };
}

/** Reads an Amazon SES bounce, complaint or delivery notification (JSON); null when the text is not one. */
export function parseAmazonSes(text: string): { records: BounceRecord[]; original: OriginalMessage } | null {
  const event = sesEvent(text);
  if (event === null) return null;
  const type = str(event.notificationType) || str(event.eventType);
  const original = sesOriginal(event.mail);
  const records: BounceRecord[] = [];
  if (type === "Bounce" && isObject(event.bounce)) {
    const bounce = event.bounce;
    const category = `ses:${str(bounce.bounceType)}/${str(bounce.bounceSubType)}`;
    for (const entry of list(bounce.bouncedRecipients)) {
      if (!isObject(entry)) continue;
      const diagnostic = squash(str(entry.diagnosticCode).replace(/^smtp;\s*/i, "")).slice(
        0,
        LIMITS.maxDiagnosticChars,
      );
      records.push({
        ...emptyRecord(cleanAddress(str(entry.emailAddress))),
        action: str(bounce.bounceType) === "Transient" ? "delayed" : "failed",
        status: findStatus(str(entry.status)) || findStatus(diagnostic),
        replycode: findReplyCode(diagnostic),
        diagnostic,
        diagnosticType: "smtp",
        command: findCommand(diagnostic),
        remoteMta: str(bounce.reportingMTA).replace(/^dsn;\s*/i, ""),
        lastAttemptDate: str(bounce.timestamp),
        category,
      });
    }
  } else if (type === "Complaint" && isObject(event.complaint)) {
    const complaint = event.complaint;
    const feedbackType = str(complaint.complaintFeedbackType) || "abuse";
    for (const entry of list(complaint.complainedRecipients)) {
      if (!isObject(entry)) continue;
      records.push({
        ...emptyRecord(cleanAddress(str(entry.emailAddress))),
        action: "complaint",
        feedbackType,
        category: `ses:Complaint/${feedbackType}`,
        fixedReason: "feedback",
      });
    }
  } else if (type === "Delivery" && isObject(event.delivery)) {
    const delivery = event.delivery;
    const response = squash(str(delivery.smtpResponse));
    for (const recipient of list(delivery.recipients)) {
      records.push({
        ...emptyRecord(cleanAddress(str(recipient))),
        action: "delivered",
        status: findStatus(response) || "2.0.0",
        replycode: findReplyCode(response),
        diagnostic: response,
        diagnosticType: "smtp",
        remoteMta: str(delivery.remoteMtaIp) || str(delivery.reportingMTA),
        lastAttemptDate: str(delivery.timestamp),
        category: "ses:Delivery",
        fixedReason: "delivered",
      });
    }
  } else {
    return null;
  }
  return { records, original };
}

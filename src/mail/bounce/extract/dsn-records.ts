import { LIMITS } from "../mime/limits.ts";
import type { BounceRecord } from "./bounce-record.ts";
import { parseDeliveryStatus } from "./delivery-status.ts";
import { recipientBlocks } from "./recipient-blocks.ts";
import { findCommand, multilineReply } from "./smtp-text.ts";

/** Where DSN fields are pasted into a text part (broken MIME, a forwarded bounce), or -1. */
function pastedDsnStart(text: string): number {
  const m = /^(?:Reporting-MTA|Original-Envelope-Id|Final-Recipient|Original-Recipient|Action)\s*:/im.exec(
    text,
  );
  if (m === null || !/^Final-Recipient\s*:/im.test(text) || !/^(?:Action|Status)\s*:/im.test(text)) return -1;
  return m.index;
}

/**
 * The records of a DSN: from its `message/delivery-status` parts, or from DSN fields pasted into its text. The
 * human-readable notice completes them: the SMTP command a refusal answered, the diagnostic when the DSN has none,
 * and the whole of a multi-line SMTP reply of which the DSN kept only the first line.
 */
export function dsnRecords(
  statusBodies: readonly string[],
  fullText: string,
  notice: string,
  sender: ReadonlySet<string>,
): BounceRecord[] {
  let records = statusBodies.flatMap((body) => parseDeliveryStatus(body));
  const pasted = records.length === 0 ? pastedDsnStart(fullText) : -1;
  if (pasted >= 0) {
    records = parseDeliveryStatus(fullText.slice(pasted, pasted + LIMITS.maxNoticeChars)).filter(
      (record) => record.action !== "" || record.status !== "",
    );
  }
  if (records.length === 0) return records;
  const wanted = new Set(records.flatMap((r) => [r.recipient, r.originalRecipient]).filter((a) => a !== ""));
  const blocks = new Map(recipientBlocks(notice, wanted, sender).map((b) => [b.recipient, b.text]));
  for (const record of records) {
    const block = blocks.get(record.recipient) ?? blocks.get(record.originalRecipient) ?? "";
    if (record.command === "") record.command = findCommand(block);
    if (record.diagnostic === "" && block !== "") record.diagnostic = block;
    if (/^[245]\d\d-/.test(record.diagnostic)) {
      const whole = multilineReply(notice, record.replycode);
      if (whole.length > record.diagnostic.length)
        record.diagnostic = whole.slice(0, LIMITS.maxDiagnosticChars);
    }
  }
  return records;
}

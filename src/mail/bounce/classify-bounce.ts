import { classifyRecord } from "./classify/classify-record.ts";
import { isHardBounce } from "./classify/hardness.ts";
import { type BounceReading, readMessage } from "./extract/read-bounce.ts";
import { LIMITS } from "./mime/limits.ts";
import { splitMailbox } from "./mime/mailbox.ts";
import type { BounceReport, BounceResult } from "./types.ts";

/** Bytes of an mbox file read in total; each message in it is then held to LIMITS.maxInputBytes. */
const MAX_MAILBOX_BYTES = 64 * 1024 * 1024;

function toReport(reading: BounceReading): BounceReport {
  const results: BounceResult[] = reading.records.map((record) => {
    const host = `${record.remoteMta} ${record.reportingMta} ${record.recipient.slice(record.recipient.lastIndexOf("@") + 1)}`;
    const { reason, rule, status } = classifyRecord(record, host);
    const quiet = reason === "vacation" || reason === "feedback" || reason === "delivered";
    return {
      recipient: record.recipient,
      originalRecipient: record.originalRecipient,
      action: record.action,
      status: reason === "vacation" || reason === "feedback" ? "" : status,
      replycode: record.replycode,
      diagnostic: record.diagnostic,
      reason,
      hard: !quiet && isHardBounce(reason, status, record.replycode),
      rule,
      originalMessageId: reading.original.messageId,
      remoteMta: record.remoteMta,
      command: record.command,
      lastAttemptDate: record.lastAttemptDate,
      feedbackType: record.feedbackType,
    };
  });
  return {
    kind: reading.kind,
    format: reading.format,
    results,
    original: reading.original,
    subject: reading.subject,
  };
}

/**
 * Reads and classifies one bounce message: a DSN (RFC 3464, also non-standard server formats), a complaint
 * (RFC 5965), an auto-reply (RFC 3834) or a success notice. Always returns at least one result; a message that is
 * none of these gives one result with reason `undefined`. Work is bounded by fixed limits on size, parts and depth.
 */
export function classifyBounce(raw: Buffer): BounceReport {
  const text = raw.subarray(0, LIMITS.maxInputBytes).toString("latin1").replace(/\r\n?/g, "\n");
  return toReport(readMessage(text));
}

/**
 * Like {@link classifyBounce} for a file that may hold several messages in mbox form (`From ` envelope lines):
 * one report per message, in file order.
 */
export function classifyMailbox(raw: Buffer): BounceReport[] {
  const text = raw.subarray(0, MAX_MAILBOX_BYTES).toString("latin1").replace(/\r\n?/g, "\n");
  return splitMailbox(text).map((message) => toReport(readMessage(message.slice(0, LIMITS.maxInputBytes))));
}

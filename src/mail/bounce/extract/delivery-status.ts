import { parseHeaderBlock } from "../mime/headers.ts";
import { LIMITS } from "../mime/limits.ts";
import type { BounceAction } from "../types.ts";
import { type BounceRecord, emptyRecord } from "./bounce-record.ts";
import { cleanAddress, findCommand, findReplyCode, findStatus, squash } from "./smtp-text.ts";

const ACTIONS: Readonly<Record<string, BounceAction>> = {
  failed: "failed",
  failure: "failed",
  delayed: "delayed",
  delivered: "delivered",
  deliverable: "delivered",
  relayed: "relayed",
  expanded: "expanded",
  expired: "failed",
};

/** The value after the `type;` prefix of a DSN field (`dns; mx.example.org` gives `mx.example.org`). */
function typedValue(value: string): { type: string; text: string } {
  const m = /^\s*([A-Za-z0-9-]{1,20})\s*;\s*([\s\S]*)$/.exec(value);
  return m === null
    ? { type: "", text: value.trim() }
    : { type: (m[1] ?? "").toLowerCase(), text: (m[2] ?? "").trim() };
}

/** The host name in an MTA field (`dns; mx.example.org. (192.0.2.1)` gives `mx.example.org`). */
function hostName(value: string): string {
  return (typedValue(value).text.split(/\s/)[0] ?? "").replace(/^\[|[\].]+$/g, "").toLowerCase();
}

/**
 * Reads the per-recipient groups of an RFC 3464 `message/delivery-status` body (also its RFC 6533 global form).
 * Groups are separated by blank lines; a Final-Recipient that repeats inside a group starts a new one, since some
 * servers forget the blank line.
 */
export function parseDeliveryStatus(body: string): BounceRecord[] {
  const records: BounceRecord[] = [];
  const fields = parseHeaderBlock(body.replace(/\n[ \t]*\n/g, "\n\u0000: \n"), LIMITS.maxResults * 12);
  let current: BounceRecord | null = null;
  let reportingMta = "";
  let hasFinal = false;
  const finish = (): void => {
    if (current !== null && current.recipient !== "" && records.length < LIMITS.maxResults)
      records.push(current);
    current = null;
    hasFinal = false;
  };
  for (const { name, value } of fields) {
    if (name === "\u0000") {
      finish();
      continue;
    }
    const repeats =
      name === "final-recipient"
        ? hasFinal
        : name === "original-recipient" && current !== null && current.originalRecipient !== "";
    if (repeats) finish();
    const record: BounceRecord = current ?? emptyRecord();
    current = record;
    switch (name) {
      case "final-recipient":
      case "x-actual-recipient":
        if (name === "final-recipient" || record.recipient === "") record.recipient = cleanAddress(value);
        if (name === "final-recipient") hasFinal = true;
        break;
      case "original-recipient":
        record.originalRecipient = cleanAddress(value);
        if (record.recipient === "") record.recipient = record.originalRecipient;
        break;
      case "action":
        record.action = ACTIONS[value.trim().toLowerCase().split(/[\s(]/)[0] ?? ""] ?? "";
        break;
      case "status":
        record.status = findStatus(value);
        break;
      case "diagnostic-code": {
        const { type, text } = typedValue(value);
        record.diagnosticType = type;
        record.diagnostic = squash(text).slice(0, LIMITS.maxDiagnosticChars);
        record.replycode = findReplyCode(record.diagnostic);
        record.command = findCommand(record.diagnostic);
        break;
      }
      case "reporting-mta":
        reportingMta = hostName(value);
        break;
      case "remote-mta":
        record.remoteMta = (typedValue(value).text.split(/\s/)[0] ?? "")
          .replace(/^\[|[\].]+$/g, "")
          .toLowerCase();
        break;
      case "last-attempt-date":
        record.lastAttemptDate = value.trim();
        break;
      default:
        break;
    }
  }
  finish();
  for (const record of records) {
    record.reportingMta = reportingMta;
    if (record.originalRecipient === record.recipient) record.originalRecipient = "";
    if (record.status === "" && record.diagnostic !== "") record.status = findStatus(record.diagnostic);
  }
  return records;
}

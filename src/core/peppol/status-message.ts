import type { PeppolResponseIssue, PeppolResponseKind, ResponseStatus } from "./peppol-response.ts";

/** A Peppol status message received (MLS, MLR or Invoice Response), as the status rules see it. */
export interface StatusMessage {
  /** The ebMS MessageId of the message that carried it: unique per received message. */
  readonly messageId: string;
  readonly kind: PeppolResponseKind;
  readonly responseId: string;
  readonly status: ResponseStatus;
  readonly responseCode: string;
  readonly description: string | undefined;
  readonly receivedAt: Date;
  /** The response's own IssueDate (YYYY-MM-DD) and IssueTime (`hh:mm:ss[.f][Z|±hh:mm]`) as written. */
  readonly issueDate?: string;
  readonly issueTime?: string;
  /** MLS/MLR line issues, Invoice Response status reasons. */
  readonly issues?: readonly PeppolResponseIssue[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * When the sender says it issued the response, in epoch milliseconds: IssueDate and IssueTime with its offset. A time
 * without an offset is taken as UTC and a missing time as the start of the day (BIS T111 makes IssueTime optional);
 * undefined when the date is missing or malformed.
 */
export function issuedInstant(message: Pick<StatusMessage, "issueDate" | "issueTime">): number | undefined {
  const date = DATE.exec(message.issueDate ?? "");
  if (date === null) return undefined;
  const time = TIME.exec(message.issueTime ?? "00:00:00");
  if (time === null) return undefined;
  const [, y, mo, d] = date.map(Number) as [number, number, number, number];
  const [, h, mi, s] = time.map(Number) as [number, number, number, number];
  const fraction = Math.round(Number(time[4] ?? "0") * 1000);
  const zone = time[5] ?? "Z";
  const offsetMinutes =
    zone === "Z"
      ? 0
      : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  const at = Date.UTC(y, mo - 1, d, h, mi, s, fraction) - offsetMinutes * 60_000;
  return Number.isNaN(at) ? undefined : at;
}

/**
 * Orders status messages as their senders issued them: by issue instant (the receipt instant stands in when a message
 * has no readable issue date), then by receipt, then by MessageId, so that the order is total and stable.
 */
export function compareStatusMessages(a: StatusMessage, b: StatusMessage): number {
  const issued = (m: StatusMessage) => issuedInstant(m) ?? m.receivedAt.getTime();
  return (
    issued(a) - issued(b) ||
    a.receivedAt.getTime() - b.receivedAt.getTime() ||
    (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0)
  );
}

/** The last of `messages` in issue order, or undefined when there is none. */
export function latestStatusMessage<T extends StatusMessage>(messages: readonly T[]): T | undefined {
  return messages.reduce<T | undefined>(
    (latest, m) => (latest === undefined || compareStatusMessages(m, latest) > 0 ? m : latest),
    undefined,
  );
}

/** The issue date and time as written, for people: `2025-03-11 12:00:00Z`, or "" when absent. */
export function issuedText(message: Pick<StatusMessage, "issueDate" | "issueTime">): string {
  return [message.issueDate, message.issueTime].filter((part) => part !== undefined).join(" ");
}

import type { ResponseStatus } from "./peppol-response.ts";
import { issuedText, latestStatusMessage, type StatusMessage } from "./status-message.ts";

/** Where the buyer stands on an invoice: what its latest Invoice Response (BIS T111) said. */
export interface BuyerStatus {
  readonly status: ResponseStatus;
  readonly responseCode: string;
  readonly responseId: string;
  /** The ebMS MessageId that carried the response. */
  readonly messageId: string;
  /** The response's issue date and time as written. */
  readonly issued: string;
  readonly receivedAt: Date;
  readonly description: string | undefined;
}

/** Statuses that answer a query: the buyer has decided about the invoice. */
const ANSWERS: readonly ResponseStatus[] = ["accepted", "paid", "rejected", "conditionally-accepted"];

function asBuyerStatus(m: StatusMessage): BuyerStatus {
  return {
    status: m.status,
    responseCode: m.responseCode,
    responseId: m.responseId,
    messageId: m.messageId,
    issued: issuedText(m),
    receivedAt: m.receivedAt,
    description: m.description,
  };
}

/**
 * The buyer's status of an invoice: the latest of its Invoice Responses by the buyer's issue date and time (then by
 * receipt), so that a response that arrives late never overrides a newer one. MLS and MLR speak of the message, not
 * of the invoice, and do not count. Null when the buyer has said nothing.
 */
export function buyerStatusOf(messages: readonly StatusMessage[]): BuyerStatus | null {
  const latest = latestStatusMessage(messages.filter((m) => m.kind === "invoice-response"));
  return latest === undefined ? null : asBuyerStatus(latest);
}

/**
 * Whether a received response opens a customer query on its invoice: an Invoice Response "under query" (UQ) that is
 * the invoice's latest (an older UQ arriving after the buyer already answered opens nothing), while no query on the
 * invoice is open (one dispute at a time: a further UQ is kept as evidence on the open one). `invoiceMessages` holds
 * every response of the invoice, the received one included.
 */
export function opensQuery(
  received: StatusMessage,
  invoiceMessages: readonly StatusMessage[],
  openQueries: number,
): boolean {
  if (received.kind !== "invoice-response" || received.status !== "under-query" || openQueries > 0)
    return false;
  const latest = latestStatusMessage(invoiceMessages.filter((m) => m.kind === "invoice-response"));
  return latest?.messageId === received.messageId;
}

/**
 * What the buyer answered since a query was opened: its current status when that is a decision (accepted, paid,
 * rejected, conditionally accepted) received after the opening, else null. Shown beside the query so that a person
 * settles it knowingly; it never settles the query by itself.
 */
export function answerSinceQuery(
  query: { readonly openedAt: Date },
  invoiceMessages: readonly StatusMessage[],
): BuyerStatus | null {
  const current = buyerStatusOf(invoiceMessages);
  if (current === null || !ANSWERS.includes(current.status)) return null;
  return current.receivedAt >= query.openedAt ? current : null;
}

/** A status in words: `under query`, `conditionally accepted`. */
export function statusWords(status: ResponseStatus): string {
  return status.replaceAll("-", " ");
}

import type { Delivery } from "./delivery.ts";
import { DELIVERY_STATES, type DeliveryState } from "./delivery-state.ts";

/**
 * What an invoice's deliveries add up to, judged on its main messages only (copies are duplicates: a failed copy
 * does not make the invoice unsent, an accepted copy does not make it sent). An e-mail courtesy copy of a Peppol
 * invoice counts with the copies: it is not the legal invoice, so only the Peppol delivery says whether it was sent.
 * - `unsent`: no main message was ever created.
 * - `in-progress`: a main message is still queued or deferred.
 * - `needs-attention`: a main message is parked after repeated crashes.
 * - `sent`: every main message of the latest round was accepted by the relay (and did not bounce since).
 * - `partially-sent`: the latest round is finished, some main messages accepted, some failed, expired or bounced.
 * - `failed`: the latest round is finished and no main message was accepted (or every accepted one bounced).
 */
export type InvoiceDeliveryStatus =
  | "unsent"
  | "in-progress"
  | "needs-attention"
  | "sent"
  | "partially-sent"
  | "failed";

/** The summary of an invoice's deliveries. */
export interface InvoiceDeliverySummary {
  readonly status: InvoiceDeliveryStatus;
  /** The latest round (0 when unsent). */
  readonly round: number;
  /** Main messages of the latest round by state. */
  readonly main: Readonly<Record<DeliveryState, number>>;
  /** Copies of the latest round by state. */
  readonly copies: Readonly<Record<DeliveryState, number>>;
  /** When the relay first accepted a main message, any round: the moment the invoice counts as sent. */
  readonly firstAcceptedAt: Date | null;
  /**
   * Whether at least one main recipient has the invoice, as far as facteur can know: `confirmed` when a main message
   * was reported delivered to a mailbox, `likely` when one was accepted by the relay and has not bounced, `no` when
   * none is in either state (unsent, still in progress, or every main message failed, expired or bounced).
   */
  readonly mainRecipientHasIt: "confirmed" | "likely" | "no";
}

function emptyCounts(): Record<DeliveryState, number> {
  return Object.fromEntries(DELIVERY_STATES.map((s) => [s, 0])) as Record<DeliveryState, number>;
}

/** Derives the summary from the invoice's deliveries (all rounds); nothing about it is stored. */
export function summarizeDeliveries(deliveries: readonly Delivery[]): InvoiceDeliverySummary {
  const round = deliveries.reduce((max, d) => Math.max(max, d.round), 0);
  const main = emptyCounts();
  const copies = emptyCounts();
  let firstAcceptedAt: Date | null = null;
  let mainRecipientHasIt: InvoiceDeliverySummary["mainRecipientHasIt"] = "no";
  for (const d of deliveries) {
    const isMain = d.role === "main" && d.courtesyCopy !== true;
    if (isMain && d.state === "delivered") mainRecipientHasIt = "confirmed";
    else if (isMain && d.state === "accepted" && mainRecipientHasIt === "no") mainRecipientHasIt = "likely";
    const at = isMain ? d.acceptedAt : null;
    if (at !== null && (firstAcceptedAt === null || at < firstAcceptedAt)) firstAcceptedAt = at;
    if (d.round !== round) continue;
    (isMain ? main : copies)[d.state]++;
  }
  return { status: statusOf(main), round, main, copies, firstAcceptedAt, mainRecipientHasIt };
}

function statusOf(main: Readonly<Record<DeliveryState, number>>): InvoiceDeliveryStatus {
  const total = Object.values(main).reduce((a, b) => a + b, 0);
  if (total === 0) return "unsent";
  if (main.parked > 0) return "needs-attention";
  if (main.queued + main.deferred > 0) return "in-progress";
  const reached = main.accepted + main.delivered;
  if (reached === total) return "sent";
  return reached > 0 ? "partially-sent" : "failed";
}

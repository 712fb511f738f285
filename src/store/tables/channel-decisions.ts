import type { IntegerColumn } from "./integer-column.ts";

/** Row of `channel_decisions` (append-only): how an invoice had to travel, decided at one moment, and why. */
export interface ChannelDecisionsTable {
  /** uuid. */
  id: string;
  /** `invoices.id`. */
  invoice_id: string;
  invoice_number: string;
  /** `customers.number`. */
  customer_number: string;
  /** ISO-8601 UTC instant. */
  decided_at: string;
  /** Who asked: `cli:alice`, `worker:…`. */
  actor: string;
  /** `send` or `hold`. */
  outcome: string;
  /** With `send`: `email`, `peppol` or `paper`. */
  channel: string | null;
  /** With `hold`: why (`not-on-peppol`, `lookup-unavailable`, …). */
  hold_reason: string | null;
  /** The legal scope (`be-b2b-mandate`, `buyer-foreign`, …). */
  scope: string;
  /** 1 when the law requires Peppol for this invoice. */
  peppol_required: IntegerColumn;
  /** 1 when an e-mail copy, marked as not the legal invoice, goes along with the Peppol invoice. */
  courtesy_copy: IntegerColumn;
  /** The decision in a sentence, for people. */
  explanation: string;
  /** The Peppol participant id looked up, if any. */
  participant: string | null;
  /** JSON: what the Peppol lookup answered (kind, ids tried, endpoint, certificate, reason), if one was made. */
  lookup: string | null;
}

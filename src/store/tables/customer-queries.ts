/** Row of `customer_queries`: a query on an invoice, opened once and settled at most once (0013). */
export interface CustomerQueriesTable {
  /** `Q-` and a sequence number. */
  id: string;
  invoice_id: string;
  invoice_number: string;
  customer_number: string;
  /** ISO-8601 UTC instant. */
  opened_at: string;
  /** Who opened it: `cli:<login>`, or `peppol:<participant>` for an Invoice Response. */
  opened_by: string;
  /** `peppol-invoice-response` or `manual`. */
  source: string;
  /** `peppol_responses.message_id` of the response that opened it (unique); null when opened by hand. */
  response_message_id: string | null;
  reason: string;
  settled_at: string | null;
  settled_by: string | null;
  settlement_note: string | null;
}

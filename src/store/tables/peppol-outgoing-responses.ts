import type { IntegerColumn } from "./integer-column.ts";

/** Row of `peppol_received_invoices`: what an Invoice Response needs of a received invoice. */
export interface PeppolReceivedInvoicesTable {
  /** `peppol_inbox.message_id`. */
  message_id: string;
  invoice_number: string;
  issue_date: string;
  type_code: string;
  seller: string;
  seller_name: string;
  buyer: string;
  buyer_name: string;
}

/** Row of `peppol_outgoing_responses`: an MLS or Invoice Response facteur sends. */
export interface PeppolOutgoingResponsesTable {
  id: string;
  key: string;
  inbox_message_id: string;
  /** `mls` or `invoice-response`. */
  kind: string;
  response_code: string;
  status: string;
  /** JSON array of the reasons sent. */
  reasons: string;
  note: string | null;
  sender: string;
  receiver: string;
  document_type: string;
  process: string;
  message_id: string;
  payload_sha256: string;
  /** queued, deferred, delivered, failed, undeliverable, expired. */
  state: string;
  attempts: IntegerColumn;
  first_attempt_at: string | null;
  /** JSON: the archived AS4 request and the endpoint it was built for. */
  request: string | null;
  receipt_sha256: string | null;
  /** JSON: what the last attempt came to. */
  outcome: string | null;
  created_at: string;
  updated_at: string;
}

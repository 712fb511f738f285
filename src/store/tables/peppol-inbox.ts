/** Row of `peppol_inbox`: a Peppol user message the AS4 receiver accepted. */
export interface PeppolInboxTable {
  /** ebMS MessageId. */
  message_id: string;
  /** SBDH InstanceIdentifier (unique). */
  instance_id: string;
  sender: string;
  receiver: string;
  document_type: string;
  process: string;
  /** The sending access point's seat id. */
  sender_access_point: string;
  /** `invoice`, `credit-note`, `status-response` or `other`. */
  kind: string;
  /** SHA-256 of the SBDH document in the message archive. */
  document_sha256: string;
  /** SHA-256 of the signed receipt answered, in the message archive. */
  receipt_sha256: string;
  /** ISO-8601 UTC instant. */
  received_at: string;
  /** `valid`, `invalid` or `not-validated`. */
  validation_status: string;
  /** JSON: counts of fatal findings and warnings, and the first fatal findings. */
  validation: string;
  /** SHA-256 of the AS4 request (HTTP body) as it arrived, in the message archive (0015; null before). */
  request_sha256: string | null;
  /** Its Content-Type header (0015; null before). */
  request_content_type: string | null;
}

/** Row of `peppol_responses`: a status message received (MLS, MLR, Invoice Response). */
export interface PeppolResponsesTable {
  /** `peppol_inbox.message_id` of the message that carried it. */
  message_id: string;
  /** `mls`, `mlr` or `invoice-response`. */
  kind: string;
  response_id: string;
  /** acknowledged, in-process, under-query, conditionally-accepted, rejected, accepted, paid. */
  status: string;
  response_code: string;
  /** MLS/MLR: the SBDH instance id answered; Invoice Response: the invoice number. */
  reference: string;
  description: string | null;
  received_at: string;
  /** The invoice it answers, when matched (0013): an MLS/MLR by our delivery id, a T111 by number and sender. */
  invoice_id: string | null;
  /** The Peppol delivery it answers, when matched (0013). */
  delivery_id: string | null;
  /** The response's own IssueDate (YYYY-MM-DD) and IssueTime as written (0013; null on older rows). */
  issue_date: string | null;
  issue_time: string | null;
  /** JSON array of the response's issues (line responses, status reasons) (0013; null on older rows). */
  issues: string | null;
}

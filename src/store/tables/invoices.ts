import type { IntegerColumn } from "./integer-column.ts";

/** Row of `invoices`: one invoice or credit note with its frozen content. */
export interface InvoicesTable {
  /** uuid, stored as text. */
  id: string;
  /** BT-1; null only for drafts. */
  number: string | null;
  /** `invoice` or `credit-note`. */
  kind: string;
  /** `draft` or `issued`. */
  status: string;
  customer_number: string;
  /** YYYY-MM-DD. */
  issue_date: string;
  due_date: string | null;
  currency: string;
  line_count: IntegerColumn;
  /** BT-109 in hundredths. */
  tax_exclusive_minor: IntegerColumn;
  /** BT-110 in hundredths. */
  tax_minor: IntegerColumn;
  /** BT-115 in hundredths. */
  payable_minor: IntegerColumn;
  /** 12 digits. */
  structured_communication: string | null;
  /** The InvoiceContent as JSON, decimals as strings (see invoice-content-codec.ts). */
  content: string;
  /** SHA-256 of `content`: a re-import compares it to know whether anything changed. */
  content_sha256: string;
  /** Where the invoice came from: `import:<file>`, `cli`, `api`. */
  source: string;
  /** ISO-8601 UTC instant. */
  created_at: string;
  issued_at: string | null;
}

/** Row of `sequences`: named counters (invoice numbers, OGM bases). */
export interface SequencesTable {
  name: string;
  value: IntegerColumn;
}

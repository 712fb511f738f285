import type { IntegerColumn } from "./integer-column.ts";

/** Row of `invoice_documents`: one rendered document of an issued invoice, its bytes in the archive by hash. */
export interface InvoiceDocumentsTable {
  /** `invoices.id`. */
  invoice_id: string;
  /** `ubl` or `pdf`. */
  kind: string;
  /** SHA-256 of the bytes, lower-case hex: their address in the archive. */
  sha256: string;
  /** Size of the bytes. */
  size: IntegerColumn;
  /** ISO-8601 UTC instant. */
  created_at: string;
}

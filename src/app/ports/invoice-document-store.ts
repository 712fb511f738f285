/** The two documents of record of an issued invoice. */
export type InvoiceDocumentKind = "ubl" | "pdf";

/** Every kind, in the order they are listed. */
export const INVOICE_DOCUMENT_KINDS: readonly InvoiceDocumentKind[] = ["ubl", "pdf"];

/** One rendered document of an invoice: its bytes are in the archive under `sha256`. */
export interface StoredInvoiceDocument {
  /** The invoice's internal id. */
  readonly invoiceId: string;
  readonly kind: InvoiceDocumentKind;
  /** SHA-256 of the bytes, lower-case hex. */
  readonly sha256: string;
  readonly size: number;
  readonly createdAt: Date;
}

/** Reads which documents an invoice has. */
export interface InvoiceDocumentReader {
  /** The invoice's stored documents, UBL first; empty when none was rendered yet. */
  invoiceDocuments(invoiceId: string): Promise<readonly StoredInvoiceDocument[]>;
}

/** Records documents inside the caller's transaction. */
export interface InvoiceDocumentWriter extends InvoiceDocumentReader {
  /**
   * Records documents; one the invoice already has (same invoice and kind) is left as it was, so the first documents
   * stored stay the invoice's. Returns how many were recorded.
   */
  saveInvoiceDocuments(documents: readonly StoredInvoiceDocument[]): Promise<number>;
}

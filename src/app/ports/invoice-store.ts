import type { InvoiceRecord, InvoiceStatus } from "../../core/invoice/invoice-record.ts";
import type { MinorUnits } from "../../core/money/minor-units.ts";

/** The amounts kept beside an invoice for lists and reports, in hundredths. */
export interface InvoiceFigures {
  readonly lineCount: number;
  readonly taxExclusive: MinorUnits;
  readonly tax: MinorUnits;
  readonly payable: MinorUnits;
}

/** An invoice as listed: identity, dates, figures. */
export interface InvoiceSummary extends InvoiceFigures {
  readonly id: string;
  readonly number: string | null;
  readonly kind: "invoice" | "credit-note";
  readonly status: InvoiceStatus;
  readonly customerNumber: string;
  readonly issueDate: string;
  readonly dueDate: string | null;
  readonly currency: string;
  readonly structuredCommunication: string | null;
  readonly source: string;
}

/** Which invoices to list, a page at a time in number order. */
export interface InvoiceQuery {
  readonly customerNumber?: string;
  readonly kind?: "invoice" | "credit-note";
  /** Issue date from (inclusive), YYYY-MM-DD. */
  readonly from?: string;
  /** Issue date to (inclusive), YYYY-MM-DD. */
  readonly to?: string;
  /** Continue after this invoice number: the `next` of the previous page. */
  readonly after?: string;
  /** 1 to 1000; 100 when absent. */
  readonly limit?: number;
}

/** One page of invoices; `next` is null on the last page. */
export interface InvoicePage {
  readonly invoices: readonly InvoiceSummary[];
  readonly next: string | null;
}

/** An invoice to save, with where it came from. */
export interface InvoiceToSave {
  readonly record: InvoiceRecord;
  readonly figures: InvoiceFigures;
  /** `import:<file>`, `cli`, `api`. */
  readonly source: string;
}

/**
 * What saving did: created; unchanged (the same number with the same content was saved before, so a re-import is a
 * no-op); or refused because that number already holds different content (an issued invoice is never rewritten).
 */
export type InvoiceSaveOutcome =
  | { readonly kind: "created" }
  | { readonly kind: "unchanged" }
  | { readonly kind: "conflict"; readonly message: string };

/** Reads invoices. */
export interface InvoiceReader {
  /** The invoice with this number (BT-1), or null. */
  getInvoice(number: string): Promise<InvoiceRecord | null>;
  listInvoices(query: InvoiceQuery): Promise<InvoicePage>;
}

/** Writes invoices inside the caller's transaction. */
export interface InvoiceWriter extends InvoiceReader {
  /** Saves many invoices at once (imports batch them), returning one outcome per invoice, in order. */
  saveInvoices(invoices: readonly InvoiceToSave[], at: Date): Promise<InvoiceSaveOutcome[]>;
  /**
   * Reserves `count` consecutive values of a named counter (1, 2, ...) and returns the first; no value is ever handed
   * out twice, even across processes.
   */
  reserveSequence(name: string, count: number): Promise<bigint>;
}

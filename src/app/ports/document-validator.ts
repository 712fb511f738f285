import type { InvoiceDocument } from "../../core/invoice/invoice.ts";

/** One business-rule violation: the official rule id, its severity, where, and the official text. */
export interface DocumentFinding {
  readonly rule: string;
  readonly severity: "fatal" | "warning";
  readonly location: string;
  readonly message: string;
}

/** Checks a document against EN 16931 and Peppol BIS Billing 3.0. Implemented in src/documents/validation. */
export interface DocumentValidator {
  validate(document: InvoiceDocument): readonly DocumentFinding[];
}

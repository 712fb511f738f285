import { err, ok, type Result } from "../result.ts";
import type { InvoiceContent } from "./invoice-content.ts";

/** Lifecycle owned by the invoice itself; delivery and payment states live in their own logs and are derived. */
export type InvoiceStatus = "draft" | "issued";

/** An invoice as facteur keeps it: its content plus identity and lifecycle. */
export interface InvoiceRecord {
  /** Stable internal id (uuid). */
  readonly id: string;
  readonly customerNumber: string;
  /** BT-1; null while a draft. Unique across invoices and credit notes: the natural key for imports. */
  readonly number: string | null;
  readonly status: InvoiceStatus;
  readonly content: InvoiceContent;
  /** Belgian structured communication (12 digits), assigned at issue. */
  readonly structuredCommunication: string | null;
  /** ISO-8601 instant of issue. */
  readonly issuedAt: string | null;
}

/** Why a lifecycle operation was refused. */
export interface InvoiceLifecycleError {
  readonly code: "invoice-already-issued" | "invoice-not-issued";
  readonly message: string;
}

/** Replaces the content of a draft. An issued invoice is frozen: it is corrected by a credit note, never edited. */
export function editDraft(
  invoice: InvoiceRecord,
  content: InvoiceContent,
): Result<InvoiceRecord, InvoiceLifecycleError> {
  if (invoice.status !== "draft") {
    return err({
      code: "invoice-already-issued",
      message: `invoice ${invoice.number} is issued and cannot be edited; issue a credit note instead`,
    });
  }
  return ok({ ...invoice, content });
}

/** Issues a draft: gives it its number and structured communication and freezes it. */
export function issueInvoice(
  invoice: InvoiceRecord,
  issue: { number: string; structuredCommunication: string; at: string },
): Result<InvoiceRecord, InvoiceLifecycleError> {
  if (invoice.status !== "draft") {
    return err({ code: "invoice-already-issued", message: `invoice ${invoice.number} is already issued` });
  }
  return ok({
    ...invoice,
    status: "issued",
    number: issue.number,
    structuredCommunication: issue.structuredCommunication,
    issuedAt: issue.at,
  });
}

import type { Selectable } from "kysely";
import type { InvoiceSummary, InvoiceToSave } from "../../app/ports/invoice-store.ts";
import type { InvoiceRecord } from "../../core/invoice/invoice-record.ts";
import { fromDbCode, fromDbInstant, toDbInstant, toSafeNumber } from "../db-values.ts";
import type { InvoicesTable } from "../tables/invoices.ts";
import type { InvoiceRow } from "./insert-invoice-rows.ts";
import { decodeInvoiceContent, storedContentOf } from "./invoice-content-codec.ts";

const KINDS = ["invoice", "credit-note"] as const;
const STATUSES = ["draft", "issued"] as const;

/** The row of an invoice to save; `content_sha256` is what a re-import compares. */
export function invoiceToRow(item: InvoiceToSave, at: Date): InvoiceRow {
  const { record, figures } = item;
  const content = storedContentOf(record.content);
  return {
    id: record.id,
    number: record.number,
    kind: record.content.kind,
    status: record.status,
    customer_number: record.customerNumber,
    issue_date: record.content.issueDate,
    due_date: record.content.dueDate ?? null,
    currency: record.content.currency,
    line_count: figures.lineCount,
    tax_exclusive_minor: figures.taxExclusive,
    tax_minor: figures.tax,
    payable_minor: figures.payable,
    structured_communication: record.structuredCommunication,
    content: content.text,
    content_sha256: content.sha256,
    source: item.source,
    created_at: toDbInstant(at),
    issued_at: record.issuedAt,
  };
}

/** The full invoice from its row. */
export function invoiceFromRow(row: Selectable<InvoicesTable>): InvoiceRecord {
  return {
    id: row.id,
    customerNumber: row.customer_number,
    number: row.number,
    status: fromDbCode(row.status, STATUSES, "invoices.status"),
    content: decodeInvoiceContent(row.content),
    structuredCommunication: row.structured_communication,
    issuedAt:
      row.issued_at === null ? null : fromDbInstant(row.issued_at, "invoices.issued_at").toISOString(),
  };
}

/** The list view of an invoice from its row, without decoding the content. */
export function invoiceSummaryFromRow(row: Selectable<InvoicesTable>): InvoiceSummary {
  return {
    id: row.id,
    number: row.number,
    kind: fromDbCode(row.kind, KINDS, "invoices.kind"),
    status: fromDbCode(row.status, STATUSES, "invoices.status"),
    customerNumber: row.customer_number,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    currency: row.currency,
    structuredCommunication: row.structured_communication,
    source: row.source,
    lineCount: toSafeNumber(row.line_count, "invoices.line_count"),
    taxExclusive: row.tax_exclusive_minor,
    tax: row.tax_minor,
    payable: row.payable_minor,
  };
}

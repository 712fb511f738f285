import type { EncodedAuditBatch } from "../../core/audit/audit-hash.ts";
import type { Customer } from "../../core/customer/customer.ts";
import type { AuditChainReader, AuditHistoryReader } from "./audit-log.ts";
import type { CustomerReader, CustomerUnitOfWork } from "./customer-store.ts";
import type { InvoiceDocumentReader, InvoiceDocumentWriter } from "./invoice-document-store.ts";
import type { StagedConflict, StagedInvoices } from "./invoice-stage.ts";
import type { InvoiceReader, InvoiceWriter } from "./invoice-store.ts";

/** Everything one transaction can read and write; audit entries appended through it commit with the changes. */
export interface UnitOfWork extends CustomerUnitOfWork, InvoiceWriter {
  /** Those of `numbers` that are known customers, by number (one query for a whole import batch). */
  customersByNumber(numbers: readonly string[]): Promise<ReadonlyMap<string, Customer>>;
  /** The documents of record an invoice has (UBL, PDF). */
  invoiceDocuments: InvoiceDocumentWriter["invoiceDocuments"];
  /** Records an invoice's documents; an (invoice, kind) already there keeps its first documents. */
  saveInvoiceDocuments: InvoiceDocumentWriter["saveInvoiceDocuments"];
  /**
   * Saves an import's staged invoices like {@link InvoiceWriter.saveInvoices}: by index in the batch, those left
   * unchanged (same number, same content) and those refused (same number, other content); the others were created.
   */
  saveStagedInvoices(
    invoices: StagedInvoices,
  ): Promise<{ readonly unchanged: readonly number[]; readonly conflicts: readonly StagedConflict[] }>;
  /** Appends an import's audit records, already encoded, in order, after the head of the chain. */
  appendAuditBatch(batch: EncodedAuditBatch): Promise<void>;
}

/** The whole registry: reads outside transactions, writes through {@link Store.transaction}. */
export interface Store extends CustomerReader, InvoiceReader, AuditChainReader, AuditHistoryReader {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (unit: UnitOfWork) => Promise<T>): Promise<T>;
  /** The documents of record an invoice has (UBL, PDF). */
  invoiceDocuments: InvoiceDocumentReader["invoiceDocuments"];
}

import type { AuditChainReader, AuditHistoryReader } from "./audit-log.ts";
import type { CustomerReader, CustomerUnitOfWork } from "./customer-store.ts";
import type { InvoiceReader, InvoiceWriter } from "./invoice-store.ts";

/** Everything one transaction can read and write; audit entries appended through it commit with the changes. */
export interface UnitOfWork extends CustomerUnitOfWork, InvoiceWriter {
  /** The payment terms in days of those of `numbers` that are known customers (one query for a whole import batch). */
  customerTerms(numbers: readonly string[]): Promise<ReadonlyMap<string, number>>;
}

/** The whole registry: reads outside transactions, writes through {@link Store.transaction}. */
export interface Store extends CustomerReader, InvoiceReader, AuditChainReader, AuditHistoryReader {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (unit: UnitOfWork) => Promise<T>): Promise<T>;
}

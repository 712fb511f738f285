import type { BuyerStatus } from "../../core/peppol/buyer-status.ts";
import type { CustomerQuery, QuerySettlement } from "../../core/queries/customer-query.ts";
import type { AuditAppender } from "./audit-log.ts";
import type { InvoiceReader } from "./invoice-store.ts";
import type { ReceivedPeppolResponse } from "./peppol-inbox.ts";

/** A received status message with what it was matched to (null: it matched nothing and only sits in the inbox). */
export interface LinkedStatusMessage extends ReceivedPeppolResponse {
  /** The SBDH sender of the message that carried it (`ICD:value`). */
  readonly sender: string;
  readonly invoiceId: string | null;
  readonly deliveryId: string | null;
}

/** Reads the status messages received for invoices and what they say. */
export interface StatusMessageReader {
  /** The status messages matched to an invoice (its Invoice Responses, its Peppol deliveries' MLS/MLR), oldest first. */
  statusMessagesOfInvoice(invoiceId: string): Promise<LinkedStatusMessage[]>;
  /** The buyer status of each of these invoices that has one, by invoice id. */
  buyerStatuses(invoiceIds: readonly string[]): Promise<ReadonlyMap<string, BuyerStatus>>;
  /** The status messages that matched no invoice or delivery, newest first; `before` is the previous page's cursor. */
  unmatchedStatusMessages(query: { readonly limit: number; readonly before?: string }): Promise<{
    readonly messages: LinkedStatusMessage[];
    readonly next: string | null;
  }>;
}

/** Lists queries in opening order; `after` is the previous page's cursor. */
export interface CustomerQueryFilter {
  readonly open?: boolean;
  readonly invoiceId?: string;
  readonly limit: number;
  readonly after?: string;
}

/** Reads customer queries. */
export interface CustomerQueryReader {
  getQuery(id: string): Promise<CustomerQuery | null>;
  listQueries(filter: CustomerQueryFilter): Promise<{
    readonly queries: CustomerQuery[];
    readonly next: string | null;
  }>;
}

/** What opening or settling a query reads and writes in one transaction, with its audit entries. */
export interface CustomerQueryUnitOfWork extends CustomerQueryReader, Pick<InvoiceReader, "getInvoice"> {
  /** Holds the invoice until the transaction ends: openings of queries on one invoice take turns. */
  lockInvoice(invoiceId: string): Promise<void>;
  /** The next query id (`Q-000001`), from a sequence. */
  nextQueryId(): Promise<string>;
  insertQuery(query: CustomerQuery): Promise<void>;
  /** Writes the settlement once; throws AppError `conflict` when the query was settled meanwhile. */
  settleQuery(id: string, settlement: QuerySettlement): Promise<void>;
  readonly audit: AuditAppender;
}

/** Customer queries and the status messages behind them. */
export interface CustomerQueryStore extends CustomerQueryReader, StatusMessageReader {
  transaction<T>(work: (unit: CustomerQueryUnitOfWork) => Promise<T>): Promise<T>;
}

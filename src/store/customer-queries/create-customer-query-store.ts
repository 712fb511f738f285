import type { Kysely, Transaction } from "kysely";
import type { CustomerQueryStore, CustomerQueryUnitOfWork } from "../../app/ports/customer-queries.ts";
import { appendAudit } from "../audit/append-audit.ts";
import type { Database } from "../database.ts";
import { getInvoice } from "../invoices/invoice-repository.ts";
import { withTransaction } from "../with-transaction.ts";
import {
  getQuery,
  insertQuery,
  listQueries,
  lockInvoice,
  nextQueryId,
  settleQuery,
} from "./customer-query-repository.ts";
import { buyerStatuses, statusMessagesOfInvoice, unmatchedStatusMessages } from "./status-message-queries.ts";

function unitOfWork(trx: Transaction<Database>): CustomerQueryUnitOfWork {
  return {
    getInvoice: (number) => getInvoice(trx, number),
    getQuery: (id) => getQuery(trx, id),
    lockInvoice: (invoiceId) => lockInvoice(trx, invoiceId),
    listQueries: (filter) => listQueries(trx, filter),
    nextQueryId: () => nextQueryId(trx),
    insertQuery: (query) => insertQuery(trx, query),
    settleQuery: (id, settlement) => settleQuery(trx, id, settlement),
    audit: { append: (entries) => appendAudit(trx, entries) },
  };
}

/** Customer queries and the status messages received for invoices, over an open database. */
export function createCustomerQueryStore(db: Kysely<Database>): CustomerQueryStore {
  return {
    getQuery: (id) => getQuery(db, id),
    listQueries: (filter) => listQueries(db, filter),
    statusMessagesOfInvoice: (invoiceId) => statusMessagesOfInvoice(db, invoiceId),
    buyerStatuses: (invoiceIds) => buyerStatuses(db, invoiceIds),
    unmatchedStatusMessages: (query) => unmatchedStatusMessages(db, query),
    transaction: (work) => withTransaction(db, (trx) => work(unitOfWork(trx))),
  };
}

import type { Kysely, Transaction } from "kysely";
import type { CustomerReader, CustomerStore, CustomerUnitOfWork } from "../app/ports/customer-store.ts";
import { appendAudit } from "./audit/append-audit.ts";
import { getCustomer, listCustomers, upsertCustomer } from "./customers/customer-repository.ts";
import type { Database } from "./database.ts";
import { insertRecipient, listRecipients, updateRecipient } from "./recipients/recipient-repository.ts";
import { withTransaction } from "./with-transaction.ts";

/** The customer registry port over `db`: the repositories, and a unit of work per transaction. */
export function createCustomerStore(db: Kysely<Database>): CustomerStore {
  return {
    ...readerOver(db),
    transaction: (work) => withTransaction(db, (trx) => work(unitOfWork(trx))),
  };
}

function readerOver(db: Kysely<Database>): CustomerReader {
  return {
    getCustomer: (number) => getCustomer(db, number),
    listCustomers: (query) => listCustomers(db, query),
    listRecipients: (customerNumber) => listRecipients(db, customerNumber),
  };
}

function unitOfWork(trx: Transaction<Database>): CustomerUnitOfWork {
  return {
    ...readerOver(trx),
    upsertCustomer: (customer, at) => upsertCustomer(trx, customer, at),
    insertRecipient: (recipient, at) => insertRecipient(trx, recipient, at),
    updateRecipient: (id, patch, at) => updateRecipient(trx, id, patch, at),
    audit: { append: (entries) => appendAudit(trx, entries) },
  };
}

import type { Kysely, Transaction } from "kysely";
import type { Store, UnitOfWork } from "../app/ports/store.ts";
import type { Customer } from "../core/customer/customer.ts";
import { appendAudit, appendAuditBatch } from "./audit/append-audit.ts";
import { auditHistory } from "./audit/audit-history.ts";
import { readAuditChain } from "./audit/read-audit-chain.ts";
import { customerFromRow } from "./customers/customer-mapper.ts";
import { getCustomer, listCustomers, upsertCustomer } from "./customers/customer-repository.ts";
import type { Database } from "./database.ts";
import { invoiceDocuments, saveInvoiceDocuments } from "./invoice-documents/invoice-document-repository.ts";
import { getInvoice, listInvoices, reserveSequence, saveInvoices } from "./invoices/invoice-repository.ts";
import { saveStagedInvoices } from "./invoices/save-staged-invoices.ts";
import { insertRecipient, listRecipients, updateRecipient } from "./recipients/recipient-repository.ts";
import { withTransaction } from "./with-transaction.ts";

function readers(db: Kysely<Database>) {
  return {
    getCustomer: (number: string) => getCustomer(db, number),
    listCustomers: (query: Parameters<typeof listCustomers>[1]) => listCustomers(db, query),
    listRecipients: (customerNumber: string) => listRecipients(db, customerNumber),
    getInvoice: (number: string) => getInvoice(db, number),
    listInvoices: (query: Parameters<typeof listInvoices>[1]) => listInvoices(db, query),
  };
}

/** Those of `numbers` that are customers; chunked to stay under the engines' parameter limits. */
async function customersByNumber(
  trx: Transaction<Database>,
  numbers: readonly string[],
): Promise<Map<string, Customer>> {
  const found = new Map<string, Customer>();
  for (let i = 0; i < numbers.length; i += 500) {
    const rows = await trx
      .selectFrom("customers")
      .selectAll()
      .where("number", "in", numbers.slice(i, i + 500))
      .execute();
    for (const row of rows) found.set(row.number, customerFromRow(row));
  }
  return found;
}

function unitOfWork(trx: Transaction<Database>): UnitOfWork {
  return {
    ...readers(trx),
    upsertCustomer: (customer, at) => upsertCustomer(trx, customer, at),
    insertRecipient: (recipient, at) => insertRecipient(trx, recipient, at),
    updateRecipient: (id, patch, at) => updateRecipient(trx, id, patch, at),
    customersByNumber: (numbers) => customersByNumber(trx, numbers),
    saveInvoices: (items, at) => saveInvoices(trx, items, at),
    reserveSequence: (name, count) => reserveSequence(trx, name, count),
    audit: { append: (entries) => appendAudit(trx, entries) },
    invoiceDocuments: (invoiceId) => invoiceDocuments(trx, invoiceId),
    saveInvoiceDocuments: (documents) => saveInvoiceDocuments(trx, documents),
    saveStagedInvoices: (invoices) => saveStagedInvoices(trx, invoices),
    appendAuditBatch: (batch) => appendAuditBatch(trx, batch),
  };
}

/** The registry port over an open database: reads, audit trail, and a unit of work per transaction. */
export function createStore(db: Kysely<Database>): Store {
  return {
    ...readers(db),
    readChain: () => readAuditChain(db),
    history: (entity) => auditHistory(db, entity),
    transaction: (work) => withTransaction(db, (trx) => work(unitOfWork(trx))),
    invoiceDocuments: (invoiceId) => invoiceDocuments(db, invoiceId),
  };
}

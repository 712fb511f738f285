import type { Kysely, Transaction } from "kysely";
import type { BounceReaderStore, BounceStore, BounceUnitOfWork } from "../../app/ports/bounce-store.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { insertChannelDecisions } from "../channel-decisions/channel-decision-repository.ts";
import { getCustomer, listCustomers, upsertCustomer } from "../customers/customer-repository.ts";
import type { Database } from "../database.ts";
import { indexArchived } from "../deliveries/archive-index.ts";
import {
  changeDelivery,
  createDeliveries,
  deliveriesOfInvoice,
  getDelivery,
  latestRounds,
  timeline,
} from "../deliveries/delivery-repository.ts";
import { recipientsOf } from "../deliveries/send-selection.ts";
import { getInvoice } from "../invoices/invoice-repository.ts";
import { enqueueJobs } from "../jobs/job-repository.ts";
import { insertRecipient, listRecipients, updateRecipient } from "../recipients/recipient-repository.ts";
import { withTransaction } from "../with-transaction.ts";
import {
  deliveryIdByMessageId,
  digestMark,
  failureEvents,
  hasDelivery,
  invoicesWithFailures,
  paperFallbacks,
  recordPaperFallbacks,
  setDigestMark,
  unsentEmailInvoices,
} from "./bounce-queries.ts";
import {
  claimInbound,
  concludeInbound,
  inboundBySha256,
  inboundBySourceRef,
  inboundOfDeliveries,
  listInbound,
} from "./inbound-repository.ts";

function readerOver(db: Kysely<Database>): BounceReaderStore {
  return {
    getInvoice: (number) => getInvoice(db, number),
    getCustomer: (number) => getCustomer(db, number),
    listRecipients: (customerNumber) => listRecipients(db, customerNumber),
    getDelivery: (id) => getDelivery(db, id),
    hasDelivery: (id) => hasDelivery(db, id),
    deliveryIdByMessageId: (messageId) => deliveryIdByMessageId(db, messageId),
    deliveriesOfInvoice: (number) => deliveriesOfInvoice(db, number),
    timeline: (id) => timeline(db, id),
    inboundBySha256: (sha256) => inboundBySha256(db, sha256),
    inboundBySourceRef: (ref) => inboundBySourceRef(db, ref),
    inboundOfDeliveries: (ids) => inboundOfDeliveries(db, ids),
    listInbound: (query) => listInbound(db, query),
    invoicesWithFailures: (query) => invoicesWithFailures(db, query),
    unsentEmailInvoices: (query) => unsentEmailInvoices(db, query),
    recipientsOf: (numbers) => recipientsOf(db, numbers),
    paperFallbacks: (numbers) => paperFallbacks(db, numbers),
    failureEvents: (since, until) => failureEvents(db, since, until),
    digestMark: (name) => digestMark(db, name),
  };
}

function unitOfWork(trx: Transaction<Database>): BounceUnitOfWork {
  return {
    getInvoice: (number) => getInvoice(trx, number),
    getCustomer: (number) => getCustomer(trx, number),
    listCustomers: (query) => listCustomers(trx, query),
    listRecipients: (customerNumber) => listRecipients(trx, customerNumber),
    upsertCustomer: (customer, at) => upsertCustomer(trx, customer, at),
    insertRecipient: (recipient, at) => insertRecipient(trx, recipient, at),
    updateRecipient: (id, patch, at) => updateRecipient(trx, id, patch, at),
    audit: { append: (entries) => appendAudit(trx, entries) },
    getDelivery: (id) => getDelivery(trx, id),
    timeline: (id) => timeline(trx, id),
    changeDelivery: (change) => changeDelivery(trx, change),
    latestRounds: (ids) => latestRounds(trx, ids),
    createDeliveries: (deliveries, at, actor) => createDeliveries(trx, deliveries, at, actor),
    enqueue: (jobs, at) => enqueueJobs(trx, jobs, at),
    indexArchived: (object, retainUntil, at) => indexArchived(trx, object, retainUntil, at),
    claimInbound: (record) => claimInbound(trx, record),
    concludeInbound: (id, conclusion) => concludeInbound(trx, id, conclusion),
    recordPaperFallbacks: (entries, sha256, at, actor) =>
      recordPaperFallbacks(trx, entries, sha256, at, actor),
    setDigestMark: (name, until) => setDigestMark(trx, name, until),
    recordChannelDecisions: (decisions) => insertChannelDecisions(trx, decisions),
  };
}

/**
 * The bounce port over an open database: received notices, the deliveries they concern, and one transaction that
 * spans deliveries, recipients, the audit trail and jobs, so a bounce's effects commit together.
 */
export function createBounceStore(db: Kysely<Database>): BounceStore {
  return {
    ...readerOver(db),
    transaction: (work) => withTransaction(db, (trx) => work(unitOfWork(trx))),
  };
}

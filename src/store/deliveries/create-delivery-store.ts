import type { Kysely, Transaction } from "kysely";
import type { DeliveryReader, DeliveryStore, DeliveryUnitOfWork } from "../../app/ports/delivery-store.ts";
import { insertChannelDecisions } from "../channel-decisions/channel-decision-repository.ts";
import { getCustomer } from "../customers/customer-repository.ts";
import type { Database } from "../database.ts";
import { getInvoice } from "../invoices/invoice-repository.ts";
import {
  claimJobs,
  completeJob,
  countJobs,
  enqueueJobs,
  holdsLease,
  parkJob,
  releaseJob,
  retryJob,
} from "../jobs/job-repository.ts";
import { withTransaction } from "../with-transaction.ts";
import { archivedDeliveries, archiveIndex, indexArchived } from "./archive-index.ts";
import {
  changeDelivery,
  createDeliveries,
  deliveriesOfInvoice,
  getDelivery,
  latestRounds,
  listDeliveries,
  timeline,
} from "./delivery-repository.ts";
import { customersByNumber, invoicesByNumber, recipientsOf, unsentInvoices } from "./send-selection.ts";

function readerOver(db: Kysely<Database>): DeliveryReader {
  return {
    getInvoice: (number) => getInvoice(db, number),
    getCustomer: (number) => getCustomer(db, number),
    getDelivery: (id) => getDelivery(db, id),
    deliveriesOfInvoice: (number) => deliveriesOfInvoice(db, number),
    listDeliveries: (query) => listDeliveries(db, query),
    timeline: (id) => timeline(db, id),
    unsentInvoices: (query) => unsentInvoices(db, query),
    archivedDeliveries: (query) => archivedDeliveries(db, query),
    archiveIndex: () => archiveIndex(db),
  };
}

function unitOfWork(trx: Transaction<Database>): DeliveryUnitOfWork {
  return {
    ...readerOver(trx),
    invoicesByNumber: (numbers) => invoicesByNumber(trx, numbers),
    customersByNumber: (numbers) => customersByNumber(trx, numbers),
    recipientsOf: (numbers) => recipientsOf(trx, numbers),
    latestRounds: (ids) => latestRounds(trx, ids),
    createDeliveries: (deliveries, at, actor) => createDeliveries(trx, deliveries, at, actor),
    changeDelivery: (change) => changeDelivery(trx, change),
    indexArchived: (object, retainUntil, at) => indexArchived(trx, object, retainUntil, at),
    recordChannelDecisions: (decisions) => insertChannelDecisions(trx, decisions),
    enqueue: (jobs, at) => enqueueJobs(trx, jobs, at),
    holdsLease: (lease) => holdsLease(trx, lease),
    completeJob: (lease, at) => completeJob(trx, lease, at),
    retryJob: (lease, runAt, at, crash) => retryJob(trx, lease, runAt, at, crash),
    parkJob: (lease, error, at) => parkJob(trx, lease, error, at),
    releaseJob: (key, at) => releaseJob(trx, key, at),
  };
}

/** The delivery port over an open database: deliveries, their timelines, the job queue and the archive index. */
export function createDeliveryStore(db: Kysely<Database>): DeliveryStore {
  return {
    ...readerOver(db),
    claim: (request) => claimJobs(db, request),
    countJobs: (kinds) => countJobs(db, kinds),
    transaction: (work) => withTransaction(db, (trx) => work(unitOfWork(trx))),
  };
}

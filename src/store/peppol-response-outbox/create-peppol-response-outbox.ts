import type { Kysely, Transaction } from "kysely";
import type { PeppolResponseOutbox, PeppolResponseUnit } from "../../app/ports/peppol-response-outbox.ts";
import type { Database } from "../database.ts";
import { toDbInstant } from "../db-values.ts";
import { indexArchived } from "../deliveries/archive-index.ts";
import {
  completeJob,
  enqueueJobs,
  holdsLease,
  parkJob,
  releaseJob,
  retryJob,
} from "../jobs/job-repository.ts";
import { withTransaction } from "../with-transaction.ts";
import {
  outgoingFromRow,
  outgoingToRow,
  receivedInvoiceFromRow,
  receivedInvoiceToRow,
} from "./outgoing-response-mapper.ts";

function unitOver(trx: Transaction<Database>): PeppolResponseUnit {
  return {
    enqueue: (jobs, at) => enqueueJobs(trx, jobs, at),
    holdsLease: (lease) => holdsLease(trx, lease),
    completeJob: (lease, at) => completeJob(trx, lease, at),
    retryJob: (lease, runAt, at, crash) => retryJob(trx, lease, runAt, at, crash),
    parkJob: (lease, error, at) => parkJob(trx, lease, error, at),
    releaseJob: (key, at) => releaseJob(trx, key, at),
    indexArchived: (object, retainUntil, at) => indexArchived(trx, object, retainUntil, at),
    async recordReceivedInvoice(invoice) {
      await trx
        .insertInto("peppol_received_invoices")
        .values(receivedInvoiceToRow(invoice))
        .onConflict((oc) => oc.column("message_id").doNothing())
        .execute();
    },
    async createResponse(response) {
      const rows = await trx
        .insertInto("peppol_outgoing_responses")
        .values(outgoingToRow(response))
        .onConflict((oc) => oc.column("key").doNothing())
        .returning("id")
        .execute();
      return rows.length > 0;
    },
    async changeResponse(id, change) {
      await trx
        .updateTable("peppol_outgoing_responses")
        .set({
          ...(change.state === undefined ? {} : { state: change.state }),
          ...(change.attempts === undefined ? {} : { attempts: change.attempts }),
          ...(change.firstAttemptAt === undefined
            ? {}
            : { first_attempt_at: toDbInstant(change.firstAttemptAt) }),
          ...(change.request === undefined ? {} : { request: JSON.stringify(change.request) }),
          ...(change.receiptSha256 === undefined ? {} : { receipt_sha256: change.receiptSha256 }),
          ...(change.outcome === undefined ? {} : { outcome: JSON.stringify(change.outcome) }),
          updated_at: toDbInstant(change.at),
        })
        .where("id", "=", id)
        .execute();
    },
  };
}

/** The outgoing Peppol status messages over an open database. */
export function createPeppolResponseOutbox(db: Kysely<Database>): PeppolResponseOutbox {
  return {
    transaction: (work) => withTransaction(db, (trx) => work(unitOver(trx))),
    async getResponse(id) {
      const row = await db
        .selectFrom("peppol_outgoing_responses")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? outgoingFromRow(row) : undefined;
    },
    async responsesTo(inboxMessageIds) {
      if (inboxMessageIds.length === 0) return [];
      const rows = await db
        .selectFrom("peppol_outgoing_responses")
        .selectAll()
        .where("inbox_message_id", "in", inboxMessageIds)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(outgoingFromRow);
    },
    async receivedInvoice(reference) {
      const byId = await db
        .selectFrom("peppol_received_invoices")
        .selectAll()
        .where("message_id", "=", reference)
        .executeTakeFirst();
      if (byId) return receivedInvoiceFromRow(byId);
      const byNumber = await db
        .selectFrom("peppol_received_invoices")
        .innerJoin("peppol_inbox", "peppol_inbox.message_id", "peppol_received_invoices.message_id")
        .selectAll("peppol_received_invoices")
        .where("invoice_number", "=", reference)
        .orderBy("peppol_inbox.received_at", "desc")
        .executeTakeFirst();
      return byNumber ? receivedInvoiceFromRow(byNumber) : undefined;
    },
  };
}

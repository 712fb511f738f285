import type { Kysely } from "kysely";
import { sql } from "kysely";

/**
 * Peppol status messages facteur sends (MLS answering a received document, Invoice Response answering a received
 * invoice), each sent by a `peppol-respond` job: what it answers, its code and reasons, to whom, its MessageId, the
 * archived payload, request and receipt, and how it went. Beside it, the facts of each received invoice an Invoice
 * Response needs (number, date, type, parties). Coded values are written out so that an applied migration never
 * changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("peppol_received_invoices")
    .addColumn("message_id", "text", (column) => column.primaryKey().references("peppol_inbox.message_id"))
    .addColumn("invoice_number", "text", (column) => column.notNull())
    .addColumn("issue_date", "text", (column) => column.notNull())
    .addColumn("type_code", "text", (column) => column.notNull())
    .addColumn("seller", "text", (column) => column.notNull())
    .addColumn("seller_name", "text", (column) => column.notNull())
    .addColumn("buyer", "text", (column) => column.notNull())
    .addColumn("buyer_name", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("peppol_received_invoices_number_index")
    .on("peppol_received_invoices")
    .column("invoice_number")
    .execute();
  await db.schema
    .createTable("peppol_outgoing_responses")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("key", "text", (column) => column.notNull().unique())
    .addColumn("inbox_message_id", "text", (column) => column.notNull().references("peppol_inbox.message_id"))
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("response_code", "text", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("reasons", "text", (column) => column.notNull())
    .addColumn("note", "text")
    .addColumn("sender", "text", (column) => column.notNull())
    .addColumn("receiver", "text", (column) => column.notNull())
    .addColumn("document_type", "text", (column) => column.notNull())
    .addColumn("process", "text", (column) => column.notNull())
    .addColumn("message_id", "text", (column) => column.notNull().unique())
    .addColumn("payload_sha256", "text", (column) => column.notNull())
    .addColumn("state", "text", (column) => column.notNull())
    .addColumn("attempts", "bigint", (column) => column.notNull())
    .addColumn("first_attempt_at", "text")
    .addColumn("request", "text")
    .addColumn("receipt_sha256", "text")
    .addColumn("outcome", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addCheckConstraint("peppol_outgoing_responses_kind_check", sql`kind in ('mls', 'invoice-response')`)
    .addCheckConstraint(
      "peppol_outgoing_responses_state_check",
      sql`state in ('queued', 'deferred', 'delivered', 'failed', 'undeliverable', 'expired')`,
    )
    .execute();
  await db.schema
    .createIndex("peppol_outgoing_responses_inbox_index")
    .on("peppol_outgoing_responses")
    .columns(["inbox_message_id", "created_at"])
    .execute();
}

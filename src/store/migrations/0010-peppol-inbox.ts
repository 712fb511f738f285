import { type Kysely, sql } from "kysely";

/**
 * The Peppol inbox: every user message the AS4 receiver accepted (once per MessageId and once per SBDH instance id,
 * which is how duplicates are detected), where its document and the receipt answered are in the message archive,
 * and the EN 16931 verdict on received invoices; beside it, the status responses (MLS, MLR, Invoice Response)
 * received, with what they answer. Coded values are written out, so an applied migration never changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("peppol_inbox")
    .addColumn("message_id", "text", (column) => column.primaryKey())
    .addColumn("instance_id", "text", (column) => column.notNull().unique())
    .addColumn("sender", "text", (column) => column.notNull())
    .addColumn("receiver", "text", (column) => column.notNull())
    .addColumn("document_type", "text", (column) => column.notNull())
    .addColumn("process", "text", (column) => column.notNull())
    .addColumn("sender_access_point", "text", (column) => column.notNull())
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("document_sha256", "text", (column) => column.notNull())
    .addColumn("receipt_sha256", "text", (column) => column.notNull())
    .addColumn("received_at", "text", (column) => column.notNull())
    .addColumn("validation_status", "text", (column) => column.notNull())
    .addColumn("validation", "text", (column) => column.notNull())
    .addCheckConstraint(
      "peppol_inbox_kind_check",
      sql`kind in ('invoice', 'credit-note', 'status-response', 'other')`,
    )
    .addCheckConstraint(
      "peppol_inbox_validation_check",
      sql`validation_status in ('valid', 'invalid', 'not-validated')`,
    )
    .execute();
  await db.schema
    .createIndex("peppol_inbox_received_index")
    .on("peppol_inbox")
    .columns(["received_at", "message_id"])
    .execute();
  await db.schema
    .createTable("peppol_responses")
    .addColumn("message_id", "text", (column) => column.primaryKey().references("peppol_inbox.message_id"))
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("response_id", "text", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("response_code", "text", (column) => column.notNull())
    .addColumn("reference", "text", (column) => column.notNull())
    .addColumn("description", "text")
    .addColumn("received_at", "text", (column) => column.notNull())
    .addCheckConstraint("peppol_responses_kind_check", sql`kind in ('mls', 'mlr', 'invoice-response')`)
    .execute();
  await db.schema
    .createIndex("peppol_responses_reference_index")
    .on("peppol_responses")
    .columns(["reference", "received_at"])
    .execute();
}

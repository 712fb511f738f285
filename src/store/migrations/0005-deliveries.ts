import { type Kysely, sql } from "kysely";
import { makeAppendOnly } from "./make-append-only.ts";

/**
 * Deliveries (one row per message), their addresses, their append-only event log, and the archive's index of stored
 * messages. The unique (invoice_id, round, target) is what makes sending an invoice twice a no-op: a second send of
 * the same round finds its deliveries already there. Coded values are written out, not imported from the domain, so
 * an applied migration never changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("archived_messages")
    .addColumn("sha256", "text", (column) => column.primaryKey())
    .addColumn("size", "bigint", (column) => column.notNull())
    .addColumn("stored_at", "text", (column) => column.notNull())
    .addColumn("retain_until", "text", (column) => column.notNull())
    .addCheckConstraint("archived_messages_sha256_check", sql`length(sha256) = 64`)
    .execute();
  await db.schema
    .createTable("deliveries")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("invoice_id", "text", (column) => column.notNull().references("invoices.id"))
    .addColumn("invoice_number", "text", (column) => column.notNull())
    .addColumn("customer_number", "text", (column) => column.notNull().references("customers.number"))
    .addColumn("role", "text", (column) => column.notNull())
    .addColumn("round", "bigint", (column) => column.notNull())
    .addColumn("target", "text", (column) => column.notNull())
    .addColumn("message_id", "text", (column) => column.notNull().unique())
    .addColumn("state", "text", (column) => column.notNull())
    .addColumn("attempts", "bigint", (column) => column.notNull())
    .addColumn("first_attempt_at", "text")
    .addColumn("next_attempt_at", "text")
    .addColumn("archive_sha256", "text", (column) => column.references("archived_messages.sha256"))
    .addColumn("envelope_from", "text")
    .addColumn("archived_at", "text")
    .addColumn("last_reply", "text")
    .addColumn("accepted_at", "text")
    .addColumn("event_count", "bigint", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addCheckConstraint("deliveries_role_check", sql`role in ('main', 'copy')`)
    .addCheckConstraint(
      "deliveries_state_check",
      sql`state in ('queued', 'deferred', 'accepted', 'failed', 'expired', 'parked')`,
    )
    .addCheckConstraint("deliveries_round_check", sql`round >= 1`)
    .addCheckConstraint(
      "deliveries_accepted_check",
      sql`state <> 'accepted' or (accepted_at is not null and archive_sha256 is not null)`,
    )
    .addUniqueConstraint("deliveries_invoice_round_target_unique", ["invoice_id", "round", "target"])
    .execute();
  await db.schema
    .createIndex("deliveries_customer_index")
    .on("deliveries")
    .columns(["customer_number", "created_at"])
    .execute();
  await db.schema
    .createIndex("deliveries_invoice_number_index")
    .on("deliveries")
    .columns(["invoice_number"])
    .execute();
  await db.schema.createIndex("deliveries_state_index").on("deliveries").columns(["state"]).execute();
  await db.schema
    .createIndex("deliveries_archived_at_index")
    .on("deliveries")
    .columns(["archived_at"])
    .execute();
  await db.schema
    .createTable("delivery_recipients")
    .addColumn("delivery_id", "text", (column) => column.notNull().references("deliveries.id"))
    .addColumn("position", "bigint", (column) => column.notNull())
    .addColumn("recipient_id", "text", (column) => column.notNull().references("recipients.id"))
    .addColumn("email", "text", (column) => column.notNull())
    .addColumn("name", "text")
    .addPrimaryKeyConstraint("delivery_recipients_pk", ["delivery_id", "position"])
    .execute();
  await db.schema
    .createTable("delivery_events")
    .addColumn("delivery_id", "text", (column) => column.notNull().references("deliveries.id"))
    .addColumn("seq", "bigint", (column) => column.notNull())
    .addColumn("at", "text", (column) => column.notNull())
    .addColumn("actor", "text", (column) => column.notNull())
    .addColumn("event", "text", (column) => column.notNull())
    .addColumn("from_state", "text")
    .addColumn("to_state", "text", (column) => column.notNull())
    .addColumn("evidence", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("delivery_events_pk", ["delivery_id", "seq"])
    .execute();
  await makeAppendOnly(db, "delivery_events");
}

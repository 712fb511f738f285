import { type Kysely, sql } from "kysely";
import { makeAppendOnly } from "./make-append-only.ts";

/**
 * The channel decisions: each time facteur decides how an invoice must travel (Peppol, e-mail, paper) or holds it, the
 * decision, its legal scope, its reason and the Peppol lookup behind it are appended here. Append-only like the audit
 * log: the answer to "why was this invoice e-mailed and not sent over Peppol?" must not be rewritable. Coded values
 * are written out, not imported from the domain, so an applied migration never changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("channel_decisions")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("invoice_id", "text", (column) => column.notNull().references("invoices.id"))
    .addColumn("invoice_number", "text", (column) => column.notNull())
    .addColumn("customer_number", "text", (column) => column.notNull().references("customers.number"))
    .addColumn("decided_at", "text", (column) => column.notNull())
    .addColumn("actor", "text", (column) => column.notNull())
    .addColumn("outcome", "text", (column) => column.notNull())
    .addColumn("channel", "text")
    .addColumn("hold_reason", "text")
    .addColumn("scope", "text", (column) => column.notNull())
    .addColumn("peppol_required", "bigint", (column) => column.notNull())
    .addColumn("courtesy_copy", "bigint", (column) => column.notNull())
    .addColumn("explanation", "text", (column) => column.notNull())
    .addColumn("participant", "text")
    .addColumn("lookup", "text")
    .addCheckConstraint("channel_decisions_outcome_check", sql`outcome in ('send', 'hold')`)
    .addCheckConstraint(
      "channel_decisions_channel_check",
      sql`(outcome = 'send' and channel in ('email', 'peppol', 'paper') and hold_reason is null) or (outcome = 'hold' and channel is null and hold_reason is not null)`,
    )
    .execute();
  await db.schema
    .createIndex("channel_decisions_invoice_index")
    .on("channel_decisions")
    .columns(["invoice_id", "decided_at"])
    .execute();
  await db.schema
    .createIndex("channel_decisions_decided_index")
    .on("channel_decisions")
    .columns(["decided_at"])
    .execute();
  await makeAppendOnly(db, "channel_decisions");
}

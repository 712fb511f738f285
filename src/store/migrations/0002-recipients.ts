import { type Kysely, sql } from "kysely";

/**
 * Recipients of a customer's invoices. The partial unique index is the last line of defence for the rule "at most one
 * active invoice-mailbox per customer": the repository checks it first, the index refuses whatever slips past.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("recipients")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("customer_number", "text", (column) => column.notNull().references("customers.number"))
    .addColumn("role", "text", (column) => column.notNull())
    .addColumn("email", "text", (column) => column.notNull())
    .addColumn("name", "text")
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("status_reason", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addCheckConstraint(
      "recipients_role_check",
      sql`role in ('invoice-mailbox', 'person', 'copy', 'reminders')`,
    )
    .addCheckConstraint("recipients_status_check", sql`status in ('active', 'suspended', 'removed')`)
    .execute();
  await db.schema
    .createIndex("recipients_customer_number_index")
    .on("recipients")
    .column("customer_number")
    .execute();
  await db.schema
    .createIndex("recipients_one_active_invoice_mailbox")
    .on("recipients")
    .column("customer_number")
    .unique()
    .where(sql<boolean>`role = 'invoice-mailbox' and status = 'active'`)
    .execute();
}

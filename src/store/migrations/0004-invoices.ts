import { type Kysely, sql } from "kysely";

/**
 * Invoices and credit notes. The content (lines, allowances, references) is one JSON document per invoice: an issued
 * invoice is frozen, its lines are never queried or changed one by one, and one row per invoice keeps imports of
 * hundreds of thousands of invoices fast on both engines. The totals are columns, in minor units, for reports.
 * `sequences` hands out invoice numbers and structured-communication bases without gaps or duplicates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("invoices")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("number", "text", (column) => column.unique())
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("customer_number", "text", (column) => column.notNull().references("customers.number"))
    .addColumn("issue_date", "text", (column) => column.notNull())
    .addColumn("due_date", "text")
    .addColumn("currency", "text", (column) => column.notNull())
    .addColumn("line_count", "bigint", (column) => column.notNull())
    .addColumn("tax_exclusive_minor", "bigint", (column) => column.notNull())
    .addColumn("tax_minor", "bigint", (column) => column.notNull())
    .addColumn("payable_minor", "bigint", (column) => column.notNull())
    .addColumn("structured_communication", "text")
    .addColumn("content", "text", (column) => column.notNull())
    .addColumn("content_sha256", "text", (column) => column.notNull())
    .addColumn("source", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("issued_at", "text")
    .addCheckConstraint("invoices_kind_check", sql`kind in ('invoice', 'credit-note')`)
    .addCheckConstraint("invoices_status_check", sql`status in ('draft', 'issued')`)
    .addCheckConstraint("invoices_issued_numbered_check", sql`status = 'draft' or number is not null`)
    .execute();
  await db.schema
    .createIndex("invoices_customer_index")
    .on("invoices")
    .columns(["customer_number", "issue_date"])
    .execute();
  await db.schema.createIndex("invoices_issue_date_index").on("invoices").column("issue_date").execute();
  await db.schema
    .createTable("sequences")
    .addColumn("name", "text", (column) => column.primaryKey())
    .addColumn("value", "bigint", (column) => column.notNull())
    .execute();
}

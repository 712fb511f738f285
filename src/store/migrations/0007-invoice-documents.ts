import { type Kysely, sql } from "kysely";

/**
 * The documents of record of each issued invoice: its UBL and its PDF, stored once in the archive and named here by
 * their SHA-256. The primary key (invoice_id, kind) is what makes rendering twice a no-op: the first documents stored
 * stay the invoice's documents. Coded values are written out, so an applied migration never changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("invoice_documents")
    .addColumn("invoice_id", "text", (column) => column.notNull().references("invoices.id"))
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("sha256", "text", (column) => column.notNull())
    .addColumn("size", "bigint", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("invoice_documents_pk", ["invoice_id", "kind"])
    .addCheckConstraint("invoice_documents_kind_check", sql`kind in ('ubl', 'pdf')`)
    .addCheckConstraint("invoice_documents_sha256_check", sql`length(sha256) = 64`)
    .addCheckConstraint("invoice_documents_size_check", sql`size >= 0`)
    .execute();
  await db.schema
    .createIndex("invoice_documents_sha256_index")
    .on("invoice_documents")
    .column("sha256")
    .execute();
}

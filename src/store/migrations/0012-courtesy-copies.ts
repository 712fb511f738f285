import type { Kysely } from "kysely";

/**
 * Marks the e-mail deliveries that accompany a Peppol invoice as courtesy copies (1; 0 for every other delivery):
 * their message says it is not the legal invoice and carries no UBL, so that nothing books the invoice twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("deliveries")
    .addColumn("courtesy_copy", "bigint", (column) => column.notNull().defaultTo(0))
    .execute();
}

import { type Kysely, sql } from "kysely";

/**
 * Customers keyed by the ERP's customer number. The allowed values of the coded columns are written out here, not
 * imported from the domain: an applied migration must not change when the domain later grows a value.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("customers")
    .addColumn("number", "text", (column) => column.primaryKey())
    .addColumn("legal_name", "text", (column) => column.notNull())
    .addColumn("enterprise_number", "text")
    .addColumn("vat_number", "text")
    .addColumn("peppol_id", "text")
    .addColumn("language", "text", (column) => column.notNull())
    .addColumn("street", "text")
    .addColumn("additional_street", "text")
    .addColumn("city", "text")
    .addColumn("postal_code", "text")
    .addColumn("country_subdivision", "text")
    .addColumn("country", "text", (column) => column.notNull())
    .addColumn("preferred_channel", "text", (column) => column.notNull())
    .addColumn("payment_terms_days", "bigint", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addCheckConstraint("customers_language_check", sql`language in ('fr', 'nl', 'de', 'en')`)
    .addCheckConstraint(
      "customers_preferred_channel_check",
      sql`preferred_channel in ('email', 'peppol', 'paper')`,
    )
    .addCheckConstraint("customers_country_check", sql`length(country) = 2`)
    .addCheckConstraint("customers_payment_terms_days_check", sql`payment_terms_days >= 0`)
    .execute();
}

import { type Kysely, sql } from "kysely";

/**
 * Peppol deliveries in the same outbox as e-mail: a delivery's channel (`email` for every existing row), the Peppol
 * participant it goes to, and the MIME content type of its archived AS4 request (the archived bytes are the HTTP body;
 * a retry resends them with this content type). A Peppol delivery has no address rows. Coded values are written out,
 * not imported from the domain, so an applied migration never changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("deliveries")
    .addColumn("channel", "text", (column) =>
      column.notNull().defaultTo("email").check(sql`channel in ('email', 'peppol')`),
    )
    .execute();
  await db.schema.alterTable("deliveries").addColumn("participant", "text").execute();
  await db.schema.alterTable("deliveries").addColumn("archive_content_type", "text").execute();
}

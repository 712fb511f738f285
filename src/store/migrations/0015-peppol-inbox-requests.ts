import type { Kysely } from "kysely";

/**
 * The AS4 request of each received message, as it arrived: the SHA-256 of the HTTP body in the message archive and
 * its Content-Type (the MIME boundary is in it), so that what the sending access point posted can be shown byte for
 * byte. Null on messages received before this migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("peppol_inbox").addColumn("request_sha256", "text").execute();
  await db.schema.alterTable("peppol_inbox").addColumn("request_content_type", "text").execute();
}

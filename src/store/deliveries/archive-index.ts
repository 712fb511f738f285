import type { Kysely, Transaction } from "kysely";
import type { ArchivedQuery, ArchiveIndexEntry } from "../../app/ports/delivery-store.ts";
import type { ArchivedObject } from "../../app/ports/message-archive.ts";
import type { Delivery } from "../../core/delivery/delivery.ts";
import type { Database } from "../database.ts";
import { fromDbInstant, toDbInstant, toSafeNumber } from "../db-values.ts";
import { withRecipients } from "./delivery-repository.ts";

const PAGE = 500;

/**
 * Indexes an archived object with the date until which it must be kept. The same bytes stored again (which only a
 * byte-identical message could do) keep the later of the two dates, never an earlier one.
 */
export async function indexArchived(
  trx: Transaction<Database>,
  object: ArchivedObject,
  retainUntil: string,
  at: Date,
): Promise<void> {
  await trx
    .insertInto("archived_messages")
    .values({
      sha256: object.sha256,
      size: object.size,
      stored_at: toDbInstant(at),
      retain_until: retainUntil,
    })
    .onConflict((oc) =>
      oc
        .column("sha256")
        .doUpdateSet({ retain_until: retainUntil })
        .where("archived_messages.retain_until", "<", retainUntil),
    )
    .execute();
}

/** Every indexed object in hash order, a page at a time so memory stays flat. */
export async function* archiveIndex(db: Kysely<Database>): AsyncIterable<ArchiveIndexEntry> {
  let after = "";
  for (;;) {
    const rows = await db
      .selectFrom("archived_messages")
      .selectAll()
      .where("sha256", ">", after)
      .orderBy("sha256")
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      yield {
        sha256: row.sha256,
        size: toSafeNumber(row.size, "archived_messages.size"),
        storedAt: fromDbInstant(row.stored_at, "archived_messages.stored_at"),
        retainUntil: row.retain_until,
      };
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE) return;
    after = last.sha256;
  }
}

/** Archived deliveries whose message was archived on a day in [from, to], in archive order, streamed. */
export async function* archivedDeliveries(
  db: Kysely<Database>,
  query: ArchivedQuery,
): AsyncIterable<Delivery> {
  const start = `${query.from}T00:00:00.000Z`;
  const end = `${query.to}T23:59:59.999Z`;
  let cursor: { at: string; id: string } | null = null;
  for (;;) {
    let select = db
      .selectFrom("deliveries")
      .leftJoin("archived_messages", "archived_messages.sha256", "deliveries.archive_sha256")
      .selectAll("deliveries")
      .select("archived_messages.size as archive_size")
      .where("deliveries.archived_at", ">=", start)
      .where("deliveries.archived_at", "<=", end);
    if (query.customerNumber !== undefined)
      select = select.where("deliveries.customer_number", "=", query.customerNumber);
    if (cursor !== null) {
      const { at, id } = cursor;
      select = select.where((eb) =>
        eb.or([
          eb("deliveries.archived_at", ">", at),
          eb.and([eb("deliveries.archived_at", "=", at), eb("deliveries.id", ">", id)]),
        ]),
      );
    }
    const rows = await select
      .orderBy("deliveries.archived_at")
      .orderBy("deliveries.id")
      .limit(PAGE)
      .execute();
    yield* await withRecipients(db, rows);
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE || last.archived_at === null) return;
    cursor = { at: last.archived_at, id: last.id };
  }
}

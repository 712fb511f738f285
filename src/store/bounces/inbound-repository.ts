import type { Kysely, Selectable, Transaction } from "kysely";
import type {
  InboundConclusion,
  InboundOutcome,
  InboundRecord,
  InboundToRecord,
} from "../../app/ports/bounce-store.ts";
import { canonicalJson, type JsonObject } from "../../core/audit/json-value.ts";
import type { Database } from "../database.ts";
import { fromDbCode, fromDbInstant, toDbInstant, toSafeNumber } from "../db-values.ts";
import type { InboundMessagesTable } from "../tables/inbound-messages.ts";

const SOURCES = ["imap", "smtp", "file"] as const;
const OUTCOMES = ["processed", "unmatched", "quarantined"] as const;
const MATCHES = ["verp", "message-id"] as const;
const KINDS = ["dsn", "arf", "autoreply", "unknown"] as const;

function inboundFromRow(row: Selectable<InboundMessagesTable>): InboundRecord {
  return {
    id: row.id,
    sha256: row.sha256,
    source: fromDbCode(row.source, SOURCES, "inbound_messages.source"),
    sourceRef: row.source_ref,
    messageId: row.message_id,
    size: toSafeNumber(row.size, "inbound_messages.size"),
    truncated: row.truncated !== 0n,
    receivedAt: fromDbInstant(row.received_at, "inbound_messages.received_at"),
    kind: fromDbCode(row.kind, KINDS, "inbound_messages.kind"),
    format: row.format,
    outcome: fromDbCode(row.outcome, OUTCOMES, "inbound_messages.outcome"),
    matchedBy:
      row.matched_by === null ? null : fromDbCode(row.matched_by, MATCHES, "inbound_messages.matched_by"),
    deliveryId: row.delivery_id,
    detail: JSON.parse(row.detail) as JsonObject,
  };
}

/** The message recorded with these bytes, or null. */
export async function inboundBySha256(db: Kysely<Database>, sha256: string): Promise<InboundRecord | null> {
  const row = await db
    .selectFrom("inbound_messages")
    .selectAll()
    .where("sha256", "=", sha256)
    .executeTakeFirst();
  return row === undefined ? null : inboundFromRow(row);
}

/** The message read from this place (an IMAP UID, ...), or null. */
export async function inboundBySourceRef(
  db: Kysely<Database>,
  sourceRef: string,
): Promise<InboundRecord | null> {
  const row = await db
    .selectFrom("inbound_messages")
    .selectAll()
    .where("source_ref", "=", sourceRef)
    .orderBy("received_at")
    .executeTakeFirst();
  return row === undefined ? null : inboundFromRow(row);
}

/** Received messages, newest first. */
export async function listInbound(
  db: Kysely<Database>,
  query: { readonly outcome?: InboundOutcome; readonly before?: Date; readonly limit: number },
): Promise<InboundRecord[]> {
  let select = db.selectFrom("inbound_messages").selectAll();
  if (query.outcome !== undefined) select = select.where("outcome", "=", query.outcome);
  if (query.before !== undefined) select = select.where("received_at", "<", toDbInstant(query.before));
  const rows = await select
    .orderBy("received_at", "desc")
    .orderBy("id", "desc")
    .limit(Math.min(Math.max(query.limit, 1), 1000))
    .execute();
  return rows.map(inboundFromRow);
}

/** Messages matched to these deliveries, oldest first. */
export async function inboundOfDeliveries(
  db: Kysely<Database>,
  deliveryIds: readonly string[],
): Promise<InboundRecord[]> {
  const records: InboundRecord[] = [];
  for (let i = 0; i < deliveryIds.length; i += 500) {
    const rows = await db
      .selectFrom("inbound_messages")
      .selectAll()
      .where("delivery_id", "in", deliveryIds.slice(i, i + 500))
      .orderBy("received_at")
      .orderBy("id")
      .execute();
    records.push(...rows.map(inboundFromRow));
  }
  return records.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

/**
 * Records a received message as `unmatched` until concluded. The unique sha256 makes a second copy of the same bytes
 * (a redelivery, the IMAP and SMTP intakes both running) write nothing; on PostgreSQL a concurrent insert waits for
 * the first to commit, then sees the row.
 */
export async function claimInbound(trx: Transaction<Database>, record: InboundToRecord): Promise<boolean> {
  const inserted = await trx
    .insertInto("inbound_messages")
    .values({
      id: record.id,
      sha256: record.sha256,
      source: record.source,
      source_ref: record.sourceRef,
      message_id: record.messageId,
      size: record.size,
      truncated: record.truncated ? 1 : 0,
      received_at: toDbInstant(record.receivedAt),
      outcome: "unmatched",
      matched_by: null,
      delivery_id: null,
      kind: record.kind,
      format: record.format,
      detail: "{}",
    })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .returning("id")
    .execute();
  return inserted.length > 0;
}

/** Writes what was done with a recorded message. */
export async function concludeInbound(
  trx: Transaction<Database>,
  id: string,
  conclusion: InboundConclusion,
): Promise<void> {
  await trx
    .updateTable("inbound_messages")
    .set({
      outcome: conclusion.outcome,
      matched_by: conclusion.matchedBy,
      delivery_id: conclusion.deliveryId,
      detail: canonicalJson(conclusion.detail),
    })
    .where("id", "=", id)
    .execute();
}

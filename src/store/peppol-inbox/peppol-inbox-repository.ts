import type { Kysely } from "kysely";
import type {
  ArchiveRetention,
  InboxRecordOutcome,
  PeppolInbox,
  ReceivedPeppolMessage,
  ReceivedPeppolResponse,
} from "../../app/ports/peppol-inbox.ts";
import type { Database } from "../database.ts";
import { indexArchived } from "../deliveries/archive-index.ts";
import { withTransaction } from "../with-transaction.ts";
import { inboxFromRow, inboxToRow, responseFromRow } from "./peppol-inbox-mapper.ts";
import { recordStatusResponse } from "./record-status-response.ts";

async function existing(
  db: Kysely<Database>,
  message: ReceivedPeppolMessage,
): Promise<InboxRecordOutcome | undefined> {
  const rows = await db
    .selectFrom("peppol_inbox")
    .selectAll()
    .where((eb) =>
      eb.or([eb("message_id", "=", message.messageId), eb("instance_id", "=", message.instanceId)]),
    )
    .execute();
  const same = rows.find((row) => row.message_id === message.messageId);
  if (same) return { kind: "duplicate-message", existing: inboxFromRow(same) };
  const [other] = rows;
  return other ? { kind: "duplicate-instance", existing: inboxFromRow(other) } : undefined;
}

async function record(
  db: Kysely<Database>,
  message: ReceivedPeppolMessage,
  response: ReceivedPeppolResponse | undefined,
  retention: ArchiveRetention | undefined,
): Promise<InboxRecordOutcome> {
  const found = await existing(db, message);
  if (found) return found;
  try {
    await withTransaction(db, async (trx) => {
      await trx.insertInto("peppol_inbox").values(inboxToRow(message)).execute();
      if (response) await recordStatusResponse(trx, message, response);
      if (retention)
        for (const object of retention.objects)
          await indexArchived(trx, object, retention.retainUntil, message.receivedAt);
    });
    return { kind: "recorded" };
  } catch (error) {
    // Two deliveries of one message at once: the unique keys let one insert win; the other reads what it wrote.
    const raced = await existing(db, message);
    if (raced) return raced;
    throw error;
  }
}

function cursorOf(message: ReceivedPeppolMessage): string {
  return `${message.receivedAt.toISOString()}|${message.messageId}`;
}

/** The Peppol inbox over an open database. */
export function createPeppolInbox(db: Kysely<Database>): PeppolInbox {
  return {
    async byMessageId(messageId) {
      const row = await db
        .selectFrom("peppol_inbox")
        .selectAll()
        .where("message_id", "=", messageId)
        .executeTakeFirst();
      return row ? inboxFromRow(row) : undefined;
    },
    record: (message, response, retention) => record(db, message, response, retention),
    async list({ limit, before }) {
      let query = db.selectFrom("peppol_inbox").selectAll();
      if (before !== undefined) {
        // The instant has no "|", the MessageId may: split at the first one.
        const cut = before.includes("|") ? before.indexOf("|") : before.length;
        const [at, id] = [before.slice(0, cut), before.slice(cut + 1)];
        query = query.where((eb) =>
          eb.or([
            eb("received_at", "<", at),
            eb.and([eb("received_at", "=", at), eb("message_id", "<", id)]),
          ]),
        );
      }
      const rows = await query
        .orderBy("received_at", "desc")
        .orderBy("message_id", "desc")
        .limit(limit + 1)
        .execute();
      const messages = rows.slice(0, limit).map(inboxFromRow);
      const last = messages.at(-1);
      return { messages, next: rows.length > limit && last ? cursorOf(last) : null };
    },
    async responsesFor(reference) {
      const rows = await db
        .selectFrom("peppol_responses")
        .selectAll()
        .where("reference", "=", reference)
        .orderBy("received_at")
        .orderBy("message_id")
        .execute();
      return rows.map(responseFromRow);
    },
  };
}

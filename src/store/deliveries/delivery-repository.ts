import type { Kysely, Transaction } from "kysely";
import type {
  DeliveryChange,
  DeliveryPage,
  DeliveryQuery,
  DeliveryToCreate,
} from "../../app/ports/delivery-store.ts";
import { canonicalJson } from "../../core/audit/json-value.ts";
import type { Delivery, DeliveryEventRecord } from "../../core/delivery/delivery.ts";
import { AppError } from "../../core/errors/app-error.ts";
import type { Database } from "../database.ts";
import { toDbInstant } from "../db-values.ts";
import { deliveryEventFromRow, deliveryFromRow, replyToColumn } from "./delivery-mapper.ts";

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;
/** Rows per INSERT: 100 rows x 20 columns stays far below both engines' parameter limits. */
const CHUNK = 100;

function selectDeliveries(db: Kysely<Database>) {
  return db
    .selectFrom("deliveries")
    .leftJoin("archived_messages", "archived_messages.sha256", "deliveries.archive_sha256")
    .selectAll("deliveries")
    .select("archived_messages.size as archive_size");
}

type DeliveryRow = Awaited<ReturnType<ReturnType<typeof selectDeliveries>["execute"]>>[number];

/** Deliveries from their rows, with their addresses read in one query per chunk. */
export async function withRecipients(
  db: Kysely<Database>,
  rows: readonly DeliveryRow[],
): Promise<Delivery[]> {
  const result: Delivery[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const addresses =
      chunk.length === 0
        ? []
        : await db
            .selectFrom("delivery_recipients")
            .selectAll()
            .where(
              "delivery_id",
              "in",
              chunk.map((r) => r.id),
            )
            .orderBy("delivery_id")
            .orderBy("position")
            .execute();
    const byDelivery = new Map<string, typeof addresses>();
    for (const address of addresses) {
      const list = byDelivery.get(address.delivery_id);
      if (list === undefined) byDelivery.set(address.delivery_id, [address]);
      else list.push(address);
    }
    for (const row of chunk) result.push(deliveryFromRow(row, byDelivery.get(row.id) ?? []));
  }
  return result;
}

/** The delivery with this id, or null. */
export async function getDelivery(db: Kysely<Database>, id: string): Promise<Delivery | null> {
  const row = await selectDeliveries(db).where("deliveries.id", "=", id).executeTakeFirst();
  return row === undefined ? null : ((await withRecipients(db, [row]))[0] ?? null);
}

/** Every delivery of an invoice, oldest round first, main before copies. */
export async function deliveriesOfInvoice(db: Kysely<Database>, invoiceNumber: string): Promise<Delivery[]> {
  const rows = await selectDeliveries(db)
    .where("deliveries.invoice_number", "=", invoiceNumber)
    .orderBy("deliveries.round")
    .orderBy("deliveries.role", "desc")
    .orderBy("deliveries.created_at")
    .orderBy("deliveries.id")
    .execute();
  return withRecipients(db, rows);
}

/** A page of deliveries, newest first (by creation, then id, so paging is stable). */
export async function listDeliveries(db: Kysely<Database>, query: DeliveryQuery): Promise<DeliveryPage> {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE);
  let select = selectDeliveries(db);
  if (query.invoiceNumber !== undefined)
    select = select.where("deliveries.invoice_number", "=", query.invoiceNumber);
  if (query.customerNumber !== undefined)
    select = select.where("deliveries.customer_number", "=", query.customerNumber);
  if (query.state !== undefined) select = select.where("deliveries.state", "=", query.state);
  if (query.after !== undefined) {
    const after = await db
      .selectFrom("deliveries")
      .select(["created_at", "id"])
      .where("id", "=", query.after)
      .executeTakeFirst();
    if (after !== undefined) {
      select = select.where((eb) =>
        eb.or([
          eb("deliveries.created_at", "<", after.created_at),
          eb.and([eb("deliveries.created_at", "=", after.created_at), eb("deliveries.id", "<", after.id)]),
        ]),
      );
    }
  }
  const rows = await select
    .orderBy("deliveries.created_at", "desc")
    .orderBy("deliveries.id", "desc")
    .limit(limit + 1)
    .execute();
  const page = await withRecipients(db, rows.slice(0, limit));
  return { deliveries: page, next: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/** The delivery's events in append order. */
export async function timeline(db: Kysely<Database>, deliveryId: string): Promise<DeliveryEventRecord[]> {
  const rows = await db
    .selectFrom("delivery_events")
    .selectAll()
    .where("delivery_id", "=", deliveryId)
    .orderBy("seq")
    .execute();
  return rows.map(deliveryEventFromRow);
}

/** Highest round per invoice id, for the invoices that have deliveries. */
export async function latestRounds(
  trx: Transaction<Database>,
  invoiceIds: readonly string[],
): Promise<Map<string, number>> {
  const rounds = new Map<string, number>();
  for (let i = 0; i < invoiceIds.length; i += 500) {
    const rows = await trx
      .selectFrom("deliveries")
      .select(["invoice_id", (eb) => eb.fn.max("round").as("round")])
      .where("invoice_id", "in", invoiceIds.slice(i, i + 500))
      .groupBy("invoice_id")
      .execute();
    for (const row of rows) rounds.set(row.invoice_id, Number(row.round));
  }
  return rounds;
}

/**
 * Inserts the deliveries whose (invoice, round, target) is new, with their addresses and `queue` events. ON CONFLICT
 * DO NOTHING is what keeps two concurrent sends of one round from both writing: the second inserts nothing (on
 * PostgreSQL it waits for the first to commit, then sees the row).
 */
export async function createDeliveries(
  trx: Transaction<Database>,
  deliveries: readonly DeliveryToCreate[],
  at: Date,
  actor: string,
): Promise<Set<string>> {
  const instant = toDbInstant(at);
  const created = new Set<string>();
  for (let i = 0; i < deliveries.length; i += CHUNK) {
    const chunk = deliveries.slice(i, i + CHUNK);
    if (chunk.length === 0) continue;
    const inserted = await trx
      .insertInto("deliveries")
      .values(
        chunk.map((d) => ({
          id: d.id,
          invoice_id: d.invoiceId,
          invoice_number: d.invoiceNumber,
          customer_number: d.customerNumber,
          role: d.role,
          round: d.round,
          target: d.target,
          message_id: d.messageId,
          channel: d.peppol === undefined ? "email" : "peppol",
          participant: d.peppol?.participant ?? null,
          archive_content_type: null,
          courtesy_copy: d.courtesyCopy === true ? 1 : 0,
          state: "queued",
          attempts: 0,
          first_attempt_at: null,
          next_attempt_at: null,
          archive_sha256: null,
          envelope_from: null,
          archived_at: null,
          last_reply: null,
          accepted_at: null,
          event_count: 1,
          created_at: instant,
          updated_at: instant,
        })),
      )
      .onConflict((oc) => oc.columns(["invoice_id", "round", "target"]).doNothing())
      .returning("id")
      .execute();
    const ids = new Set(inserted.map((r) => r.id));
    const fresh = chunk.filter((d) => ids.has(d.id));
    for (const id of ids) created.add(id);
    if (fresh.length === 0) continue;
    const addresses = fresh.flatMap((d) =>
      d.recipients.map((r, position) => ({
        delivery_id: d.id,
        position,
        recipient_id: r.recipientId,
        email: r.email,
        name: r.name,
      })),
    );
    for (let j = 0; j < addresses.length; j += CHUNK) {
      await trx
        .insertInto("delivery_recipients")
        .values(addresses.slice(j, j + CHUNK))
        .execute();
    }
    await trx
      .insertInto("delivery_events")
      .values(
        fresh.map((d) => ({
          delivery_id: d.id,
          seq: 1,
          at: instant,
          actor,
          event: "queue",
          from_state: null,
          to_state: "queued",
          evidence: canonicalJson({
            messageId: d.messageId,
            round: d.round,
            role: d.role,
            ...(d.peppol === undefined
              ? { to: d.recipients.map((r) => r.email) }
              : { channel: "peppol", participant: d.peppol.participant }),
            ...(d.courtesyCopy === true ? { courtesyCopy: true } : {}),
          }),
        })),
      )
      .execute();
  }
  return created;
}

/**
 * Applies one transition: the conditional UPDATE (state still `change.from`) both checks and claims the next event
 * seq, so two writers can never append the same seq or act on a state the other already left.
 */
export async function changeDelivery(trx: Transaction<Database>, change: DeliveryChange): Promise<void> {
  const set = change.set ?? {};
  const instant = toDbInstant(change.at);
  const updated = await trx
    .updateTable("deliveries")
    .set((eb) => ({
      state: change.to,
      updated_at: instant,
      event_count: eb("event_count", "+", 1n),
      ...(set.attempts === undefined ? {} : { attempts: set.attempts }),
      ...(set.firstAttemptAt === undefined ? {} : { first_attempt_at: toDbInstant(set.firstAttemptAt) }),
      ...(set.nextAttemptAt === undefined
        ? {}
        : { next_attempt_at: set.nextAttemptAt === null ? null : toDbInstant(set.nextAttemptAt) }),
      ...(set.archive === undefined
        ? {}
        : {
            archive_sha256: set.archive.object.sha256,
            envelope_from: set.archive.envelopeFrom,
            archive_content_type: set.archive.contentType ?? null,
            archived_at: instant,
          }),
      ...(set.lastReply === undefined ? {} : { last_reply: replyToColumn(set.lastReply) }),
      ...(set.acceptedAt === undefined ? {} : { accepted_at: toDbInstant(set.acceptedAt) }),
    }))
    .where("id", "=", change.deliveryId)
    .where("state", "=", change.from)
    .returning("event_count")
    .executeTakeFirst();
  if (updated === undefined) {
    throw new AppError(
      "conflict",
      `delivery ${change.deliveryId} is no longer ${change.from}; the ${change.event} event was not recorded`,
    );
  }
  await trx
    .insertInto("delivery_events")
    .values({
      delivery_id: change.deliveryId,
      seq: updated.event_count,
      at: instant,
      actor: change.actor,
      event: change.event,
      from_state: change.from,
      to_state: change.to,
      evidence: canonicalJson(change.evidence),
    })
    .execute();
}

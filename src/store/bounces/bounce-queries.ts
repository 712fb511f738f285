import type { Kysely, Transaction } from "kysely";
import type { FailureEvent } from "../../app/ports/bounce-store.ts";
import type { Delivery } from "../../core/delivery/delivery.ts";
import type { Database } from "../database.ts";
import { fromDbInstant, toDbInstant } from "../db-values.ts";
import { deliveryEventFromRow } from "../deliveries/delivery-mapper.ts";
import { withRecipients } from "../deliveries/delivery-repository.ts";

/** Main-delivery states that leave an invoice undelivered unless another main message reached the customer. */
const FAILED_STATES = ["failed", "expired", "bounced", "parked"];
/** Events that report a failure; notes are kept when their evidence says an address failed. */
const FAILURE_EVENTS = ["bounce", "reject", "expire", "park", "note"] as const;
const FAILURE_NOTES = new Set(["recipient-bounced", "unattributed-failure", "soft-failure", "complaint"]);

function selectDeliveries(db: Kysely<Database>) {
  return db
    .selectFrom("deliveries")
    .leftJoin("archived_messages", "archived_messages.sha256", "deliveries.archive_sha256")
    .selectAll("deliveries")
    .select("archived_messages.size as archive_size");
}

/** The id of the delivery whose Message-ID (without angle brackets) this is, or null. */
export async function deliveryIdByMessageId(db: Kysely<Database>, messageId: string): Promise<string | null> {
  const row = await db
    .selectFrom("deliveries")
    .select("id")
    .where("message_id", "=", messageId)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Whether a delivery with this id exists. */
export async function hasDelivery(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom("deliveries").select("id").where("id", "=", id).executeTakeFirst();
  return row !== undefined;
}

/** Invoice numbers with a main delivery in a failed state, in number order. */
export async function invoicesWithFailures(
  db: Kysely<Database>,
  query: { readonly after?: string; readonly limit: number },
): Promise<string[]> {
  let select = db
    .selectFrom("deliveries")
    .select("invoice_number")
    .distinct()
    .where("role", "=", "main")
    .where("state", "in", FAILED_STATES);
  if (query.after !== undefined) select = select.where("invoice_number", ">", query.after);
  const rows = await select.orderBy("invoice_number").limit(query.limit).execute();
  return rows.map((r) => r.invoice_number);
}

/** Issued invoices with no delivery whose customer prefers e-mail, in number order. */
export async function unsentEmailInvoices(
  db: Kysely<Database>,
  query: { readonly after?: string; readonly limit: number },
): Promise<string[]> {
  let select = db
    .selectFrom("invoices")
    .innerJoin("customers", "customers.number", "invoices.customer_number")
    .select("invoices.number")
    .where("invoices.status", "=", "issued")
    .where("invoices.number", "is not", null)
    .where("customers.preferred_channel", "=", "email")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("deliveries")
            .select("deliveries.id")
            .whereRef("deliveries.invoice_id", "=", "invoices.id"),
        ),
      ),
    );
  if (query.after !== undefined) select = select.where("invoices.number", ">", query.after);
  const rows = await select.orderBy("invoices.number").limit(query.limit).execute();
  return rows.map((r) => r.number).filter((n): n is string => n !== null);
}

/** The latest paper batch of each of these invoices. */
export async function paperFallbacks(
  db: Kysely<Database>,
  invoiceNumbers: readonly string[],
): Promise<Map<string, Date>> {
  const latest = new Map<string, Date>();
  for (let i = 0; i < invoiceNumbers.length; i += 500) {
    const rows = await db
      .selectFrom("paper_fallbacks")
      .select(["invoice_number", "at"])
      .where("invoice_number", "in", invoiceNumbers.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      const at = fromDbInstant(row.at, "paper_fallbacks.at");
      const seen = latest.get(row.invoice_number);
      if (seen === undefined || seen < at) latest.set(row.invoice_number, at);
    }
  }
  return latest;
}

/** Records that these invoices went into the paper batch `batchSha256`. */
export async function recordPaperFallbacks(
  trx: Transaction<Database>,
  entries: readonly { readonly invoiceId: string; readonly invoiceNumber: string }[],
  batchSha256: string,
  at: Date,
  actor: string,
): Promise<void> {
  for (let i = 0; i < entries.length; i += 100) {
    await trx
      .insertInto("paper_fallbacks")
      .values(
        entries.slice(i, i + 100).map((e) => ({
          invoice_id: e.invoiceId,
          invoice_number: e.invoiceNumber,
          batch_sha256: batchSha256,
          at: toDbInstant(at),
          actor,
        })),
      )
      .onConflict((oc) => oc.columns(["invoice_id", "batch_sha256"]).doNothing())
      .execute();
  }
}

/** Failure events appended in [since, until), oldest first, each with its delivery. */
export async function failureEvents(db: Kysely<Database>, since: Date, until: Date): Promise<FailureEvent[]> {
  const rows = await db
    .selectFrom("delivery_events")
    .selectAll()
    .where("at", ">=", toDbInstant(since))
    .where("at", "<", toDbInstant(until))
    .where("event", "in", [...FAILURE_EVENTS])
    .orderBy("at")
    .orderBy("delivery_id")
    .orderBy("seq")
    .execute();
  const events = rows
    .map(deliveryEventFromRow)
    .filter((e) => e.event !== "note" || FAILURE_NOTES.has(String(e.evidence.kind)));
  const ids = [...new Set(events.map((e) => e.deliveryId))];
  const deliveries = new Map<string, Delivery>();
  for (let i = 0; i < ids.length; i += 500) {
    const found = await withRecipients(
      db,
      await selectDeliveries(db)
        .where("deliveries.id", "in", ids.slice(i, i + 500))
        .execute(),
    );
    for (const d of found) deliveries.set(d.id, d);
  }
  return events.flatMap((event) => {
    const delivery = deliveries.get(event.deliveryId);
    return delivery === undefined ? [] : [{ delivery, event }];
  });
}

/** Up to when the digest `name` last reported. */
export async function digestMark(db: Kysely<Database>, name: string): Promise<Date | null> {
  const row = await db.selectFrom("digest_marks").select("until").where("name", "=", name).executeTakeFirst();
  return row === undefined ? null : fromDbInstant(row.until, "digest_marks.until");
}

/** Moves the digest `name` forward to `until`. */
export async function setDigestMark(trx: Transaction<Database>, name: string, until: Date): Promise<void> {
  const value = toDbInstant(until);
  await trx
    .insertInto("digest_marks")
    .values({ name, until: value })
    .onConflict((oc) => oc.column("name").doUpdateSet({ until: value }))
    .execute();
}

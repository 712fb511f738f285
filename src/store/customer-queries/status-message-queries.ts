import type { Kysely } from "kysely";
import type { LinkedStatusMessage } from "../../app/ports/customer-queries.ts";
import { type BuyerStatus, buyerStatusOf } from "../../core/peppol/buyer-status.ts";
import type { Database } from "../database.ts";
import { responseFromRow } from "../peppol-inbox/peppol-inbox-mapper.ts";

const CHUNK = 500;

function linked(db: Kysely<Database>) {
  return db
    .selectFrom("peppol_responses")
    .innerJoin("peppol_inbox", "peppol_inbox.message_id", "peppol_responses.message_id")
    .selectAll("peppol_responses")
    .select("peppol_inbox.sender as sender");
}

type LinkedRow = Awaited<ReturnType<ReturnType<typeof linked>["execute"]>>[number];

function linkedFromRow(row: LinkedRow): LinkedStatusMessage {
  return {
    ...responseFromRow(row),
    sender: row.sender,
    invoiceId: row.invoice_id,
    deliveryId: row.delivery_id,
  };
}

/** The status messages matched to an invoice (its Invoice Responses and its Peppol deliveries' MLS/MLR), oldest first. */
export async function statusMessagesOfInvoice(
  db: Kysely<Database>,
  invoiceId: string,
): Promise<LinkedStatusMessage[]> {
  const rows = await linked(db)
    .where("peppol_responses.invoice_id", "=", invoiceId)
    .orderBy("peppol_responses.received_at")
    .orderBy("peppol_responses.message_id")
    .execute();
  return rows.map(linkedFromRow);
}

/** The buyer status of each invoice that has an Invoice Response, by invoice id (chunked under parameter limits). */
export async function buyerStatuses(
  db: Kysely<Database>,
  invoiceIds: readonly string[],
): Promise<Map<string, BuyerStatus>> {
  const byInvoice = new Map<string, LinkedStatusMessage[]>();
  for (let i = 0; i < invoiceIds.length; i += CHUNK) {
    const rows = await linked(db)
      .where("peppol_responses.invoice_id", "in", invoiceIds.slice(i, i + CHUNK))
      .where("peppol_responses.kind", "=", "invoice-response")
      .execute();
    for (const row of rows) {
      const message = linkedFromRow(row);
      if (message.invoiceId === null) continue;
      byInvoice.set(message.invoiceId, [...(byInvoice.get(message.invoiceId) ?? []), message]);
    }
  }
  const statuses = new Map<string, BuyerStatus>();
  for (const [invoiceId, messages] of byInvoice) {
    const status = buyerStatusOf(messages);
    if (status !== null) statuses.set(invoiceId, status);
  }
  return statuses;
}

/** Status messages that matched nothing, newest first, a page at a time; the cursor is `receivedAt|messageId`. */
export async function unmatchedStatusMessages(
  db: Kysely<Database>,
  query: { readonly limit: number; readonly before?: string },
): Promise<{ messages: LinkedStatusMessage[]; next: string | null }> {
  let select = linked(db)
    .where("peppol_responses.invoice_id", "is", null)
    .where("peppol_responses.delivery_id", "is", null);
  if (query.before !== undefined) {
    // The instant has no "|", the MessageId may: split at the first one.
    const cut = query.before.includes("|") ? query.before.indexOf("|") : query.before.length;
    const [at, id] = [query.before.slice(0, cut), query.before.slice(cut + 1)];
    select = select.where((eb) =>
      eb.or([
        eb("peppol_responses.received_at", "<", at),
        eb.and([eb("peppol_responses.received_at", "=", at), eb("peppol_responses.message_id", "<", id)]),
      ]),
    );
  }
  const rows = await select
    .orderBy("peppol_responses.received_at", "desc")
    .orderBy("peppol_responses.message_id", "desc")
    .limit(query.limit + 1)
    .execute();
  const messages = rows.slice(0, query.limit).map(linkedFromRow);
  const last = messages.at(-1);
  return {
    messages,
    next: rows.length > query.limit && last ? `${last.receivedAt.toISOString()}|${last.messageId}` : null,
  };
}

import type { Transaction } from "kysely";
import type { ReceivedPeppolResponse } from "../../app/ports/peppol-inbox.ts";
import type { DeliveryEventRecord } from "../../core/delivery/delivery.ts";
import { DELIVERY_STATES } from "../../core/delivery/delivery-state.ts";
import { evidenceObject, evidenceText } from "../../core/delivery/evidence-values.ts";
import { messageLevelEffect } from "../../core/delivery/message-level-effect.ts";
import { buyerStatusOf, opensQuery } from "../../core/peppol/buyer-status.ts";
import { fromReceivingAccessPoint, invoiceResponseDelivery } from "../../core/peppol/match-status-message.ts";
import { type CustomerQuery, queryReasonOf } from "../../core/queries/customer-query.ts";
import { buyerStatusEntry, PEPPOL_INBOX_ACTOR, queryOpenedEntry } from "../../core/queries/query-audit.ts";
import { appendAudit } from "../audit/append-audit.ts";
import {
  insertQuery,
  listQueries,
  lockInvoice,
  nextQueryId,
} from "../customer-queries/customer-query-repository.ts";
import { statusMessagesOfInvoice } from "../customer-queries/status-message-queries.ts";
import type { Database } from "../database.ts";
import { fromDbCode, toSafeNumber } from "../db-values.ts";
import { changeDelivery, timeline } from "../deliveries/delivery-repository.ts";
import { type ResponseLink, responseToRow, UNLINKED } from "./peppol-inbox-mapper.ts";

/** Who sent a status message: the participant in its SBDH and the access point (seat id) that carried it. */
export interface StatusSender {
  readonly sender: string;
  readonly senderAccessPoint: string;
}

/** The subject of the certificate that signed the delivery's latest AS4 receipt, when one is recorded. */
function receiptSigner(timeline: readonly DeliveryEventRecord[]): string | undefined {
  const accepted = timeline.findLast((e) => e.event === "accept");
  const subject = evidenceText(evidenceObject(evidenceObject(accepted?.evidence.receipt).signer).subject);
  return subject === "" ? undefined : subject;
}

/**
 * The delivery an Invoice Response answers: it names the invoice number, and counts only when its sender is the
 * participant our Peppol delivery of that invoice went to.
 */
async function invoiceResponseLink(
  trx: Transaction<Database>,
  sender: string,
  response: ReceivedPeppolResponse,
): Promise<ResponseLink> {
  const rows = await trx
    .selectFrom("deliveries")
    .innerJoin("invoices", "invoices.id", "deliveries.invoice_id")
    .select(["deliveries.id", "deliveries.invoice_id", "deliveries.participant", "deliveries.round"])
    .where("invoices.number", "=", response.reference.trim())
    .where("deliveries.channel", "=", "peppol")
    .where("deliveries.participant", "is not", null)
    .execute();
  const delivery = invoiceResponseDelivery(
    sender,
    rows.map((r) => ({
      id: r.id,
      invoiceId: r.invoice_id,
      participant: r.participant ?? "",
      round: toSafeNumber(r.round, "deliveries.round"),
    })),
  );
  return delivery ? { invoiceId: delivery.invoiceId, deliveryId: delivery.id } : UNLINKED;
}

/**
 * What an Invoice Response matched to an invoice changes: the buyer status (an audit entry when the response is the
 * invoice's new latest) and, for "under query", a customer query opened with its audit entry.
 */
async function applyInvoiceResponse(
  trx: Transaction<Database>,
  invoiceId: string,
  sender: string,
  response: ReceivedPeppolResponse,
): Promise<void> {
  const messages = (await statusMessagesOfInvoice(trx, invoiceId)).filter(
    (m) => m.kind === "invoice-response",
  );
  const before = buyerStatusOf(messages.filter((m) => m.messageId !== response.messageId));
  const changed = buyerStatusEntry(invoiceId, before, buyerStatusOf(messages), sender);
  const entries = changed === null ? [] : [changed];
  const open = await listQueries(trx, { invoiceId, open: true, limit: 1 });
  if (opensQuery(response, messages, open.queries.length)) {
    const invoice = await trx
      .selectFrom("invoices")
      .select(["number", "customer_number"])
      .where("id", "=", invoiceId)
      .executeTakeFirstOrThrow();
    const query: CustomerQuery = {
      id: await nextQueryId(trx),
      invoiceId,
      invoiceNumber: invoice.number ?? response.reference,
      customerNumber: invoice.customer_number,
      openedAt: response.receivedAt,
      openedBy: `peppol:${sender}`,
      source: "peppol-invoice-response",
      responseMessageId: response.messageId,
      reason: queryReasonOf(response),
      settlement: null,
    };
    await insertQuery(trx, query);
    entries.push(queryOpenedEntry(query, PEPPOL_INBOX_ACTOR));
  }
  await appendAudit(trx, entries);
}

/**
 * Records an MLS/MLR linked to the Peppol delivery whose id (our SBDH instance id) it names, when it comes from the
 * access point that signed that delivery's receipt; it then settles the accepted delivery (RE: bounced, AP:
 * delivered), as a bounce does e-mail. Otherwise it is kept unmatched.
 */
async function recordMessageLevelStatus(
  trx: Transaction<Database>,
  from: StatusSender,
  response: ReceivedPeppolResponse,
): Promise<void> {
  const delivery = await trx
    .selectFrom("deliveries")
    .select(["id", "invoice_id", "state"])
    .where("id", "=", response.reference.trim().toLowerCase())
    .where("channel", "=", "peppol")
    .executeTakeFirst();
  const ours =
    delivery !== undefined &&
    fromReceivingAccessPoint(from.senderAccessPoint, receiptSigner(await timeline(trx, delivery.id)));
  const link = ours ? { invoiceId: delivery.invoice_id, deliveryId: delivery.id } : UNLINKED;
  await trx.insertInto("peppol_responses").values(responseToRow(response, link)).execute();
  if (!ours) return;
  const effect = messageLevelEffect(
    fromDbCode(delivery.state, DELIVERY_STATES, "deliveries.state"),
    response,
  );
  if (effect === null) return;
  await changeDelivery(trx, {
    deliveryId: delivery.id,
    ...effect,
    at: response.receivedAt,
    actor: PEPPOL_INBOX_ACTOR.id,
  });
}

/**
 * Records a received status response in the inbox's transaction, linked to what it answers (or to nothing: it is
 * kept unmatched), and applies an Invoice Response to its invoice.
 */
export async function recordStatusResponse(
  trx: Transaction<Database>,
  from: StatusSender,
  response: ReceivedPeppolResponse,
): Promise<void> {
  if (response.kind !== "invoice-response") return recordMessageLevelStatus(trx, from, response);
  const link = await invoiceResponseLink(trx, from.sender, response);
  const insert = () => trx.insertInto("peppol_responses").values(responseToRow(response, link)).execute();
  if (link.invoiceId === null) {
    await insert();
    return;
  }
  // Two responses for one invoice at once take turns, so that each sees the other's status and query.
  await lockInvoice(trx, link.invoiceId);
  await insert();
  await applyInvoiceResponse(trx, link.invoiceId, from.sender, response);
}

import type { Selectable } from "kysely";
import { canonicalJson, type JsonObject } from "../../core/audit/json-value.ts";
import {
  DELIVERY_CHANNELS,
  DELIVERY_ROLES,
  type Delivery,
  type DeliveryAddress,
  type DeliveryEventRecord,
  type RelayReply,
} from "../../core/delivery/delivery.ts";
import { DELIVERY_EVENTS, DELIVERY_STATES } from "../../core/delivery/delivery-state.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { fromDbCode, fromDbInstant, toSafeNumber } from "../db-values.ts";
import type { DeliveriesTable, DeliveryEventsTable, DeliveryRecipientsTable } from "../tables/deliveries.ts";

const instantOrNull = (value: string | null, column: string): Date | null =>
  value === null ? null : fromDbInstant(value, column);

/** The stored form of a relay reply. */
export function replyToColumn(reply: RelayReply | null): string | null {
  return reply === null
    ? null
    : canonicalJson({ code: reply.code, enhanced: reply.enhanced, text: reply.text, queueId: reply.queueId });
}

function replyFromColumn(text: string | null): RelayReply | null {
  if (text === null) return null;
  const raw = JSON.parse(text) as Record<string, unknown>;
  if (typeof raw.code !== "number" || typeof raw.text !== "string") {
    throw new AppError("integrity-violation", `deliveries.last_reply holds ${text}, which is not a reply`);
  }
  return {
    code: raw.code,
    enhanced: typeof raw.enhanced === "string" ? raw.enhanced : null,
    text: raw.text,
    queueId: typeof raw.queueId === "string" ? raw.queueId : null,
  };
}

/** A delivery from its row and its address rows (in position order). */
export function deliveryFromRow(
  row: Selectable<DeliveriesTable> & { readonly archive_size: bigint | null },
  recipients: readonly Selectable<DeliveryRecipientsTable>[],
): Delivery {
  const archive =
    row.archive_sha256 === null || row.envelope_from === null || row.archived_at === null
      ? null
      : {
          sha256: row.archive_sha256,
          size: row.archive_size === null ? 0 : toSafeNumber(row.archive_size, "archived_messages.size"),
          envelopeFrom: row.envelope_from,
          archivedAt: fromDbInstant(row.archived_at, "deliveries.archived_at"),
          ...(row.archive_content_type === null ? {} : { contentType: row.archive_content_type }),
        };
  const channel = fromDbCode(row.channel, DELIVERY_CHANNELS, "deliveries.channel");
  if (channel === "peppol" && row.participant === null)
    throw new AppError("integrity-violation", `Peppol delivery ${row.id} has no participant`);
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
    customerNumber: row.customer_number,
    role: fromDbCode(row.role, DELIVERY_ROLES, "deliveries.role"),
    round: toSafeNumber(row.round, "deliveries.round"),
    messageId: row.message_id,
    recipients: recipients.map(
      (r): DeliveryAddress => ({ recipientId: r.recipient_id, email: r.email, name: r.name }),
    ),
    ...(channel === "peppol" && row.participant !== null ? { peppol: { participant: row.participant } } : {}),
    ...(toSafeNumber(row.courtesy_copy, "deliveries.courtesy_copy") === 1
      ? { courtesyCopy: true as const }
      : {}),
    state: fromDbCode(row.state, DELIVERY_STATES, "deliveries.state"),
    attempts: toSafeNumber(row.attempts, "deliveries.attempts"),
    firstAttemptAt: instantOrNull(row.first_attempt_at, "deliveries.first_attempt_at"),
    nextAttemptAt: instantOrNull(row.next_attempt_at, "deliveries.next_attempt_at"),
    archive,
    lastReply: replyFromColumn(row.last_reply),
    acceptedAt: instantOrNull(row.accepted_at, "deliveries.accepted_at"),
    createdAt: fromDbInstant(row.created_at, "deliveries.created_at"),
    updatedAt: fromDbInstant(row.updated_at, "deliveries.updated_at"),
  };
}

/** A timeline entry from its row. */
export function deliveryEventFromRow(row: Selectable<DeliveryEventsTable>): DeliveryEventRecord {
  return {
    deliveryId: row.delivery_id,
    seq: toSafeNumber(row.seq, "delivery_events.seq"),
    at: fromDbInstant(row.at, "delivery_events.at"),
    actor: row.actor,
    event: fromDbCode(row.event, DELIVERY_EVENTS, "delivery_events.event"),
    from:
      row.from_state === null
        ? null
        : fromDbCode(row.from_state, DELIVERY_STATES, "delivery_events.from_state"),
    to: fromDbCode(row.to_state, DELIVERY_STATES, "delivery_events.to_state"),
    evidence: JSON.parse(row.evidence) as JsonObject,
  };
}

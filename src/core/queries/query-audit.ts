import type { AuditActor, AuditEntry } from "../audit/audit-entry.ts";
import type { BuyerStatus } from "../peppol/buyer-status.ts";
import type { CustomerQuery, QuerySettlement } from "./customer-query.ts";

/** The actor of what the Peppol inbox records on its own (a status received from the network). */
export const PEPPOL_INBOX_ACTOR: AuditActor = { kind: "system", id: "peppol-inbox" };

/** The audit entry of a query opened on its invoice: field `queries.<id>`, from nothing to open. */
export function queryOpenedEntry(query: CustomerQuery, actor: AuditActor): AuditEntry {
  return {
    at: query.openedAt,
    actor,
    entity: { type: "invoice", id: query.invoiceId },
    field: `queries.${query.id}`,
    action: "status",
    oldValue: null,
    newValue: {
      state: "open",
      source: query.source,
      openedBy: query.openedBy,
      responseMessageId: query.responseMessageId,
    },
    reason: query.reason,
  };
}

/** The audit entry of a query settled: field `queries.<id>`, from open to settled, the note as its reason. */
export function querySettledEntry(
  query: CustomerQuery,
  settlement: QuerySettlement,
  actor: AuditActor,
): AuditEntry {
  return {
    at: settlement.at,
    actor,
    entity: { type: "invoice", id: query.invoiceId },
    field: `queries.${query.id}`,
    action: "status",
    oldValue: { state: "open" },
    newValue: { state: "settled", settledBy: settlement.by },
    reason: settlement.note,
  };
}

function statusValue(status: BuyerStatus | null) {
  return status === null
    ? null
    : { status: status.status, responseCode: status.responseCode, responseId: status.responseId };
}

/**
 * The audit entry of an invoice's buyer status changed by an Invoice Response, or null when the response did not
 * change it: an older response arriving late, or the same response (same id and code) sent again.
 */
export function buyerStatusEntry(
  invoiceId: string,
  before: BuyerStatus | null,
  after: BuyerStatus | null,
  sender: string,
): AuditEntry | null {
  if (after === null || after.messageId === before?.messageId) return null;
  if (before !== null && before.responseId === after.responseId && before.responseCode === after.responseCode)
    return null;
  return {
    at: after.receivedAt,
    actor: PEPPOL_INBOX_ACTOR,
    entity: { type: "invoice", id: invoiceId },
    field: "buyerStatus",
    action: "status",
    oldValue: statusValue(before),
    newValue: statusValue(after),
    reason: `Invoice Response ${after.responseId} from ${sender} (message ${after.messageId})`,
  };
}

import type { Insertable, Selectable } from "kysely";
import type { ReceivedInvoice } from "../../app/ports/peppol-response-outbox.ts";
import type { JsonObject } from "../../core/audit/json-value.ts";
import {
  OUTGOING_RESPONSE_STATES,
  type OutgoingResponse,
  type OutgoingResponseReason,
  type OutgoingResponseRequest,
} from "../../core/peppol/outgoing-response.ts";
import { RESPONSE_CODES, type ResponseStatus } from "../../core/peppol/peppol-response.ts";
import { fromDbCode, fromDbInstant, toDbInstant, toSafeNumber } from "../db-values.ts";
import type {
  PeppolOutgoingResponsesTable,
  PeppolReceivedInvoicesTable,
} from "../tables/peppol-outgoing-responses.ts";

const KINDS: readonly OutgoingResponse["kind"][] = ["mls", "invoice-response"];
const STATUSES: readonly ResponseStatus[] = [...new Set(RESPONSE_CODES.values())];

/** An outgoing response as a row. */
export function outgoingToRow(response: OutgoingResponse): Insertable<PeppolOutgoingResponsesTable> {
  return {
    id: response.id,
    key: response.key,
    inbox_message_id: response.inboxMessageId,
    kind: response.kind,
    response_code: response.responseCode,
    status: response.status,
    reasons: JSON.stringify(response.reasons),
    note: response.note ?? null,
    sender: response.sender,
    receiver: response.receiver,
    document_type: response.documentType,
    process: response.process,
    message_id: response.messageId,
    payload_sha256: response.payloadSha256,
    state: response.state,
    attempts: response.attempts,
    first_attempt_at: response.firstAttemptAt ? toDbInstant(response.firstAttemptAt) : null,
    request: response.request ? JSON.stringify(response.request) : null,
    receipt_sha256: response.receiptSha256,
    outcome: response.outcome ? JSON.stringify(response.outcome) : null,
    created_at: toDbInstant(response.createdAt),
    updated_at: toDbInstant(response.updatedAt),
  };
}

/** A row as an outgoing response; the JSON columns are facteur's own writing. */
export function outgoingFromRow(row: Selectable<PeppolOutgoingResponsesTable>): OutgoingResponse {
  const table = "peppol_outgoing_responses";
  return {
    id: row.id,
    key: row.key,
    inboxMessageId: row.inbox_message_id,
    kind: fromDbCode(row.kind, KINDS, `${table}.kind`),
    responseCode: row.response_code,
    status: fromDbCode(row.status, STATUSES, `${table}.status`),
    reasons: JSON.parse(row.reasons) as OutgoingResponseReason[],
    ...(row.note === null ? {} : { note: row.note }),
    sender: row.sender,
    receiver: row.receiver,
    documentType: row.document_type,
    process: row.process,
    messageId: row.message_id,
    payloadSha256: row.payload_sha256,
    state: fromDbCode(row.state, OUTGOING_RESPONSE_STATES, `${table}.state`),
    attempts: toSafeNumber(row.attempts, `${table}.attempts`),
    firstAttemptAt:
      row.first_attempt_at === null ? null : fromDbInstant(row.first_attempt_at, `${table}.first_attempt_at`),
    request: row.request === null ? null : (JSON.parse(row.request) as OutgoingResponseRequest),
    receiptSha256: row.receipt_sha256,
    outcome: row.outcome === null ? null : (JSON.parse(row.outcome) as JsonObject),
    createdAt: fromDbInstant(row.created_at, `${table}.created_at`),
    updatedAt: fromDbInstant(row.updated_at, `${table}.updated_at`),
  };
}

/** A received invoice's facts as a row. */
export function receivedInvoiceToRow(invoice: ReceivedInvoice): Insertable<PeppolReceivedInvoicesTable> {
  return {
    message_id: invoice.messageId,
    invoice_number: invoice.invoiceNumber,
    issue_date: invoice.issueDate,
    type_code: invoice.typeCode,
    seller: invoice.seller.participant,
    seller_name: invoice.seller.name,
    buyer: invoice.buyer.participant,
    buyer_name: invoice.buyer.name,
  };
}

/** A row as a received invoice's facts. */
export function receivedInvoiceFromRow(row: Selectable<PeppolReceivedInvoicesTable>): ReceivedInvoice {
  return {
    messageId: row.message_id,
    invoiceNumber: row.invoice_number,
    issueDate: row.issue_date,
    typeCode: row.type_code,
    seller: { participant: row.seller, name: row.seller_name },
    buyer: { participant: row.buyer, name: row.buyer_name },
  };
}

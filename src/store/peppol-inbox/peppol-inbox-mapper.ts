import type { Insertable, Selectable } from "kysely";
import type {
  ReceivedDocumentKind,
  ReceivedPeppolMessage,
  ReceivedPeppolResponse,
  ReceivedValidation,
} from "../../app/ports/peppol-inbox.ts";
import { AppError } from "../../core/errors/app-error.ts";
import {
  type PeppolResponseIssue,
  RESPONSE_CODES,
  type ResponseStatus,
} from "../../core/peppol/peppol-response.ts";
import { fromDbCode, fromDbInstant, toDbInstant } from "../db-values.ts";
import type { PeppolInboxTable, PeppolResponsesTable } from "../tables/peppol-inbox.ts";

const KINDS: readonly ReceivedDocumentKind[] = ["invoice", "credit-note", "status-response", "other"];
const VALIDATION_STATUSES: readonly ReceivedValidation["status"][] = ["valid", "invalid", "not-validated"];
const RESPONSE_KINDS: readonly ReceivedPeppolResponse["kind"][] = ["mls", "mlr", "invoice-response"];
const STATUSES: readonly ResponseStatus[] = [...new Set(RESPONSE_CODES.values())];

/** A received message as a row. */
export function inboxToRow(message: ReceivedPeppolMessage): Insertable<PeppolInboxTable> {
  const { status, ...counts } = message.validation;
  return {
    message_id: message.messageId,
    instance_id: message.instanceId,
    sender: message.sender,
    receiver: message.receiver,
    document_type: message.documentType,
    process: message.process,
    sender_access_point: message.senderAccessPoint,
    kind: message.kind,
    document_sha256: message.documentSha256,
    receipt_sha256: message.receiptSha256,
    received_at: toDbInstant(message.receivedAt),
    validation_status: status,
    validation: JSON.stringify(counts),
    request_sha256: message.request?.sha256 ?? null,
    request_content_type: message.request?.contentType ?? null,
  };
}

function validationFromRow(row: Selectable<PeppolInboxTable>): ReceivedValidation {
  const status = fromDbCode(row.validation_status, VALIDATION_STATUSES, "peppol_inbox.validation_status");
  const value: unknown = JSON.parse(row.validation);
  if (typeof value !== "object" || value === null)
    throw new AppError("integrity-violation", "peppol_inbox.validation does not hold a JSON object");
  const { fatal, warnings, findings } = value as Partial<Omit<ReceivedValidation, "status">>;
  if (typeof fatal !== "number" || typeof warnings !== "number" || !Array.isArray(findings))
    throw new AppError("integrity-violation", "peppol_inbox.validation lacks its counts or findings");
  return { status, fatal, warnings, findings };
}

/** A row back into the received message. */
export function inboxFromRow(row: Selectable<PeppolInboxTable>): ReceivedPeppolMessage {
  return {
    messageId: row.message_id,
    instanceId: row.instance_id,
    sender: row.sender,
    receiver: row.receiver,
    documentType: row.document_type,
    process: row.process,
    senderAccessPoint: row.sender_access_point,
    kind: fromDbCode(row.kind, KINDS, "peppol_inbox.kind"),
    documentSha256: row.document_sha256,
    receiptSha256: row.receipt_sha256,
    receivedAt: fromDbInstant(row.received_at, "peppol_inbox.received_at"),
    validation: validationFromRow(row),
    ...(row.request_sha256 === null || row.request_content_type === null
      ? {}
      : { request: { sha256: row.request_sha256, contentType: row.request_content_type } }),
  };
}

/** What a status response was matched to (0013): both null when it matched nothing. */
export interface ResponseLink {
  readonly invoiceId: string | null;
  readonly deliveryId: string | null;
}

/** A response that answers nothing of ours. */
export const UNLINKED: ResponseLink = { invoiceId: null, deliveryId: null };

/** A status response as a row, with what it answers. */
export function responseToRow(
  response: ReceivedPeppolResponse,
  link: ResponseLink = UNLINKED,
): Insertable<PeppolResponsesTable> {
  return {
    message_id: response.messageId,
    kind: response.kind,
    response_id: response.responseId,
    status: response.status,
    response_code: response.responseCode,
    reference: response.reference,
    description: response.description ?? null,
    received_at: toDbInstant(response.receivedAt),
    invoice_id: link.invoiceId,
    delivery_id: link.deliveryId,
    issue_date: response.issueDate ?? null,
    issue_time: response.issueTime ?? null,
    issues: response.issues === undefined ? null : JSON.stringify(response.issues),
  };
}

function isIssue(value: unknown): value is PeppolResponseIssue {
  if (typeof value !== "object" || value === null) return false;
  const { conditions } = value as { conditions?: unknown };
  return (
    Array.isArray(conditions) &&
    conditions.every(
      (c: unknown) =>
        typeof c === "object" &&
        c !== null &&
        typeof (c as { attributeId?: unknown }).attributeId === "string",
    )
  );
}

/** Reads the issues column: a JSON array of issues, each with its conditions; anything else is a damaged row. */
function issuesFromRow(text: string): PeppolResponseIssue[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value) || !value.every(isIssue))
    throw new AppError("integrity-violation", "peppol_responses.issues does not hold a JSON array of issues");
  return value;
}

/** A row back into the status response. */
export function responseFromRow(row: Selectable<PeppolResponsesTable>): ReceivedPeppolResponse {
  return {
    messageId: row.message_id,
    kind: fromDbCode(row.kind, RESPONSE_KINDS, "peppol_responses.kind"),
    responseId: row.response_id,
    status: fromDbCode(row.status, STATUSES, "peppol_responses.status"),
    responseCode: row.response_code,
    reference: row.reference,
    description: row.description ?? undefined,
    receivedAt: fromDbInstant(row.received_at, "peppol_responses.received_at"),
    ...(row.issue_date === null ? {} : { issueDate: row.issue_date }),
    ...(row.issue_time === null ? {} : { issueTime: row.issue_time }),
    ...(row.issues === null ? {} : { issues: issuesFromRow(row.issues) }),
  };
}

import { AppError } from "../core/errors/app-error.ts";
import { checkInvoiceResponse, FINAL_INVOICE_STATUSES } from "../core/peppol/invoice-response-rules.ts";
import type { OutgoingResponse } from "../core/peppol/outgoing-response.ts";
import {
  INVOICE_RESPONSE_DOCUMENT_TYPE,
  INVOICE_RESPONSE_PROCESS,
} from "../core/peppol/peppol-identifiers.ts";
import type { ResponseStatus } from "../core/peppol/peppol-response.ts";
import type { MessageArchive } from "./ports/message-archive.ts";
import type { PeppolInbox } from "./ports/peppol-inbox.ts";
import type { PeppolResponseOutbox } from "./ports/peppol-response-outbox.ts";
import type { PeppolResponseWriter } from "./ports/peppol-response-writer.ts";
import { newOutgoingResponse, queuePeppolResponse } from "./queue-peppol-response.ts";

export interface RespondDeps {
  readonly inbox: Pick<PeppolInbox, "byMessageId">;
  readonly outbox: PeppolResponseOutbox;
  readonly archive: MessageArchive;
  readonly writer: PeppolResponseWriter;
  readonly retentionYears: number;
  readonly now: () => Date;
  readonly newId: () => string;
}

/** What the buyer answers: which received invoice (inbox MessageId or invoice number), the status, and why. */
export interface InvoiceAnswer {
  readonly reference: string;
  readonly status: ResponseStatus;
  readonly reason?: string;
  readonly note?: string;
}

/**
 * Queues an Invoice Response (BIS T111) answering a received invoice or credit note, to its seller, from the buyer it
 * was addressed to. Refuses (AppError) an unknown reference (not-found), a received document that is not an invoice,
 * a status and clarification T111 does not allow (invalid-input), and any answer after a final one, rejected or paid
 * (conflict).
 */
export async function respondToInvoice(deps: RespondDeps, answer: InvoiceAnswer): Promise<OutgoingResponse> {
  const invoice = await deps.outbox.receivedInvoice(answer.reference);
  if (invoice === undefined) {
    const message = await deps.inbox.byMessageId(answer.reference);
    if (message?.kind === "invoice" || message?.kind === "credit-note")
      throw new AppError(
        "invalid-input",
        `the ${message.kind} of message ${answer.reference} was not kept with its number, date and parties when it was received: it cannot be answered`,
      );
    if (message)
      throw new AppError(
        "invalid-input",
        `message ${answer.reference} is a ${message.kind}, not a received invoice: only invoices are answered`,
      );
    throw new AppError("not-found", `no received invoice or inbox message ${answer.reference}`);
  }
  const statement = checkInvoiceResponse(answer);
  if (!statement.ok) throw new AppError("invalid-input", statement.error);
  const earlier = (await deps.outbox.responsesTo([invoice.messageId])).filter(
    (response) => response.kind === "invoice-response",
  );
  const final = earlier.find((response) => FINAL_INVOICE_STATUSES.includes(response.status));
  if (final)
    throw new AppError(
      "conflict",
      `invoice ${invoice.invoiceNumber} was answered ${final.status} already (response ${final.id}): that status is final`,
    );
  const at = deps.now();
  const id = deps.newId();
  const xml = deps.writer.invoiceResponse({
    id,
    issuedAt: at,
    sender: invoice.buyer,
    receiver: invoice.seller,
    statement: statement.value,
    invoice: { id: invoice.invoiceNumber, issueDate: invoice.issueDate, typeCode: invoice.typeCode },
  });
  if (!xml.ok) throw new AppError("invalid-input", `the Invoice Response cannot be written: ${xml.error}`);
  const payload = await deps.archive.put(Buffer.from(xml.value, "utf8"));
  const { clarification, note } = statement.value;
  const response = newOutgoingResponse(
    {
      id,
      key: `invoice-response:${id}`,
      inboxMessageId: invoice.messageId,
      kind: "invoice-response",
      responseCode: statement.value.responseCode,
      status: statement.value.status,
      reasons: clarification
        ? [
            {
              code: clarification.code,
              listId: clarification.listId,
              ...(clarification.text === undefined ? {} : { text: clarification.text }),
            },
          ]
        : [],
      ...(note === undefined ? {} : { note }),
      sender: invoice.buyer.participant,
      receiver: invoice.seller.participant,
      documentType: INVOICE_RESPONSE_DOCUMENT_TYPE,
      process: INVOICE_RESPONSE_PROCESS,
      payloadSha256: payload.sha256,
    },
    at,
  );
  await deps.outbox.transaction((unit) => queuePeppolResponse(unit, response, payload, deps.retentionYears));
  return response;
}

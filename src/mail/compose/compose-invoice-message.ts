import { createHash } from "node:crypto";
import type { OutgoingMessage } from "../../app/ports/mail-transport.ts";
import type { InputIssue } from "../../core/errors/app-error.ts";
import { err, ok, type Result } from "../../core/result.ts";
import { buildMime } from "./build-mime.ts";
import { envelopeAddress } from "./envelope-address.ts";
import type { InvoiceMessageInput } from "./invoice-message-input.ts";
import { renderMessageBody } from "./render-message-body.ts";
import { type CheckedMailbox, validateMessageInput } from "./validate-message-input.ts";

/** Header quoting the delivery, which bounces and auto-replies often carry back. */
export const DELIVERY_HEADER = "X-Facteur-Delivery";
/** Header quoting the invoice or credit note number. */
export const INVOICE_HEADER = "X-Facteur-Invoice";

function attachmentName(number: string, extension: string): string {
  return `${number.replace(/[\\/:*?"<>|\s]+/g, "_")}.${extension}`;
}

function crlf(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}

function mailbox(box: CheckedMailbox): { name: string; address: string } | string {
  return box.name === "" ? box.address : { name: box.name, address: box.address };
}

/**
 * Composes the unsigned message of one delivery: the main message (all main recipients in To, PDF and UBL) or a
 * copy (one recipient, subject and body marked "COPIE / KOPIE / COPY", PDF only so no accounting software books the
 * invoice twice). Subject and body are in the customer's language; text and HTML alternatives without images or
 * links; no `Precedence` or `Auto-Submitted` header, which would mark a business document as bulk or automatic.
 *
 * The bytes depend only on the input: the Date comes from `input.date` and the MIME boundaries from the
 * Message-ID, so composing the same delivery again gives the same message.
 *
 * @returns the message with its envelope (VERP return path, the To addresses), or every input problem. Header
 * values never carry line breaks: addresses and identifiers with control characters are refused, names cleaned.
 */
export async function composeInvoiceMessage(
  input: InvoiceMessageInput,
): Promise<Result<OutgoingMessage, InputIssue[]>> {
  const checked = validateMessageInput(input);
  if (!checked.ok) return err(checked.error);
  const { from, replyTo, to, returnPath, number, paymentReference } = checked.value;
  const { document } = input;
  const body = renderMessageBody({
    kind: input.kind,
    language: input.language,
    type: document.type,
    number,
    issueDate: document.issueDate,
    dueDate: document.dueDate ?? null,
    amountMinor: document.amountMinor,
    currency: document.currency,
    paymentReference,
    sellerName: from.name === "" ? from.address : from.name,
    ...(input.notice === undefined ? {} : { notice: input.notice }),
  });
  const attachments = [
    { filename: attachmentName(number, "pdf"), content: input.pdf, contentType: "application/pdf" },
    ...(input.kind === "main" && input.ubl !== null
      ? [{ filename: attachmentName(number, "xml"), content: input.ubl, contentType: "application/xml" }]
      : []),
  ];
  const raw = await buildMime({
    from: mailbox(from),
    ...(replyTo === null ? {} : { replyTo: mailbox(replyTo) }),
    to: to.map(mailbox),
    subject: body.subject,
    messageId: `<${input.messageId}>`,
    date: input.date,
    headers: {
      "Content-Language": input.language,
      [DELIVERY_HEADER]: input.deliveryId,
      [INVOICE_HEADER]: number,
    },
    text: crlf(body.text),
    html: crlf(body.html),
    attachments,
    baseBoundary: createHash("sha256").update(input.messageId).digest("hex").slice(0, 24),
  });
  return ok({
    raw,
    messageId: input.messageId,
    envelope: { from: envelopeAddress(returnPath), to: to.map((box) => envelopeAddress(box.address)) },
  });
}

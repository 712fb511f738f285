import type { OutgoingMessage } from "../../app/ports/mail-transport.ts";
import type { MessageComposer, MessageToCompose } from "../../app/ports/message-composer.ts";
import { AppError, type InputIssue } from "../../core/errors/app-error.ts";
import type { InvoiceDocument } from "../../core/invoice/invoice.ts";
import { toMinorUnits } from "../../core/money/minor-units.ts";
import { err, ok, type Result } from "../../core/result.ts";
import { type DkimSigner, signOutgoingMessage } from "../dkim/dkim-signer.ts";
import { type VerpSecret, verpReturnPath } from "../verp/verp-token.ts";
import { composeInvoiceMessage } from "./compose-invoice-message.ts";
import type { DocumentSummary, InvoiceMessageInput, Mailbox } from "./invoice-message-input.ts";

/** What the composer takes from configuration. */
export interface MessageComposerOptions {
  /** The seller's billing address (From). */
  readonly from: Mailbox;
  readonly replyTo?: Mailbox | null;
  /** VERP: the HMAC secret and the bounce domain of the return paths. */
  readonly verp: { readonly secret: VerpSecret; readonly bounceDomain: string; readonly prefix?: string };
  /** Signs every message; null sends unsigned (a demo relay; receivers will not see DKIM). */
  readonly signer: DkimSigner | null;
  /** The clock that dates messages. */
  readonly now: () => Date;
}

function issue(field: string, message: string): InputIssue {
  return { source: "invoice-message", field, message };
}

function summary(document: InvoiceDocument): Result<DocumentSummary, InputIssue> {
  const payable = document.totals.payable;
  if (document.number === undefined || document.issueDate === undefined || payable === undefined) {
    return err(issue("document", "has no number, issue date or amount due."));
  }
  return ok({
    type: document.kind,
    number: document.number,
    issueDate: document.issueDate,
    dueDate: document.dueDate ?? null,
    amountMinor: toMinorUnits(payable),
    currency: document.currency ?? "",
    paymentReference:
      document.paymentMeans.find((m) => m.remittanceInformation)?.remittanceInformation ?? null,
  });
}

function input(
  options: MessageComposerOptions,
  message: MessageToCompose,
  document: DocumentSummary,
): Result<InvoiceMessageInput, InputIssue> {
  const to = message.to.map((r): Mailbox => ({ name: r.name, address: r.email }));
  const common = {
    deliveryId: message.deliveryId,
    messageId: message.messageId,
    returnPath: verpReturnPath(message.deliveryId, options.verp),
    date: options.now(),
    language: message.customer.language,
    from: options.from,
    replyTo: options.replyTo ?? null,
    document,
    pdf: message.pdf,
    ...(message.notice === undefined ? {} : { notice: message.notice }),
  };
  if (!message.copy) {
    // A courtesy copy never carries the UBL: the legal invoice reached the accounting software over Peppol.
    const ubl =
      message.notice !== undefined || message.ubl === null ? null : Buffer.from(message.ubl, "utf8");
    return ok({ ...common, kind: "main", to, ubl });
  }
  const [only, ...others] = to;
  if (only === undefined || others.length > 0) {
    return err(issue("to", "a copy goes to exactly one recipient."));
  }
  // A copy never carries the UBL, whatever the caller passed, so no accounting software books the invoice twice.
  return ok({ ...common, kind: "copy", to: only });
}

/**
 * The mail adapter of the MessageComposer port: builds the delivery's message (see {@link composeInvoiceMessage}),
 * gives it the delivery's VERP return path and signs it with DKIM.
 * @throws AppError invalid-input with every problem when the delivery cannot make a valid message (no usable
 * recipient, an unsafe address or identifier); a retry cannot fix that.
 */
export function createMessageComposer(options: MessageComposerOptions): MessageComposer {
  return {
    async compose(message: MessageToCompose): Promise<OutgoingMessage> {
      const fail = (issues: readonly InputIssue[]): never => {
        throw new AppError(
          "invalid-input",
          `delivery ${message.deliveryId}: the message cannot be composed`,
          issues,
        );
      };
      const document = summary(message.document);
      if (!document.ok) return fail([document.error]);
      const built = input(options, message, document.value);
      if (!built.ok) return fail([built.error]);
      const composed = await composeInvoiceMessage(built.value);
      if (!composed.ok) return fail(composed.error);
      return options.signer === null ? composed.value : signOutgoingMessage(composed.value, options.signer);
    },
  };
}

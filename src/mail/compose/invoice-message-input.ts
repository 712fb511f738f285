import type { Language } from "../../core/language.ts";

/** An address with an optional display name. The name is cleaned of control characters; the address is checked. */
export interface Mailbox {
  readonly name?: string | null;
  readonly address: string;
}

/** What the message says about the document: enough for a short body, never the document itself. */
export interface DocumentSummary {
  readonly type: "invoice" | "credit-note";
  readonly number: string;
  /** ISO date, YYYY-MM-DD. */
  readonly issueDate: string;
  /** ISO date, YYYY-MM-DD; shown for invoices only. */
  readonly dueDate?: string | null;
  /** Amount to pay (invoice) or credited (credit note), in hundredths of `currency`. */
  readonly amountMinor: bigint;
  /** ISO 4217 code, e.g. "EUR". */
  readonly currency: string;
  /** Payment reference to quote, e.g. a Belgian structured communication "+++123/4567/89002+++". */
  readonly paymentReference?: string | null;
}

/** Fields every invoice message has, main or copy. */
export interface MessageCommon {
  /** The delivery this message belongs to; quoted in `X-Facteur-Delivery`. */
  readonly deliveryId: string;
  /** `<deliveryId>@<domain>` without angle brackets, stable per delivery. */
  readonly messageId: string;
  /** The VERP return path (envelope sender), see `verpReturnPath`. */
  readonly returnPath: string;
  /** The Date header; from the caller's clock. */
  readonly date: Date;
  /** The customer's language. */
  readonly language: Language;
  /** The seller's billing address; its name also signs the body. */
  readonly from: Mailbox;
  readonly replyTo?: Mailbox | null;
  readonly document: DocumentSummary;
  /** The rendered PDF (marked as a copy by the renderer for a copy message). */
  readonly pdf: Buffer;
  /** Shown first in the body, marked: on a courtesy copy of a Peppol invoice, that it is not the legal invoice. */
  readonly notice?: string;
}

/** The message to the main recipients: one message, all of them in To, PDF and UBL attached. */
export interface MainMessageInput extends MessageCommon {
  readonly kind: "main";
  readonly to: readonly Mailbox[];
  /**
   * The Peppol BIS UBL, attached as `<number>.xml` for the customer's accounting software; null only on a courtesy
   * copy (with a `notice`), whose invoice the accounting software receives over Peppol.
   */
  readonly ubl: Buffer | null;
}

/** The message to one copy recipient: marked as a copy, PDF only, so no accounting software books it twice. */
export interface CopyMessageInput extends MessageCommon {
  readonly kind: "copy";
  readonly to: Mailbox;
}

export type InvoiceMessageInput = MainMessageInput | CopyMessageInput;

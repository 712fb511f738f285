import type { Customer } from "../../core/customer/customer.ts";
import type { InvoiceDocument } from "../../core/invoice/invoice.ts";
import type { OutgoingMessage } from "./mail-transport.ts";

/** Everything one delivery's message is made of. */
export interface MessageToCompose {
  /** The delivery the VERP token identifies. */
  readonly deliveryId: string;
  /** The Message-ID to write (without angle brackets): minted when the delivery was created, never a new one. */
  readonly messageId: string;
  /** A duplicate for a copy recipient: marked as a copy in the subject, without the UBL. */
  readonly copy: boolean;
  readonly to: readonly { readonly email: string; readonly name: string | null }[];
  readonly customer: Customer;
  readonly document: InvoiceDocument;
  readonly pdf: Buffer;
  /** Peppol BIS UBL for the customer's accounting software; null on copies so nothing books the invoice twice. */
  readonly ubl: string | null;
  /**
   * A sentence shown first in the body: on an e-mail that accompanies an invoice sent over Peppol, that it is not the
   * legal invoice (core/peppol/courtesy-copy-notice.ts). Such a message carries no UBL.
   */
  readonly notice?: string;
}

/** Builds the signed bytes and the envelope of a delivery's message. Implemented in src/mail. */
export interface MessageComposer {
  /** The message as it will be handed to the relay: composed, DKIM-signed, with its VERP envelope. */
  compose(message: MessageToCompose): Promise<OutgoingMessage>;
}

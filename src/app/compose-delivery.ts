import type { Delivery } from "../core/delivery/delivery.ts";
import { buildInvoiceDocument } from "../core/invoice/build-invoice-document.ts";
import { dueDateFor } from "../core/invoice/due-date.ts";
import type { SellerProfile } from "../core/invoice/seller-profile.ts";
import { courtesyCopyNotice } from "../core/peppol/courtesy-copy-notice.ts";
import type { DeliveryReader } from "./ports/delivery-store.ts";
import type { InvoiceRenderer } from "./ports/invoice-renderer.ts";
import type { OutgoingMessage } from "./ports/mail-transport.ts";
import type { MessageComposer } from "./ports/message-composer.ts";

/** A failure that retrying cannot fix (the invoice is gone or cannot be rendered): the job is parked at once. */
export class PermanentFailure extends Error {}

export interface ComposeDeliveryDeps {
  readonly store: Pick<DeliveryReader, "getInvoice" | "getCustomer">;
  readonly composer: MessageComposer;
  readonly renderer: InvoiceRenderer;
  readonly seller: SellerProfile;
}

/**
 * Renders the invoice's documents and composes the delivery's signed message: PDF (marked on copies) and, on the main
 * message only, the UBL; a courtesy copy of a Peppol invoice says first that it is not the legal invoice and carries
 * no UBL. The composer must keep the delivery's Message-ID: it is checked here.
 */
export async function composeDelivery(
  deps: ComposeDeliveryDeps,
  delivery: Delivery,
): Promise<OutgoingMessage> {
  const invoice = await deps.store.getInvoice(delivery.invoiceNumber);
  const customer = await deps.store.getCustomer(delivery.customerNumber);
  if (invoice === null || customer === null) {
    throw new PermanentFailure(
      `invoice ${delivery.invoiceNumber} or customer ${delivery.customerNumber} is gone`,
    );
  }
  const copy = delivery.role === "copy";
  const courtesy = delivery.courtesyCopy === true;
  const document = buildInvoiceDocument(invoice.content, {
    number: delivery.invoiceNumber,
    seller: deps.seller,
    buyer: customer,
    ...(invoice.structuredCommunication ? { structuredCommunication: invoice.structuredCommunication } : {}),
    // For invoices whose content has no due date: the customer's payment terms decide it.
    dueDate: dueDateFor(invoice.content.issueDate, customer.paymentTermsDays),
    ...(delivery.recipients[0] ? { buyerEmail: delivery.recipients[0].email } : {}),
  });
  const ubl = deps.renderer.ubl(document);
  if (!ubl.ok) {
    throw new PermanentFailure(`invoice ${delivery.invoiceNumber} cannot be written as UBL: ${ubl.message}`);
  }
  const pdf = await deps.renderer.pdf(document, { language: customer.language, copy });
  const message = await deps.composer.compose({
    deliveryId: delivery.id,
    messageId: delivery.messageId,
    copy,
    to: delivery.recipients.map((r) => ({ email: r.email, name: r.name })),
    customer,
    document,
    pdf,
    ubl: copy || courtesy ? null : ubl.xml,
    ...(courtesy ? { notice: courtesyCopyNotice(customer.language) } : {}),
  });
  if (message.messageId !== delivery.messageId) {
    throw new Error(
      `the composer wrote Message-ID ${message.messageId}, not the delivery's ${delivery.messageId}`,
    );
  }
  return message;
}

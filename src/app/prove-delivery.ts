import type { DeliveryEventRecord } from "../core/delivery/delivery.ts";
import { buildDeliveryProof, type InvoiceProof } from "../core/delivery/delivery-proof.ts";
import { type InvoiceDeliverySummary, summarizeDeliveries } from "../core/delivery/delivery-summary.ts";
import { AppError } from "../core/errors/app-error.ts";
import type { BounceReaderStore } from "./ports/bounce-store.ts";
import type { StatusMessageReader } from "./ports/customer-queries.ts";

/** A proof of delivery with what frames it: the invoice's summary and a paper fallback when there was one. */
export interface DeliveryProofReport extends InvoiceProof {
  readonly customerName: string;
  readonly summary: InvoiceDeliverySummary;
  /** When the invoice was last put in a paper batch, if ever. */
  readonly paperSentAt: Date | null;
}

export interface ProveDeliveryDeps {
  readonly store: BounceReaderStore;
  /** The Peppol status messages received for invoices; without it the proof shows none. */
  readonly statusMessages?: Pick<StatusMessageReader, "statusMessagesOfInvoice">;
  readonly now: () => Date;
}

/**
 * Answers "did the customer get invoice X?" from the delivery event log: per address of every message (all rounds,
 * copies included) the timeline with its evidence and a verdict whose confidence is stated, and for the invoice the
 * best verdict over its main recipients; with the Peppol status messages received for it (a Message Level Status
 * rejection decides its delivery's verdict) and the buyer's status. Fails with `not-found` for an unknown invoice.
 */
export async function proveDelivery(
  deps: ProveDeliveryDeps,
  invoiceNumber: string,
): Promise<DeliveryProofReport> {
  const invoice = await deps.store.getInvoice(invoiceNumber);
  if (invoice === null) throw new AppError("not-found", `no invoice ${invoiceNumber}`);
  const deliveries = await deps.store.deliveriesOfInvoice(invoiceNumber);
  const timelines = new Map<string, readonly DeliveryEventRecord[]>();
  for (const d of deliveries) timelines.set(d.id, await deps.store.timeline(d.id));
  const proof = buildDeliveryProof({
    invoiceNumber,
    customerNumber: invoice.customerNumber,
    deliveries,
    timelines,
    statusMessages: deps.statusMessages ? await deps.statusMessages.statusMessagesOfInvoice(invoice.id) : [],
    now: deps.now(),
  });
  const customer = await deps.store.getCustomer(invoice.customerNumber);
  const paper = (await deps.store.paperFallbacks([invoiceNumber])).get(invoiceNumber) ?? null;
  return {
    ...proof,
    customerName: customer?.legalName ?? "",
    summary: summarizeDeliveries(deliveries),
    paperSentAt: paper,
  };
}

import { sameAddress } from "../core/customer/same-address.ts";
import type { Delivery } from "../core/delivery/delivery.ts";
import { AppError } from "../core/errors/app-error.ts";
import type { ArchivedQuery, DeliveryReader } from "./ports/delivery-store.ts";
import type { MessageArchive } from "./ports/message-archive.ts";

/** A delivery with the exact bytes that were handed to the relay for it. */
export interface ArchivedMessage {
  readonly delivery: Delivery;
  readonly raw: Buffer;
}

export interface ArchivedMessagesDeps {
  readonly store: Pick<DeliveryReader, "deliveriesOfInvoice" | "archivedDeliveries">;
  readonly archive: MessageArchive;
}

async function load(archive: MessageArchive, delivery: Delivery): Promise<ArchivedMessage | null> {
  if (delivery.archive === null) return null;
  const raw = await archive.get(delivery.archive.sha256);
  if (raw === null) {
    throw new AppError(
      "integrity-violation",
      `the archived message ${delivery.archive.sha256} of delivery ${delivery.id} is missing from the archive`,
    );
  }
  return { delivery, raw };
}

/**
 * The archived messages of one invoice (all rounds, main and copies), or only those sent to `recipient`. Fails with
 * `not-found` when there is none, saying whether the invoice has deliveries not yet archived.
 */
export async function archivedMessagesOfInvoice(
  deps: ArchivedMessagesDeps,
  query: { readonly invoiceNumber: string; readonly recipient?: string },
): Promise<ArchivedMessage[]> {
  const deliveries = (await deps.store.deliveriesOfInvoice(query.invoiceNumber)).filter(
    (d) =>
      query.recipient === undefined || d.recipients.some((r) => sameAddress(r.email, query.recipient ?? "")),
  );
  const messages: ArchivedMessage[] = [];
  for (const delivery of deliveries) {
    const message = await load(deps.archive, delivery);
    if (message !== null) messages.push(message);
  }
  if (messages.length === 0) {
    const who = query.recipient === undefined ? "" : ` to ${query.recipient}`;
    throw new AppError(
      "not-found",
      deliveries.length === 0
        ? `invoice ${query.invoiceNumber} has no delivery${who}`
        : `invoice ${query.invoiceNumber} has ${deliveries.length} delivery(ies)${who}, none composed yet`,
    );
  }
  return messages;
}

/** Every message archived in a period (optionally for one customer), with its bytes, streamed for an export. */
export async function* archivedMessagesIn(
  deps: ArchivedMessagesDeps,
  query: ArchivedQuery,
): AsyncIterable<ArchivedMessage> {
  for await (const delivery of deps.store.archivedDeliveries(query)) {
    const message = await load(deps.archive, delivery);
    if (message !== null) yield message;
  }
}

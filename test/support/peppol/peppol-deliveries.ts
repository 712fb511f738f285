import { randomUUID } from "node:crypto";
import type { DeliveryUnitOfWork } from "../../../src/app/ports/delivery-store.ts";
import type { InvoiceToSave } from "../../../src/app/ports/invoice-store.ts";

/**
 * Queues, in the caller's transaction, one main Peppol delivery (round 1) to `participant` for each invoice, under the
 * delivery id it is paired with, as `cli:test` at `at`.
 */
export function queuePeppolDeliveries(
  unit: DeliveryUnitOfWork,
  deliveries: readonly { readonly id: string; readonly invoice: InvoiceToSave }[],
  participant: string,
  at: Date,
): Promise<ReadonlySet<string>> {
  return unit.createDeliveries(
    deliveries.map(({ id, invoice }) => ({
      id,
      invoiceId: invoice.record.id,
      invoiceNumber: invoice.record.number ?? "",
      customerNumber: invoice.record.customerNumber,
      role: "main" as const,
      round: 1,
      target: "main",
      messageId: `${randomUUID()}@seller.test`,
      recipients: [],
      peppol: { participant },
    })),
    at,
    "cli:test",
  );
}

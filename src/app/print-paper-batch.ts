import type { AuditActor } from "../core/audit/audit-entry.ts";
import { retainUntil } from "../core/delivery/retain-until.ts";
import { AppError } from "../core/errors/app-error.ts";
import { buildInvoiceDocument } from "../core/invoice/build-invoice-document.ts";
import { dueDateFor } from "../core/invoice/due-date.ts";
import type { SellerProfile } from "../core/invoice/seller-profile.ts";
import { channelBuyer, channelSeller, peppolRequirement } from "../core/peppol/channel-policy.ts";
import type { BounceStore } from "./ports/bounce-store.ts";
import type { InvoiceRenderer } from "./ports/invoice-renderer.ts";
import type { MessageArchive } from "./ports/message-archive.ts";
import type { PdfMerger } from "./ports/pdf-merger.ts";

export interface PrintPaperBatchDeps {
  readonly store: BounceStore;
  readonly archive: MessageArchive;
  readonly renderer: InvoiceRenderer;
  readonly merger: PdfMerger;
  readonly seller: SellerProfile;
  readonly now: () => Date;
  readonly actor: AuditActor;
  /** Years the batch is kept in the archive. */
  readonly retentionYears: number;
}

/** A print batch: one PDF with every invoice, in the order asked. */
export interface PaperBatch {
  readonly pdf: Buffer;
  readonly sha256: string;
  readonly invoices: readonly string[];
}

/**
 * Falls back to paper: refuses the batch when one of its invoices is one the law sends over Peppol (Belgian B2B: paper
 * is no legal channel for it), before anything is kept; renders each invoice's PDF through the renderer port (in its customer's language, as sent by
 * e-mail), binds them into one print batch, keeps the batch in the archive, and in one transaction records each
 * invoice as sent on paper (so it leaves the undelivered queue) with an audit entry naming the batch.
 */
export async function printPaperBatch(
  deps: PrintPaperBatchDeps,
  invoiceNumbers: readonly string[],
): Promise<PaperBatch> {
  const numbers = [...new Set(invoiceNumbers)];
  if (numbers.length === 0) throw new AppError("invalid-input", "name at least one invoice to print");
  const pdfs: Buffer[] = [];
  const entries: { invoiceId: string; invoiceNumber: string }[] = [];
  for (const number of numbers) {
    const invoice = await deps.store.getInvoice(number);
    if (invoice === null || invoice.number === null) throw new AppError("not-found", `no invoice ${number}`);
    if (invoice.status !== "issued")
      throw new AppError("invalid-state", `invoice ${number} is a draft: issue it first`);
    const customer = await deps.store.getCustomer(invoice.customerNumber);
    if (customer === null)
      throw new AppError("not-found", `customer ${invoice.customerNumber} of invoice ${number} is gone`);
    const law = peppolRequirement({
      seller: channelSeller(deps.seller),
      buyer: channelBuyer(customer),
      issueDate: invoice.content.issueDate,
    });
    if (law.required)
      throw new AppError(
        "invalid-state",
        `invoice ${number} cannot go on paper: ${law.why}; resend it over Peppol (\`facteur undelivered resend ${number}\`)`,
      );
    const document = buildInvoiceDocument(invoice.content, {
      number: invoice.number,
      seller: deps.seller,
      buyer: customer,
      ...(invoice.structuredCommunication
        ? { structuredCommunication: invoice.structuredCommunication }
        : {}),
      // For invoices whose content has no due date: the customer's payment terms decide it.
      dueDate: dueDateFor(invoice.content.issueDate, customer.paymentTermsDays),
    });
    pdfs.push(await deps.renderer.pdf(document, { language: customer.language, copy: false }));
    entries.push({ invoiceId: invoice.id, invoiceNumber: invoice.number });
  }
  const pdf = deps.merger.merge(pdfs);
  const object = await deps.archive.put(pdf);
  const at = deps.now();
  const actor = `${deps.actor.kind}:${deps.actor.id}`;
  await deps.store.transaction(async (unit) => {
    await unit.indexArchived(object, retainUntil(at, deps.retentionYears), at);
    await unit.recordPaperFallbacks(entries, object.sha256, at, actor);
    await unit.audit.append(
      entries.map((e) => ({
        at,
        actor: deps.actor,
        entity: { type: "invoice" as const, id: e.invoiceId },
        field: "delivery",
        action: "update" as const,
        oldValue: null,
        newValue: { paper: object.sha256, batchSize: entries.length },
        reason: "sent on paper: not delivered by e-mail",
      })),
    );
  });
  return { pdf, sha256: object.sha256, invoices: entries.map((e) => e.invoiceNumber) };
}

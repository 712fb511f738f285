import { mainRecipients } from "../core/customer/main-recipients.ts";
import type { AppErrorCode } from "../core/errors/app-error.ts";
import { buildInvoiceDocument } from "../core/invoice/build-invoice-document.ts";
import { dueDateFor } from "../core/invoice/due-date.ts";
import type { SellerProfile } from "../core/invoice/seller-profile.ts";
import { err, ok, type Result } from "../core/result.ts";
import type { DocumentFinding, DocumentValidator } from "./ports/document-validator.ts";
import type { InvoiceDocumentKind, StoredInvoiceDocument } from "./ports/invoice-document-store.ts";
import type { InvoiceRenderer } from "./ports/invoice-renderer.ts";
import type { MessageArchive } from "./ports/message-archive.ts";
import type { Store } from "./ports/store.ts";
import { renderDocumentPair } from "./render-document-pair.ts";

export interface RenderInvoiceDocumentsDeps {
  readonly store: Pick<
    Store,
    "getInvoice" | "getCustomer" | "listRecipients" | "invoiceDocuments" | "transaction"
  >;
  /** Content-addressed storage of the bytes: storing the same bytes twice stores them once. */
  readonly archive: Pick<MessageArchive, "put">;
  readonly validator: DocumentValidator;
  readonly renderer: InvoiceRenderer;
  /** The issuing company, from configuration. */
  readonly seller: SellerProfile;
  readonly now: () => Date;
}

/** The documents of record of an invoice. */
export interface InvoiceDocuments {
  readonly ubl: StoredInvoiceDocument;
  readonly pdf: StoredInvoiceDocument;
  /** False when the invoice already had its documents: nothing was rendered or stored. */
  readonly created: boolean;
  /** The validator's findings (none of them blocking) when the documents were rendered now; else empty. */
  readonly findings: readonly DocumentFinding[];
}

/** Why an invoice's documents could not be rendered. */
export interface RenderInvoiceDocumentsError {
  /** not-found: no such invoice; invalid-state: a draft; invalid-input: blocking findings or unwritable text. */
  readonly code: Extract<AppErrorCode, "not-found" | "invalid-state" | "invalid-input">;
  readonly message: string;
  /** The findings that stop the invoice, with the rule, place and reason of each. */
  readonly findings: readonly DocumentFinding[];
}

function complete(
  stored: readonly StoredInvoiceDocument[],
): { ubl: StoredInvoiceDocument; pdf: StoredInvoiceDocument } | undefined {
  const ubl = stored.find((d) => d.kind === "ubl");
  const pdf = stored.find((d) => d.kind === "pdf");
  return ubl && pdf ? { ubl, pdf } : undefined;
}

/**
 * The document pipeline of an issued invoice: builds its EN 16931 document (seller from configuration, customer,
 * structured communication, due date from the content or the customer's payment terms), validates it, renders the
 * UBL and the PDF in the customer's language with the UBL attached, stores both bytes in the archive and records
 * them with their SHA-256. Idempotent: an invoice that has its documents keeps them, and rendering again stores
 * nothing; two concurrent renderings record the first.
 */
export async function renderInvoiceDocuments(
  deps: RenderInvoiceDocumentsDeps,
  invoiceNumber: string,
): Promise<Result<InvoiceDocuments, RenderInvoiceDocumentsError>> {
  const invoice = await deps.store.getInvoice(invoiceNumber);
  if (invoice === null) {
    return err({ code: "not-found", message: `no invoice ${invoiceNumber}`, findings: [] });
  }
  if (invoice.status !== "issued" || invoice.number === null) {
    return err({
      code: "invalid-state",
      message: `invoice ${invoiceNumber} is a draft: only an issued invoice has documents`,
      findings: [],
    });
  }
  const existing = complete(await deps.store.invoiceDocuments(invoice.id));
  if (existing) return ok({ ...existing, created: false, findings: [] });
  const customer = await deps.store.getCustomer(invoice.customerNumber);
  if (customer === null) {
    return err({ code: "not-found", message: `no customer ${invoice.customerNumber}`, findings: [] });
  }
  const mailbox = mainRecipients(await deps.store.listRecipients(customer.number))[0];
  const document = buildInvoiceDocument(invoice.content, {
    number: invoice.number,
    seller: deps.seller,
    buyer: customer,
    ...(invoice.structuredCommunication ? { structuredCommunication: invoice.structuredCommunication } : {}),
    dueDate: invoice.content.dueDate ?? dueDateFor(invoice.content.issueDate, customer.paymentTermsDays),
    ...(mailbox ? { buyerEmail: mailbox.email } : {}),
  });
  const rendered = await renderDocumentPair(deps, document, {
    language: customer.language,
    channel: customer.preferredChannel,
  });
  if (!rendered.ok) {
    const { message, blocking } = rendered.error;
    return err({
      code: "invalid-input",
      message: `invoice ${invoiceNumber} cannot be rendered: ${message}`,
      findings: blocking,
    });
  }
  const at = deps.now();
  const store = async (kind: InvoiceDocumentKind, bytes: Buffer): Promise<StoredInvoiceDocument> => {
    const { sha256, size } = await deps.archive.put(bytes);
    return { invoiceId: invoice.id, kind, sha256, size, createdAt: at };
  };
  // Bytes first, rows second: a row never names bytes the archive does not hold.
  const documents = [await store("ubl", rendered.value.ubl), await store("pdf", rendered.value.pdf)];
  const recorded = await deps.store.transaction(async (unit) => {
    const inserted = await unit.saveInvoiceDocuments(documents);
    return { inserted, stored: complete(await unit.invoiceDocuments(invoice.id)) };
  });
  if (!recorded.stored) throw new Error(`the documents of invoice ${invoiceNumber} were not recorded`);
  return ok({ ...recorded.stored, created: recorded.inserted > 0, findings: rendered.value.findings });
}

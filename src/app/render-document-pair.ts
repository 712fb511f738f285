import type { Channel } from "../core/customer/customer.ts";
import type { InvoiceDocument } from "../core/invoice/invoice.ts";
import type { Language } from "../core/language.ts";
import { err, ok, type Result } from "../core/result.ts";
import { blockingFindings } from "./blocking-findings.ts";
import type { DocumentFinding, DocumentValidator } from "./ports/document-validator.ts";
import type { InvoiceRenderer } from "./ports/invoice-renderer.ts";

/** What rendering needs. */
export interface RenderDocumentPairDeps {
  readonly validator: DocumentValidator;
  readonly renderer: InvoiceRenderer;
}

/** How to render: the customer's language and channel (which decides whether Peppol findings block). */
export interface RenderDocumentPairOptions {
  readonly language: Language;
  readonly channel: Channel;
  /** Marks the PDF as a copy. */
  readonly copy?: boolean;
}

/** The UBL and the PDF (with the UBL attached) of one document, and every finding of the validator. */
export interface DocumentPair {
  readonly ubl: Buffer;
  readonly pdf: Buffer;
  /** Every finding, warnings and non-blocking ones included, for the caller to show. */
  readonly findings: readonly DocumentFinding[];
}

/** Why nothing was rendered: blocking findings, or a value UBL cannot carry. */
export interface DocumentPairRefusal {
  readonly code: "blocking-findings" | "unwritable";
  readonly message: string;
  /** Every finding; for `blocking-findings`, `blocking` holds those that stopped it. */
  readonly findings: readonly DocumentFinding[];
  readonly blocking: readonly DocumentFinding[];
}

/**
 * Validates a document and, when nothing blocks it (see {@link blockingFindings}), renders its Peppol BIS UBL and its
 * PDF in `language` with that UBL attached. Nothing is rendered for a document that cannot be issued.
 */
export async function renderDocumentPair(
  deps: RenderDocumentPairDeps,
  document: InvoiceDocument,
  options: RenderDocumentPairOptions,
): Promise<Result<DocumentPair, DocumentPairRefusal>> {
  const findings = deps.validator.validate(document);
  const blocking = blockingFindings(findings, options.channel);
  if (blocking.length > 0) {
    const rules = [...new Set(blocking.map((f) => f.rule))].join(", ");
    return err({
      code: "blocking-findings",
      message: `${document.number ?? "the invoice"} breaks ${rules}`,
      findings,
      blocking,
    });
  }
  const ubl = deps.renderer.ubl(document);
  if (!ubl.ok) return err({ code: "unwritable", message: ubl.message, findings, blocking: [] });
  const pdf = await deps.renderer.pdf(document, {
    language: options.language,
    copy: options.copy ?? false,
    attachUbl: ubl.xml,
  });
  return ok({ ubl: Buffer.from(ubl.xml, "utf8"), pdf, findings });
}

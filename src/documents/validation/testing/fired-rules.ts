import type { InvoiceDocument } from "../../../core/invoice/invoice.ts";
import type { Finding } from "../finding.ts";
import { validateDocument } from "../validate-document.ts";

/** The ids of the rules that fire on a document, sorted and without repeats, for compact assertions. */
export function firedRules(doc: InvoiceDocument): string[] {
  return [...new Set(validateDocument(doc).map((f) => f.rule))].sort();
}

/** The findings of one rule. */
export function findingsOf(doc: InvoiceDocument, rule: string): Finding[] {
  return validateDocument(doc).filter((f) => f.rule === rule);
}

import fc from "fast-check";
import type { InvoiceDocument } from "../../../core/invoice/invoice.ts";
import { arbitraryInvoice } from "./arbitrary-invoice.ts";

/** One generated document, the same on every call for a given seed and shape. */
export function sampleDocument(
  seed: number,
  options: { kind?: "invoice" | "credit-note"; lines?: number; foreign?: boolean } = {},
): InvoiceDocument {
  const { kind, lines, foreign } = options;
  const matching = arbitraryInvoice(lines === undefined ? {} : { minLines: lines, maxLines: lines }).filter(
    ({ document }) =>
      (kind === undefined || document.kind === kind) &&
      (foreign === undefined || (document.taxCurrency !== undefined) === foreign),
  );
  const [sample] = fc.sample(matching, { numRuns: 1, seed });
  if (!sample) throw new Error("no sample generated");
  return sample.document;
}

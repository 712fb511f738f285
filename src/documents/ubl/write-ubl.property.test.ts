import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readUbl } from "./read-ubl.ts";
import { arbitraryInvoice } from "./testing/arbitrary-invoice.ts";
import { comparableDocument } from "./testing/comparable-document.ts";
import { writeUbl } from "./write-ubl.ts";

describe("writeUbl then readUbl on generated invoices", () => {
  it("gives back the document buildInvoiceDocument made, for every VAT category, currency and endpoint", () => {
    fc.assert(
      fc.property(arbitraryInvoice({ maxLines: 20 }), ({ document }) => {
        const written = writeUbl(document);
        if (!written.ok) throw new Error(written.error.message);
        const read = readUbl(written.value);
        if (!read.ok) throw new Error(read.error.message);
        expect(comparableDocument(read.value)).toEqual(comparableDocument(document));
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it("covers every VAT category, both kinds, foreign currencies and both Belgian endpoint schemes", () => {
    const seen = new Set<string>();
    for (const { document } of fc.sample(arbitraryInvoice({ maxLines: 8 }), { numRuns: 400, seed: 42 })) {
      for (const b of document.vatBreakdown) seen.add(`category:${String(b.category)}`);
      seen.add(`kind:${document.kind}`);
      if (document.taxCurrency) seen.add("foreign-currency");
      if (document.allowances.length + document.charges.length > 0) seen.add("document-allowance-charge");
      if (document.lines.some((l) => l.allowances.length + l.charges.length > 0))
        seen.add("line-allowance-charge");
      for (const party of [document.seller, document.buyer])
        seen.add(`endpoint:${String(party.endpoint?.scheme)}`);
    }
    for (const expected of [
      ...["S", "Z", "E", "AE", "K", "G", "O"].map((c) => `category:${c}`),
      "kind:invoice",
      "kind:credit-note",
      "foreign-currency",
      "document-allowance-charge",
      "line-allowance-charge",
      "endpoint:0208",
      "endpoint:9925",
    ]) {
      expect(seen).toContain(expected);
    }
  }, 60_000);
});

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readUbl } from "../ubl/read-ubl.ts";
import { renderInvoicePdf } from "./render-invoice-pdf.ts";
import { pdfText } from "./testing/poppler.ts";

const EXAMPLES = "../shared/corpus/en16931/examples";
const files = readdirSync(EXAMPLES).filter((f) => /\.xml$/i.test(f));

describe("renderInvoicePdf on documents other software wrote", () => {
  it("finds the example documents", () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  // Received documents miss fields facteur always fills, carry other currencies, codes and many decimals.
  it.each(files)("renders %s with its number and total", async (file) => {
    const read = readUbl(readFileSync(`${EXAMPLES}/${file}`));
    if (!read.ok) throw new Error(read.error.message);
    const text = pdfText(await renderInvoicePdf(read.value, { language: "en", copy: true }));
    expect(text).toContain(read.value.number ?? "");
    expect(text.replace(/,/g, "")).toContain(read.value.totals.payable?.toFixed(2) ?? "");
  });
});

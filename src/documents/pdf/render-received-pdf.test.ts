import { describe, expect, it } from "vitest";
import {
  EN16931_CORPUS_PRESENT,
  EN16931_SKIP_NOTE,
  en16931File,
  en16931Folder,
} from "../testing/en16931-corpus.ts";
import { readUbl } from "../ubl/read-ubl.ts";
import { renderInvoicePdf } from "./render-invoice-pdf.ts";
import { pdfText } from "./testing/poppler.ts";

const files = EN16931_CORPUS_PRESENT ? en16931Folder("examples").filter((f) => /\.xml$/i.test(f)) : [];

describe.skipIf(!EN16931_CORPUS_PRESENT)(
  `renderInvoicePdf on documents other software wrote${EN16931_SKIP_NOTE}`,
  () => {
    it("finds the example documents", () => {
      expect(files.length).toBeGreaterThanOrEqual(15);
    });

    // Received documents miss fields facteur always fills, carry other currencies, codes and many decimals.
    it.each(files)("renders %s with its number and total", async (file) => {
      const read = readUbl(en16931File(`examples/${file}`));
      if (!read.ok) throw new Error(read.error.message);
      const text = pdfText(await renderInvoicePdf(read.value, { language: "en", copy: true }));
      expect(text).toContain(read.value.number ?? "");
      expect(text.replace(/,/g, "")).toContain(read.value.totals.payable?.toFixed(2) ?? "");
    });
  },
);

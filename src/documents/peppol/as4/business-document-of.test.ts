import { describe, expect, it } from "vitest";
import { readUbl } from "../../ubl/read-ubl.ts";
import { testInvoiceXml } from "../testing/as4-test-messages.ts";
import { corpusFile, PEPPOL_CORPUS_PRESENT, PEPPOL_SKIP_NOTE } from "../testing/peppol-corpus.ts";
import { businessDocumentOf } from "./business-document-of.ts";

describe("businessDocumentOf", () => {
  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `keeps namespaces the envelope's root declares for the payload (a corpus SBDH with a ubl: prefix)${PEPPOL_SKIP_NOTE}`,
    () => {
      const invoice = businessDocumentOf(corpusFile("sbdh/sbdh-good/good-bis3.xml"));
      if (!invoice.ok) throw new Error(invoice.error);
      expect(invoice.value).toMatch(
        /^<ubl:Invoice [^>]*xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/,
      );
      expect(invoice.value.endsWith("</ubl:Invoice>")).toBe(true);
    },
  );

  it("gives back an invoice the UBL reader reads", () => {
    const sbdh = `<sh:StandardBusinessDocument xmlns:sh="urn:x"><sh:StandardBusinessDocumentHeader/>${testInvoiceXml(2).replace(/^<\?xml[^?]*\?>/, "")}</sh:StandardBusinessDocument>`;
    const invoice = businessDocumentOf(sbdh);
    if (!invoice.ok) throw new Error(invoice.error);
    expect(readUbl(invoice.value).ok).toBe(true);
  });

  it("refuses an SBDH without a business document", () => {
    expect(businessDocumentOf('<a xmlns="urn:x"><StandardBusinessDocumentHeader/></a>').ok).toBe(false);
  });
});

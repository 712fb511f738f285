import { describe, expect, it } from "vitest";
import { BIS_INVOICE_DOCUMENT_TYPE, DOCUMENT_TYPE_SCHEME } from "../../core/peppol/peppol-identifiers.ts";
import { documentTypeOfReference, serviceGroupUrl, serviceMetadataUrl } from "./smp-resource-urls.ts";

const participant = { scheme: "iso6523-actorid-upis", value: "0208:0123456749" };
const documentType = { scheme: DOCUMENT_TYPE_SCHEME, value: BIS_INVOICE_DOCUMENT_TYPE };

describe("SMP resource URLs", () => {
  it("percent-encodes scheme::value of the participant", () => {
    expect(serviceGroupUrl("https://smp.test/base", participant)).toBe(
      "https://smp.test/base/iso6523-actorid-upis%3A%3A0208%3A0123456749",
    );
  });

  it("encodes the document type's colons and # so the whole identifier stays in the path", () => {
    const url = serviceMetadataUrl("https://smp.test", participant, documentType);
    expect(url).toBe(
      "https://smp.test/iso6523-actorid-upis%3A%3A0208%3A0123456749/services/busdox-docid-qns%3A%3Aurn%3Aoasis%3Anames%3Aspecification%3Aubl%3Aschema%3Axsd%3AInvoice-2%3A%3AInvoice%23%23urn%3Acen.eu%3Aen16931%3A2017%23compliant%23urn%3Afdc%3Apeppol.eu%3A2017%3Apoacc%3Abilling%3A3.0%3A%3A2.1",
    );
    expect(new URL(url).hash).toBe("");
  });

  it("reads the document type back from a reference, encoded once or twice", () => {
    const once = serviceMetadataUrl("https://smp.test", participant, documentType);
    expect(documentTypeOfReference(once)).toBe(BIS_INVOICE_DOCUMENT_TYPE);
    const twice = once.replace(/%/g, "%25");
    expect(documentTypeOfReference(twice)).toBe(BIS_INVOICE_DOCUMENT_TYPE);
    expect(documentTypeOfReference("https://smp.test/other")).toBeUndefined();
    expect(documentTypeOfReference("https://smp.test/x/services/other%3A%3Ay")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import {
  BIS_CREDIT_NOTE_DOCUMENT_TYPE,
  BIS_INVOICE_DOCUMENT_TYPE,
  documentTypeParts,
  isParticipantValue,
  MLS_DOCUMENT_TYPE,
} from "./peppol-identifiers.ts";

describe("documentTypeParts", () => {
  it("splits a BIS Billing document type into root namespace, element, customization and version", () => {
    expect(documentTypeParts(BIS_INVOICE_DOCUMENT_TYPE)).toEqual({
      rootNamespace: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
      localName: "Invoice",
      customization: "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0",
      version: "2.1",
    });
    expect(documentTypeParts(BIS_CREDIT_NOTE_DOCUMENT_TYPE)?.localName).toBe("CreditNote");
    expect(documentTypeParts(MLS_DOCUMENT_TYPE)?.customization).toBe("urn:peppol:edec:mls:1.0");
  });

  it("refuses values without the root::element##customization::version shape", () => {
    expect(documentTypeParts("urn:peppol:doctype:pdf+xml##urn:x::D22B")).toBeUndefined();
    expect(documentTypeParts("Invoice")).toBeUndefined();
  });
});

describe("isParticipantValue", () => {
  it("accepts ICD:value in printable ASCII and refuses the rest", () => {
    expect(isParticipantValue("0208:0123456749")).toBe(true);
    expect(isParticipantValue("9958:99000000-peppol10-99")).toBe(true);
    expect(isParticipantValue("test")).toBe(false);
    expect(isParticipantValue("208:0123456749")).toBe(false);
    expect(isParticipantValue("0208:01 23")).toBe(false);
    expect(isParticipantValue(`0208:${"1".repeat(131)}`)).toBe(false);
  });
});

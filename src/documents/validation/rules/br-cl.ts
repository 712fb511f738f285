import { inList } from "../code-lists/code-list.ts";
import { EAS, ICD, MIME_CODES, VATEX } from "../code-lists/identifier-schemes.ts";
import { ISO_3166 } from "../code-lists/iso3166.ts";
import { ISO_4217 } from "../code-lists/iso4217.ts";
import {
  CREDIT_NOTE_TYPE_CODES,
  INVOICE_TYPE_CODES,
  UNCL_2005,
  UNCL_4461,
  UNCL_5189,
  UNCL_5305,
  UNCL_7143,
  UNCL_7161,
} from "../code-lists/uncl.ts";
import { UNCL_1153 } from "../code-lists/uncl1153.ts";
import { UNECE_UNITS } from "../code-lists/unece-units.ts";
import {
  anyAllowanceScope,
  anyChargeScope,
  deliveryLocationScope,
  objectIdentifierScope,
  periodCodeScope,
  taxCategoryScope,
  unitCodeScope,
} from "../element-scopes.ts";
import { endpointScope, legalRegistrationScope, partyIdentifierScope } from "../party-scopes.ts";
import type { Rule } from "../rule.ts";
import { ruleOf } from "../rule.ts";
import {
  addressScope,
  attachmentScope,
  documentScope,
  itemClassificationScope,
  itemStandardIdScope,
  lineScope,
  noteScope,
  paymentMeansScope,
  vatBreakdownScope,
} from "../scopes.ts";
import { normalized } from "../text.ts";
import { noteSubjectIsValid } from "./note-subject.ts";

const rule = ruleOf("BR-CL");

/** EN 16931 BR-CL-01..BR-CL-26: code lists. */
export const brClRules: Rule<unknown>[] = [
  rule(documentScope, {
    id: "BR-CL-01",
    message:
      "The document type code MUST be coded by the invoice and credit note related code lists of UNTDID 1001.",
    at: "cbc:InvoiceTypeCode",
    applies: (doc) => doc.typeCode !== "",
    test: (doc) => inList(doc.kind === "invoice" ? INVOICE_TYPE_CODES : CREDIT_NOTE_TYPE_CODES, doc.typeCode),
  }),
  rule(documentScope, {
    id: "BR-CL-04",
    message: "Invoice currency code MUST be coded using ISO code list 4217 alpha-3",
    at: "cbc:DocumentCurrencyCode",
    applies: (doc) => doc.currency !== undefined,
    test: (doc) => inList(ISO_4217, doc.currency ?? ""),
  }),
  rule(documentScope, {
    id: "BR-CL-05",
    message: "Tax currency code MUST be coded using ISO code list 4217 alpha-3",
    at: "cbc:TaxCurrencyCode",
    applies: (doc) => doc.taxCurrency !== undefined,
    test: (doc) => inList(ISO_4217, doc.taxCurrency ?? ""),
  }),
  rule(periodCodeScope, {
    id: "BR-CL-06",
    message: "Value added tax point date code MUST be coded using a restriction of UNTDID 2005.",
    test: (code) => inList(UNCL_2005, code),
  }),
  rule(objectIdentifierScope, {
    id: "BR-CL-07",
    message:
      "Object identifier identification scheme identifier MUST be coded using a restriction of UNTDID 1153.",
    applies: (id) => id.scheme !== undefined,
    test: (id) => inList(UNCL_1153, id.scheme ?? ""),
  }),
  rule(noteScope, {
    id: "BR-CL-08",
    message: "Invoiced note subject code shall be coded using UNCL4451",
    test: noteSubjectIsValid,
  }),
  rule(partyIdentifierScope, {
    id: "BR-CL-10",
    message:
      "Any identifier identification scheme identifier MUST be coded using one of the ISO 6523 ICD list.",
    at: "@schemeID",
    applies: ({ id }) => id.scheme !== undefined,
    // SEPA (the bank assigned creditor identifier, BT-90) is allowed on the seller and the payee only.
    test: ({ id, role }) =>
      inList(ICD, id.scheme ?? "") || (normalized(id.scheme) === "SEPA" && role !== "buyer"),
  }),
  rule(legalRegistrationScope, {
    id: "BR-CL-11",
    message:
      "Any registration identifier identification scheme identifier MUST be coded using one of the ISO 6523 ICD list.",
    at: "@schemeID",
    applies: ({ id }) => id.scheme !== undefined,
    test: ({ id }) => inList(ICD, id.scheme ?? ""),
  }),
  rule(itemClassificationScope, {
    id: "BR-CL-13",
    message:
      "Item classification identifier identification scheme identifier MUST be coded using one of the UNTDID 7143 list.",
    at: "@listID",
    applies: (id) => id.scheme !== undefined,
    test: (id) => inList(UNCL_7143, id.scheme ?? ""),
  }),
  rule(addressScope, {
    id: "BR-CL-14",
    message: "Country codes in an invoice MUST be coded using ISO code list 3166-1",
    at: "cac:Country/cbc:IdentificationCode",
    applies: (address) => address.country !== undefined,
    test: (address) => inList(ISO_3166, address.country ?? ""),
  }),
  rule(lineScope, {
    id: "BR-CL-15",
    message: "Country codes in an invoice MUST be coded using ISO code list 3166-1",
    at: "cac:Item/cac:OriginCountry/cbc:IdentificationCode",
    applies: (line) => line.item.originCountry !== undefined,
    test: (line) => inList(ISO_3166, line.item.originCountry ?? ""),
  }),
  rule(paymentMeansScope, {
    id: "BR-CL-16",
    message: "Payment means in an invoice MUST be coded using UNCL4461 code list",
    at: "cbc:PaymentMeansCode",
    applies: (means) => means.code !== undefined,
    test: (means) => inList(UNCL_4461, means.code ?? ""),
  }),
  rule(taxCategoryScope, {
    id: "BR-CL-17",
    message: "Invoice tax categories MUST be coded using UNCL5305 code list",
    at: "cbc:ID",
    applies: (node) => node.category !== undefined,
    test: (node) => inList(UNCL_5305, node.category ?? ""),
  }),
  rule(lineScope, {
    id: "BR-CL-18",
    message: "Invoice tax categories MUST be coded using UNCL5305 code list",
    at: "cac:Item/cac:ClassifiedTaxCategory/cbc:ID",
    applies: (line) => line.vat.category !== undefined,
    test: (line) => inList(UNCL_5305, line.vat.category ?? ""),
  }),
  rule(anyAllowanceScope, {
    id: "BR-CL-19",
    message: "Coded allowance reasons MUST belong to the UNCL 5189 code list",
    at: "cbc:AllowanceChargeReasonCode",
    applies: (allowance) => allowance.reasonCode !== undefined,
    test: (allowance) => inList(UNCL_5189, allowance.reasonCode ?? ""),
  }),
  rule(anyChargeScope, {
    id: "BR-CL-20",
    message: "Coded charge reasons MUST belong to the UNCL 7161 code list",
    at: "cbc:AllowanceChargeReasonCode",
    applies: (charge) => charge.reasonCode !== undefined,
    test: (charge) => inList(UNCL_7161, charge.reasonCode ?? ""),
  }),
  rule(itemStandardIdScope, {
    id: "BR-CL-21",
    message: "Item standard identifier scheme identifier MUST belong to the ISO 6523 ICD code list",
    at: "@schemeID",
    applies: (id) => id.scheme !== undefined,
    test: (id) => inList(ICD, id.scheme ?? ""),
  }),
  rule(vatBreakdownScope, {
    id: "BR-CL-22",
    message: "Tax exemption reason code identifier scheme identifier MUST belong to the CEF VATEX code list",
    at: "cac:TaxCategory/cbc:TaxExemptionReasonCode",
    applies: (breakdown) => breakdown.exemptionReasonCode !== undefined,
    test: (breakdown) => inList(VATEX, (breakdown.exemptionReasonCode ?? "").toUpperCase()),
  }),
  rule(unitCodeScope, {
    id: "BR-CL-23",
    message: "Unit code MUST be coded according to the UN/ECE Recommendation 20 with Rec 21 extension",
    test: (unit) => inList(UNECE_UNITS, unit),
  }),
  rule(attachmentScope, {
    id: "BR-CL-24",
    message: "For Mime code in attribute use MIMEMediaType.",
    at: "cac:Attachment/cbc:EmbeddedDocumentBinaryObject/@mimeCode",
    applies: (attachment) => attachment.content !== undefined && attachment.content.mimeCode !== "",
    // Compared as written, without normalisation, as the schematron does.
    test: (attachment) => MIME_CODES.has(attachment.content?.mimeCode ?? ""),
  }),
  rule(endpointScope, {
    id: "BR-CL-25",
    message: "Endpoint identifier scheme identifier MUST belong to the CEF EAS code list",
    at: "@schemeID",
    applies: ({ id }) => id.scheme !== undefined,
    test: ({ id }) => inList(EAS, id.scheme ?? ""),
  }),
  rule(deliveryLocationScope, {
    id: "BR-CL-26",
    message: "Delivery location identifier scheme identifier MUST belong to the ISO 6523 ICD code list",
    at: "@schemeID",
    applies: (id) => id.scheme !== undefined,
    test: (id) => inList(ICD, id.scheme ?? ""),
  }),
];

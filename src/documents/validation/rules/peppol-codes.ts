import { MIME_CODES, PEPPOL_EAS } from "../code-lists/identifier-schemes.ts";
import { UNCL_2005, UNCL_5189, UNCL_7161 } from "../code-lists/uncl.ts";
import {
  anyAllowanceScope,
  anyChargeScope,
  dateScope,
  periodCodeScope,
  taxCategoryScope,
} from "../element-scopes.ts";
import { bothPartiesInGermany, customerCountry, supplierCountry } from "../party-country.ts";
import { endpointScope } from "../party-scopes.ts";
import type { Rule } from "../rule.ts";
import { ruleOf } from "../rule.ts";
import { attachmentScope, documentScope } from "../scopes.ts";
import { normalized } from "../text.ts";
import { peppolProfile } from "./peppol.ts";

const rule = ruleOf("PEPPOL");

const INVOICE_TYPES = new Set(
  "71 80 82 84 102 218 219 326 331 380 382 383 384 386 388 389 393 395 553 575 623 780 817 870 875 876 877".split(
    " ",
  ),
);
const CREDIT_NOTE_TYPES = new Set(["381", "396", "81", "83", "532"]);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The value of the ASCII digit at `i`. */
function digitAt(text: string, i: number): number {
  return text.charCodeAt(i) - 48;
}

/** `string-length(.) = 10 and . castable as xs:date`: a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || !ISO_DATE.test(value)) return false;
  // The digits' values read in place (the expression has checked they are ASCII digits), not three slices parsed:
  // every date of every document goes through here.
  const year =
    digitAt(value, 0) * 1000 + digitAt(value, 1) * 100 + digitAt(value, 2) * 10 + digitAt(value, 3);
  const month = digitAt(value, 5) * 10 + digitAt(value, 6);
  const day = digitAt(value, 8) * 10 + digitAt(value, 9);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

/** P0104..P0111: an exemption reason code that names a VAT category requires that category. */
const EXEMPTION_CATEGORY: readonly [id: string, code: string, category: string][] = [
  ["PEPPOL-EN16931-P0104", "VATEX-EU-G", "G"],
  ["PEPPOL-EN16931-P0105", "VATEX-EU-O", "O"],
  ["PEPPOL-EN16931-P0106", "VATEX-EU-IC", "K"],
  ["PEPPOL-EN16931-P0107", "VATEX-EU-AE", "AE"],
  ["PEPPOL-EN16931-P0108", "VATEX-EU-D", "E"],
  ["PEPPOL-EN16931-P0109", "VATEX-EU-F", "E"],
  ["PEPPOL-EN16931-P0110", "VATEX-EU-I", "E"],
  ["PEPPOL-EN16931-P0111", "VATEX-EU-J", "E"],
];

/** Peppol BIS Billing 3.0 code list, profile and format rules (CL*, P*, F001). */
export const peppolCodeRules: Rule<unknown>[] = [
  rule(attachmentScope, {
    id: "PEPPOL-EN16931-CL001",
    message: "Mime code must be according to subset of IANA code list.",
    at: "cac:Attachment/cbc:EmbeddedDocumentBinaryObject/@mimeCode",
    applies: (attachment) => attachment.content !== undefined && attachment.content.mimeCode !== "",
    test: (attachment) => MIME_CODES.has(attachment.content?.mimeCode ?? ""),
  }),
  rule(anyAllowanceScope, {
    id: "PEPPOL-EN16931-CL002",
    message: "Reason code MUST be according to subset of UNCL 5189 D.16B.",
    at: "cbc:AllowanceChargeReasonCode",
    applies: (allowance) => allowance.reasonCode !== undefined,
    test: (allowance) => UNCL_5189.has(normalized(allowance.reasonCode)),
  }),
  rule(anyChargeScope, {
    id: "PEPPOL-EN16931-CL003",
    message: "Reason code MUST be according to UNCL 7161 D.16B.",
    at: "cbc:AllowanceChargeReasonCode",
    applies: (charge) => charge.reasonCode !== undefined,
    test: (charge) => UNCL_7161.has(normalized(charge.reasonCode)),
  }),
  rule(periodCodeScope, {
    id: "PEPPOL-EN16931-CL006",
    message: "Invoice period description code must be according to UNCL 2005 D.16B.",
    test: (code) => UNCL_2005.has(normalized(code)),
  }),
  rule(endpointScope, {
    id: "PEPPOL-EN16931-CL008",
    message:
      'Electronic address identifier scheme must be from the codelist "Electronic Address Identifier Scheme"',
    at: "@schemeID",
    applies: ({ id }) => id.scheme !== undefined,
    test: ({ id }) => PEPPOL_EAS.has(id.scheme ?? ""),
  }),
  rule(documentScope, {
    id: "PEPPOL-EN16931-P0100",
    message: "Invoice type code MUST be set according to the profile.",
    at: "cbc:InvoiceTypeCode",
    applies: (doc) =>
      doc.kind === "invoice" && doc.typeCode !== "" && peppolProfile(doc.profileId) !== "Unknown",
    test: (doc) => INVOICE_TYPES.has(normalized(doc.typeCode)),
  }),
  rule(documentScope, {
    id: "PEPPOL-EN16931-P0112",
    message:
      "Invoice type code 326, 384 or 389 are only allowed when both buyer and seller are German organizations. Invoice type code 384 is only allowed when both buyer and seller are Slovak organizations.",
    at: "cbc:InvoiceTypeCode",
    applies: (doc) => doc.kind === "invoice" && ["326", "384", "389"].includes(normalized(doc.typeCode)),
    test: (doc) =>
      bothPartiesInGermany(doc) ||
      (normalized(doc.typeCode) === "384" && supplierCountry(doc) === "SK" && customerCountry(doc) === "SK"),
  }),
  rule(documentScope, {
    id: "PEPPOL-EN16931-P0101",
    message: "Credit note type code MUST be set according to the profile.",
    at: "cbc:CreditNoteTypeCode",
    applies: (doc) =>
      doc.kind === "credit-note" && doc.typeCode !== "" && peppolProfile(doc.profileId) !== "Unknown",
    test: (doc) => CREDIT_NOTE_TYPES.has(normalized(doc.typeCode)),
  }),
  rule(dateScope, {
    id: "PEPPOL-EN16931-F001",
    message: "A date MUST be formatted YYYY-MM-DD.",
    test: isIsoDate,
  }),
  ...EXEMPTION_CATEGORY.map(([id, code, category]) =>
    rule(taxCategoryScope, {
      id,
      message: `Tax Category ${category} MUST be used when exemption reason code is ${code}`,
      applies: (node) => (node.exemptionReasonCode ?? "").toUpperCase() === code,
      test: (node) => normalized(node.category) === category,
    }),
  ),
];

import { codeList, inList } from "../code-lists/code-list.ts";
import { ISO_4217 } from "../code-lists/iso4217.ts";
import {
  CAC_NS,
  CBC_NS,
  cacChild,
  cbcChild,
  childrenNamed,
  isCac,
  textOf,
  type XmlNode,
} from "./xml-node.ts";
import { type XmlRule, xmlRuleOf } from "./xml-rule.ts";

const AMOUNTS = [
  "Amount",
  "BaseAmount",
  "PriceAmount",
  "TaxAmount",
  "TaxableAmount",
  "LineExtensionAmount",
  "TaxExclusiveAmount",
  "TaxInclusiveAmount",
  "AllowanceTotalAmount",
  "ChargeTotalAmount",
  "PrepaidAmount",
  "PayableRoundingAmount",
  "PayableAmount",
];

/** Peppol's own ISO 4217 list (PEPPOL-EN16931-CL007), which differs slightly from the CEN one. */
const PEPPOL_ISO_4217 = codeList(`
AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW
CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL
HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA
MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD
RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD
USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XDR XOF XPD XPF XPT XSU XTS XUA YER ZAR ZMW
ZWG XXX CNH XCG
`);

const isRoot = (node: XmlNode) => node.parent === undefined;
const isCbcNode = (node: XmlNode) => node.element.ns === CBC_NS;
const parentIs = (node: XmlNode, name: string) => isCac(node.parent?.element, name);

/** `count(Party/PartyTaxScheme[TaxScheme/upper-case(ID)='VAT']/CompanyID)` of the supplier or customer party. */
function vatIdentifierCount(
  node: XmlNode,
  party: "AccountingSupplierParty" | "AccountingCustomerParty",
): number {
  const schemes = childrenNamed(cacChild(cacChild(node.element, party), "Party"), CAC_NS, "PartyTaxScheme");
  return schemes
    .filter((s) => (cbcChild(cacChild(s, "TaxScheme"), "ID")?.text.toUpperCase() ?? "") === "VAT")
    .reduce((n, s) => n + childrenNamed(s, CBC_NS, "CompanyID").length, 0);
}

const ubl = xmlRuleOf("UBL");
const cen = xmlRuleOf("BR-CL");
const peppol = xmlRuleOf("PEPPOL");

/** Rules the semantic model cannot express, checked on the UBL XML itself. */
export const UBL_SYNTAX_RULES: readonly XmlRule[] = [
  cen({
    id: "BR-CL-03",
    message: "currencyID MUST be coded using ISO code list 4217 alpha-3",
    names: AMOUNTS,
    applies: isCbcNode,
    test: (node) => inList(ISO_4217, node.element.attributes.currencyID ?? ""),
  }),
  ubl({
    id: "UBL-SR-12",
    message: "Seller VAT identifier shall occur maximum once",
    names: ["Invoice", "CreditNote"],
    applies: isRoot,
    test: (node) => vatIdentifierCount(node, "AccountingSupplierParty") <= 1,
  }),
  ubl({
    id: "UBL-SR-18",
    message: "Buyer VAT identifier shall occur maximum once",
    names: ["Invoice", "CreditNote"],
    applies: isRoot,
    test: (node) => vatIdentifierCount(node, "AccountingCustomerParty") <= 1,
  }),
  ubl({
    id: "UBL-SR-42",
    message: "Party tax scheme shall occur maximum twice in accounting supplier party",
    names: ["Party"],
    applies: (node) => isCac(node.element, "Party") && parentIs(node, "AccountingSupplierParty"),
    test: (node) => childrenNamed(node.element, CAC_NS, "PartyTaxScheme").length <= 2,
  }),
  ubl({
    id: "UBL-SR-43",
    message:
      "Scheme identifier shall only be used for invoiced object (document type code with value 130 or 50)",
    names: ["AdditionalDocumentReference"],
    applies: (node) => isCac(node.element, "AdditionalDocumentReference"),
    test: (node, doc) => {
      const types = childrenNamed(node.element, CBC_NS, "DocumentTypeCode").map((c) => c.text);
      if (types.includes("130") || (doc.isCreditNote && types.includes("50"))) return true;
      const id = cbcChild(node.element, "ID");
      return id?.attributes.schemeID === undefined && types.length === 0;
    },
  }),
  peppol({
    id: "PEPPOL-EN16931-R008",
    message: "Document MUST not contain empty elements.",
    names: "any",
    test: (node) => node.element.children.length > 0 || node.element.text.trim() !== "",
  }),
  peppol({
    id: "PEPPOL-EN16931-R051",
    message:
      "All currencyID attributes must have the same value as the invoice currency code (BT-5), except for the invoice total VAT amount in accounting currency (BT-111).",
    names: AMOUNTS,
    // The tax total without subtotals is the one in the VAT accounting currency (BT-111): not checked.
    applies: (node) =>
      isCbcNode(node) &&
      !(
        node.element.name === "TaxAmount" &&
        isCac(node.parent?.element, "TaxTotal") &&
        !cacChild(node.parent?.element, "TaxSubtotal")
      ),
    test: (node, doc) =>
      doc.documentCurrency !== undefined && node.element.attributes.currencyID === doc.documentCurrency,
  }),
  peppol({
    id: "PEPPOL-EN16931-CL007",
    message: "Currency code must be according to ISO 4217:2005",
    names: AMOUNTS,
    applies: isCbcNode,
    test: (node) => PEPPOL_ISO_4217.has(node.element.attributes.currencyID ?? ""),
  }),
  peppol({
    id: "PEPPOL-EN16931-R043",
    message: "Allowance/charge ChargeIndicator value MUST equal 'true' or 'false'",
    names: ["AllowanceCharge"],
    // Document level and line level only: price level allowances have their own rule (R044).
    applies: (node) => {
      const parent = node.parent;
      if (!isCac(node.element, "AllowanceCharge") || !parent) return false;
      return (
        isRoot(parent) || isCac(parent.element, "InvoiceLine") || isCac(parent.element, "CreditNoteLine")
      );
    },
    test: (node) => ["true", "false"].includes(textOf(cbcChild(node.element, "ChargeIndicator"))),
  }),
  peppol({
    id: "PEPPOL-EN16931-R044",
    message: "Charge on price level is NOT allowed. Only value 'false' allowed.",
    names: ["AllowanceCharge"],
    applies: (node) => isCac(node.element, "AllowanceCharge") && parentIs(node, "Price"),
    test: (node) => textOf(cbcChild(node.element, "ChargeIndicator")) === "false",
  }),
  peppol({
    id: "PEPPOL-EN16931-R080",
    message: "Only one project reference is allowed on document level",
    names: ["CreditNote"],
    applies: (node, doc) => isRoot(node) && doc.isCreditNote,
    test: (node) =>
      childrenNamed(node.element, CAC_NS, "AdditionalDocumentReference").filter((r) =>
        childrenNamed(r, CBC_NS, "DocumentTypeCode").some((c) => c.text === "50"),
      ).length <= 1,
  }),
  peppol({
    id: "PEPPOL-EN16931-R100",
    message: "Only one invoiced object is allowed pr line",
    names: ["InvoiceLine", "CreditNoteLine"],
    applies: (node) => node.element.ns === CAC_NS,
    test: (node) => childrenNamed(node.element, CAC_NS, "DocumentReference").length <= 1,
  }),
  peppol({
    id: "PEPPOL-EN16931-R101",
    message: "Element Document reference can only be used for Invoice line object",
    names: ["InvoiceLine", "CreditNoteLine"],
    applies: (node) => node.element.ns === CAC_NS,
    test: (node) => {
      const references = childrenNamed(node.element, CAC_NS, "DocumentReference");
      return (
        references.length === 0 ||
        references.some((r) => childrenNamed(r, CBC_NS, "DocumentTypeCode").some((c) => c.text === "130"))
      );
    },
  }),
];

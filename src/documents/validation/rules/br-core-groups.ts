import { endpointScope } from "../party-scopes.ts";
import type { Rule } from "../rule.ts";
import { ruleOf } from "../rule.ts";
import {
  attachmentScope,
  creditTransferScope,
  documentAllowanceScope,
  documentChargeScope,
  paymentMeansScope,
  precedingInvoiceScope,
  totalsScope,
  vatBreakdownScope,
} from "../scopes.ts";
import { exists, hasText, normalized } from "../text.ts";

const rule = ruleOf("BR");

/** EN 16931 BR-12..BR-15, BR-31..BR-38, BR-45..BR-52, BR-55, BR-61..BR-63: totals, allowances, VAT, payment. */
export const brCoreGroupRules: Rule<unknown>[] = [
  rule(totalsScope, {
    id: "BR-12",
    message: "An Invoice shall have the Sum of Invoice line net amount (BT-106).",
    at: "cbc:LineExtensionAmount",
    test: (totals) => exists(totals.lineNet),
  }),
  rule(totalsScope, {
    id: "BR-13",
    message: "An Invoice shall have the Invoice total amount without VAT (BT-109).",
    at: "cbc:TaxExclusiveAmount",
    test: (totals) => exists(totals.taxExclusive),
  }),
  rule(totalsScope, {
    id: "BR-14",
    message: "An Invoice shall have the Invoice total amount with VAT (BT-112).",
    at: "cbc:TaxInclusiveAmount",
    test: (totals) => exists(totals.taxInclusive),
  }),
  rule(totalsScope, {
    id: "BR-15",
    message: "An Invoice shall have the Amount due for payment (BT-115).",
    at: "cbc:PayableAmount",
    test: (totals) => exists(totals.payable),
  }),
  rule(documentAllowanceScope, {
    id: "BR-31",
    message: "Each Document level allowance (BG-20) shall have a Document level allowance amount (BT-92).",
    at: "cbc:Amount",
    test: (allowance) => exists(allowance.amount),
  }),
  rule(documentAllowanceScope, {
    id: "BR-32",
    message:
      "Each Document level allowance (BG-20) shall have a Document level allowance VAT category code (BT-95).",
    at: "cac:TaxCategory/cbc:ID",
    test: (allowance) => exists(allowance.vatCategory),
  }),
  rule(documentAllowanceScope, {
    id: "BR-33",
    message:
      "Each Document level allowance (BG-20) shall have a Document level allowance reason (BT-97) or a Document level allowance reason code (BT-98).",
    test: (allowance) => exists(allowance.reason) || exists(allowance.reasonCode),
  }),
  rule(documentChargeScope, {
    id: "BR-36",
    message: "Each Document level charge (BG-21) shall have a Document level charge amount (BT-99).",
    at: "cbc:Amount",
    test: (charge) => exists(charge.amount),
  }),
  rule(documentChargeScope, {
    id: "BR-37",
    message:
      "Each Document level charge (BG-21) shall have a Document level charge VAT category code (BT-102).",
    at: "cac:TaxCategory/cbc:ID",
    test: (charge) => exists(charge.vatCategory),
  }),
  rule(documentChargeScope, {
    id: "BR-38",
    message:
      "Each Document level charge (BG-21) shall have a Document level charge reason (BT-104) or a Document level charge reason code (BT-105).",
    test: (charge) => exists(charge.reason) || exists(charge.reasonCode),
  }),
  rule(vatBreakdownScope, {
    id: "BR-45",
    message: "Each VAT breakdown (BG-23) shall have a VAT category taxable amount (BT-116).",
    at: "cbc:TaxableAmount",
    test: (breakdown) => exists(breakdown.taxableAmount),
  }),
  rule(vatBreakdownScope, {
    id: "BR-46",
    message: "Each VAT breakdown (BG-23) shall have a VAT category tax amount (BT-117).",
    at: "cbc:TaxAmount",
    test: (breakdown) => exists(breakdown.taxAmount),
  }),
  rule(vatBreakdownScope, {
    id: "BR-47",
    message: "Each VAT breakdown (BG-23) shall be defined through a VAT category code (BT-118).",
    at: "cac:TaxCategory/cbc:ID",
    test: (breakdown) => exists(breakdown.category),
  }),
  rule(vatBreakdownScope, {
    id: "BR-48",
    message:
      "Each VAT breakdown (BG-23) shall have a VAT category rate (BT-119), except if the Invoice is not subject to VAT.",
    at: "cac:TaxCategory/cbc:Percent",
    test: (breakdown) => exists(breakdown.rate) || normalized(breakdown.category) === "O",
  }),
  rule(paymentMeansScope, {
    id: "BR-49",
    message: "A Payment instruction (BG-16) shall specify the Payment means type code (BT-81).",
    at: "cbc:PaymentMeansCode",
    test: (means) => exists(means.code),
  }),
  rule(creditTransferScope, {
    id: "BR-50",
    message:
      "A Payment account identifier (BT-84) shall be present if Credit transfer (BG-17) information is provided in the Invoice.",
    at: "cbc:ID",
    // The CEN context is PaymentMeans[PaymentMeansCode='30' or '58']/PayeeFinancialAccount, compared unnormalised.
    applies: ({ means }) => means.code === "30" || means.code === "58",
    test: ({ transfer }) => hasText(transfer.account),
  }),
  rule(paymentMeansScope, {
    id: "BR-51",
    severity: "warning",
    message:
      "In accordance with card payments security standards an invoice should never include a full card primary account number (BT-87). At the moment PCI Security Standards Council has defined that the first 6 digits and last 4 digits are the maximum number of digits to be shown.",
    at: "cac:CardAccount/cbc:PrimaryAccountNumberID",
    applies: (means) => means.card?.accountNumber !== undefined,
    test: (means) => normalized(means.card?.accountNumber).length <= 10,
  }),
  rule(attachmentScope, {
    id: "BR-52",
    message:
      "Each Additional supporting document (BG-24) shall contain a Supporting document reference (BT-122).",
    at: "cbc:ID",
    test: (attachment) => hasText(attachment.id),
  }),
  rule(precedingInvoiceScope, {
    id: "BR-55",
    message: "Each Preceding Invoice reference (BG-3) shall contain a Preceding Invoice reference (BT-25).",
    at: "cac:InvoiceDocumentReference/cbc:ID",
    test: (preceding) => hasText(preceding.number),
  }),
  rule(paymentMeansScope, {
    id: "BR-61",
    message:
      "If the Payment means type code (BT-81) means SEPA credit transfer, Local credit transfer or Non-SEPA international credit transfer, the Payment account identifier (BT-84) shall be present.",
    applies: (means) => normalized(means.code) === "30" || normalized(means.code) === "58",
    test: (means) => means.creditTransfers.some((transfer) => exists(transfer.account)),
  }),
  rule(endpointScope, {
    id: "BR-62",
    message: "The Seller electronic address (BT-34) shall have a Scheme identifier.",
    applies: ({ role }) => role === "seller",
    test: ({ id }) => exists(id.scheme),
  }),
  rule(endpointScope, {
    id: "BR-63",
    message: "The Buyer electronic address (BT-49) shall have a Scheme identifier.",
    applies: ({ role }) => role === "buyer",
    test: ({ id }) => exists(id.scheme),
  }),
];

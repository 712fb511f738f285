import type { InvoiceDocument } from "../../../core/invoice/invoice.ts";
import type { Rule } from "../rule.ts";
import { ruleOf } from "../rule.ts";
import { documentScope } from "../scopes.ts";
import type { ValidationContext } from "../validation-context.ts";
import { vatCategoryRules } from "./vat-category-rules.ts";

const rule = ruleOf("BR-IC");
const hasIntraCommunityBreakdown = (_doc: InvoiceDocument, ctx: ValidationContext) =>
  ctx.vat.breakdownsOf("K") > 0;

/** EN 16931 BR-IC-01..BR-IC-12: VAT category K, intra-community supply. */
export const brIcRules: Rule<unknown>[] = [
  ...vatCategoryRules({
    family: "BR-IC",
    code: "K",
    breakdown: "exactly-one",
    // Only a VAT identifier will do here (not BT-32), for the seller and for the buyer.
    identified: (ctx) => ctx.sellerOrRepresentativeVat && ctx.doc.buyer.vatNumber !== undefined,
    rate: "zero",
    amounts: "exact",
    exemption: "required",
    messages: [
      'An Invoice that contains an Invoice line (BG-25), a Document level allowance (BG-20) or a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is "Intra-community supply" shall contain in the VAT breakdown (BG-23) exactly one VAT category code (BT-118) equal with "Intra-community supply".',
      'An Invoice that contains an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is "Intra-community supply" shall contain the Seller VAT Identifier (BT-31) or the Seller tax representative VAT identifier (BT-63) and the Buyer VAT identifier (BT-48).',
      'An Invoice that contains a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is "Intra-community supply" shall contain the Seller VAT Identifier (BT-31) or the Seller tax representative VAT identifier (BT-63) and the Buyer VAT identifier (BT-48).',
      'An Invoice that contains a Document level charge (BG-21) where the Document level charge VAT category code (BT-102) is "Intra-community supply" shall contain the Seller VAT Identifier (BT-31) or the Seller tax representative VAT identifier (BT-63) and the Buyer VAT identifier (BT-48).',
      'In an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is "Intracommunity supply" the Invoiced item VAT rate (BT-152) shall be 0 (zero).',
      'In a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is "Intra-community supply" the Document level allowance VAT rate (BT-96) shall be 0 (zero).',
      'In a Document level charge (BG-21) where the Document level charge VAT category code (BT-102) is "Intra-community supply" the Document level charge VAT rate (BT-103) shall be 0 (zero).',
      'In a VAT breakdown (BG-23) where the VAT category code (BT-118) is "Intra-community supply" the VAT category taxable amount (BT-116) shall equal the sum of Invoice line net amounts (BT-131) minus the sum of Document level allowance amounts (BT-92) plus the sum of Document level charge amounts (BT-99) where the VAT category codes (BT-151, BT-95, BT-102) are "Intra-community supply".',
      'The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) where the VAT category code (BT-118) is "Intra-community supply" shall be 0 (zero).',
      'A VAT breakdown (BG-23) with the VAT Category code (BT-118) "Intra-community supply" shall have a VAT exemption reason code (BT-121), meaning "Intra-community supply" or the VAT exemption reason text (BT-120) "Intra-community supply" (or the equivalent standard text in another language).',
    ],
  }),
  rule(documentScope, {
    id: "BR-IC-11",
    message:
      'In an Invoice with a VAT breakdown (BG-23) where the VAT category code (BT-118) is "Intra-community supply" the Actual delivery date (BT-72) or the Invoicing period (BG-14) shall not be blank.',
    applies: hasIntraCommunityBreakdown,
    // `string-length(ActualDeliveryDate) > 1 or (cac:InvoicePeriod/*)`: a period counts if it has any child.
    test: ({ delivery, invoicingPeriod }) =>
      (delivery?.date ?? "").length > 1 ||
      (invoicingPeriod !== undefined &&
        (invoicingPeriod.start !== undefined ||
          invoicingPeriod.end !== undefined ||
          invoicingPeriod.descriptionCode !== undefined)),
  }),
  rule(documentScope, {
    id: "BR-IC-12",
    message:
      'In an Invoice with a VAT breakdown (BG-23) where the VAT category code (BT-118) is "Intra-community supply" the Deliver to country code (BT-80) shall not be blank.',
    at: "cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/cbc:IdentificationCode",
    applies: hasIntraCommunityBreakdown,
    test: ({ delivery }) => (delivery?.address?.country ?? "").length > 1,
  }),
];

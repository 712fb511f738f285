import type { InvoiceDocument } from "../../../core/invoice/invoice.ts";
import type { Rule } from "../rule.ts";
import { ruleOf } from "../rule.ts";
import { documentScope } from "../scopes.ts";
import type { ValidationContext } from "../validation-context.ts";

const rule = ruleOf("BR-B");

/** Category B (split payment) appears on a line, a document allowance or charge, or in the VAT breakdown. */
function usesSplitPayment(_doc: InvoiceDocument, { vat }: ValidationContext): boolean {
  return (
    vat.lineCategories.has("B") ||
    vat.allowanceCategories.has("B") ||
    vat.chargeCategories.has("B") ||
    vat.breakdownsOf("B") > 0
  );
}

/** EN 16931 BR-B-01 and BR-B-02: VAT category B, Italian split payment. */
export const brBRules: Rule<unknown>[] = [
  rule(documentScope, {
    id: "BR-B-01",
    message:
      "An Invoice where the VAT category code (BT-151, BT-95 or BT-102) is “Split payment” shall be a domestic Italian invoice.",
    applies: usesSplitPayment,
    // `not(//cbc:IdentificationCode != 'IT')`: every country code in the document is IT.
    test: (doc) =>
      [
        doc.seller.address?.country,
        doc.buyer.address?.country,
        doc.taxRepresentative?.address?.country,
        doc.delivery?.address?.country,
        ...doc.lines.map((line) => line.item.originCountry),
      ].every((country) => country === undefined || country === "IT"),
  }),
  rule(documentScope, {
    id: "BR-B-02",
    message:
      'An Invoice that contains an Invoice line (BG-25), a Document level allowance (BG-20) or a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is “Split payment" shall not contain an invoice line (BG-25), a Document level allowance (BG-20) or  a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is “Standard rated”.',
    applies: usesSplitPayment,
    test: (_doc, { vat }) =>
      !vat.lineCategories.has("S") && !vat.allowanceCategories.has("S") && !vat.chargeCategories.has("S"),
  }),
];

import type { InvoiceDocument } from "../../../core/invoice/invoice.ts";
import type { Rule } from "../rule.ts";
import { ruleOf } from "../rule.ts";
import { documentScope } from "../scopes.ts";
import { normalized } from "../text.ts";
import type { ValidationContext } from "../validation-context.ts";
import { vatCategoryRules } from "./vat-category-rules.ts";

const rule = ruleOf("BR-O");
const hasOutOfScopeBreakdown = (_doc: InvoiceDocument, ctx: ValidationContext) =>
  ctx.vat.breakdownsOf("O") > 0;
const notO = (category: string | undefined) => category !== undefined && normalized(category) !== "O";

/** EN 16931 BR-O-01..BR-O-14: VAT category O, services outside the scope of tax. */
export const brORules: Rule<unknown>[] = [
  ...vatCategoryRules({
    family: "BR-O",
    code: "O",
    breakdown: "exactly-one",
    // Inverted: no VAT identifier may be present for the seller, the representative or the buyer.
    identified: (ctx) => !ctx.sellerOrRepresentativeVat && ctx.doc.buyer.vatNumber === undefined,
    rate: "absent",
    amounts: "exact",
    exemption: "required",
    messages: [
      'An Invoice that contains an Invoice line (BG-25), a Document level allowance (BG-20) or a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is "Not subject to VAT" shall contain exactly one VAT breakdown group (BG-23) with the VAT category code (BT-118) equal to "Not subject to VAT".',
      'An Invoice that contains an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is "Not subject to VAT" shall not contain the Seller VAT identifier (BT-31), the Seller tax representative VAT identifier (BT-63) or the Buyer VAT identifier (BT-48).',
      'An Invoice that contains a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is "Not subject to VAT" shall not contain the Seller VAT identifier (BT-31), the Seller tax representative VAT identifier (BT-63) or the Buyer VAT identifier (BT-48).',
      'An Invoice that contains a Document level charge (BG-21) where the Document level charge VAT category code (BT-102) is "Not subject to VAT" shall not contain the Seller VAT identifier (BT-31), the Seller tax representative VAT identifier (BT-63) or the Buyer VAT identifier (BT-48).',
      'An Invoice line (BG-25) where the VAT category code (BT-151) is "Not subject to VAT" shall not contain an Invoiced item VAT rate (BT-152).',
      'A Document level allowance (BG-20) where VAT category code (BT-95) is "Not subject to VAT" shall not contain a Document level allowance VAT rate (BT-96).',
      'A Document level charge (BG-21) where the VAT category code (BT-102) is "Not subject to VAT" shall not contain a Document level charge VAT rate (BT-103).',
      'In a VAT breakdown (BG-23) where the VAT category code (BT-118) is " Not subject to VAT" the VAT category taxable amount (BT-116) shall equal the sum of Invoice line net amounts (BT-131) minus the sum of Document level allowance amounts (BT-92) plus the sum of Document level charge amounts (BT-99) where the VAT category codes (BT-151, BT-95, BT-102) are "Not subject to VAT".',
      'The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) where the VAT category code (BT-118) is "Not subject to VAT" shall be 0 (zero).',
      'A VAT breakdown (BG-23) with VAT Category code (BT-118) " Not subject to VAT" shall have a VAT exemption reason code (BT-121), meaning " Not subject to VAT" or a VAT exemption reason text (BT-120) " Not subject to VAT" (or the equivalent standard text in another language).',
    ],
  }),
  rule(documentScope, {
    id: "BR-O-11",
    message:
      'An Invoice that contains a VAT breakdown group (BG-23) with a VAT category code (BT-118) "Not subject to VAT" shall not contain other VAT breakdown groups (BG-23).',
    applies: hasOutOfScopeBreakdown,
    test: (doc) => !doc.vatBreakdown.some((b) => notO(b.category)),
  }),
  rule(documentScope, {
    id: "BR-O-12",
    message:
      'An Invoice that contains a VAT breakdown group (BG-23) with a VAT category code (BT-118) "Not subject to VAT" shall not contain an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is not "Not subject to VAT".',
    applies: hasOutOfScopeBreakdown,
    test: (doc) => !doc.lines.some((line) => notO(line.vat.category)),
  }),
  rule(documentScope, {
    id: "BR-O-13",
    message:
      'An Invoice that contains a VAT breakdown group (BG-23) with a VAT category code (BT-118) "Not subject to VAT" shall not contain Document level allowances (BG-20) where Document level allowance VAT category code (BT-95) is not "Not subject to VAT".',
    applies: hasOutOfScopeBreakdown,
    test: (doc) => !doc.allowances.some((a) => notO(a.vatCategory)),
  }),
  rule(documentScope, {
    id: "BR-O-14",
    message:
      'An Invoice that contains a VAT breakdown group (BG-23) with a VAT category code (BT-118) "Not subject to VAT" shall not contain Document level charges (BG-21) where Document level charge VAT category code (BT-102) is not "Not subject to VAT".',
    applies: hasOutOfScopeBreakdown,
    test: (doc) => !doc.charges.some((c) => notO(c.vatCategory)),
  }),
];

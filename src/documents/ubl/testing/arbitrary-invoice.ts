import fc from "fast-check";
import { generateOgm } from "../../../core/identifiers/ogm.ts";
import { buildInvoiceDocument, type DocumentContext } from "../../../core/invoice/build-invoice-document.ts";
import type { InvoiceDocument } from "../../../core/invoice/invoice.ts";
import type {
  ContentLine,
  DocumentAllowanceCharge,
  InvoiceContent,
  LineAllowanceCharge,
} from "../../../core/invoice/invoice-content.ts";
import type { VatCategory } from "../../../core/invoice/vat-category.ts";
import { type Decimal, dec } from "../../../core/money/decimal.ts";
import { arbitraryBuyer, arbitrarySeller, arbitraryText, type BuyerKind } from "./arbitrary-parties.ts";

/** A generated invoice: what was given, and the document facteur builds from it. */
export interface GeneratedInvoice {
  readonly content: InvoiceContent;
  readonly context: DocumentContext;
  readonly document: InvoiceDocument;
}

/** Options of {@link arbitraryInvoice}. */
export interface ArbitraryInvoiceOptions {
  /** Most lines per invoice; default 30. */
  readonly maxLines?: number;
  /** Fewest lines per invoice; default 1. */
  readonly minLines?: number;
}

/**
 * VAT situations a Belgian seller invoices in, each with the categories it allows and the buyer it needs, so every
 * generated invoice can satisfy the EN 16931 VAT rules: O excludes every other category and any VAT number
 * (BR-O-02..), AE and K need the buyer's VAT number (BR-AE-02, BR-IC-02), K an invoicing period (BR-IC-11).
 */
const SCENARIOS: readonly { categories: readonly VatCategory[]; buyer: BuyerKind }[] = [
  { categories: ["S", "Z", "E"], buyer: "be" },
  { categories: ["S", "E"], buyer: "be-no-vat" },
  { categories: ["AE", "S"], buyer: "be" },
  { categories: ["K", "S", "E"], buyer: "eu" },
  { categories: ["G", "S"], buyer: "non-eu" },
  { categories: ["O"], buyer: "be-no-vat" },
  { categories: ["S", "Z", "E", "AE", "K", "G"], buyer: "eu" },
];

const EXEMPTION_REASONS: Partial<Record<VatCategory, string>> = {
  E: "Exempt: article 44 of the VAT code",
  AE: "Autoliquidation / Verlegging van heffing",
  K: "Intra-community supply, article 138 of Directive 2006/112/EC",
  G: "Export outside the EU, article 146 of Directive 2006/112/EC",
  O: "Not subject to VAT",
};

/** An exact decimal between min and max with `places` decimals. */
function decimal(min: number, max: number, places: number): fc.Arbitrary<Decimal> {
  const scale = 10 ** places;
  return fc
    .integer({ min: Math.round(min * scale), max: Math.round(max * scale) })
    .map((n) => dec(BigInt(n)).div(scale));
}

function rateOf(category: VatCategory): fc.Arbitrary<Decimal> {
  return category === "S" ? fc.constantFrom(dec("21"), dec("12"), dec("6")) : fc.constant(dec("0"));
}

/** BG-27/28 or BG-20/21 as given: an amount, or a percentage of an explicit base (PEPPOL-EN16931-R041). */
function allowanceCharge(isCharge: boolean): fc.Arbitrary<LineAllowanceCharge> {
  // Reason codes come from UNCL 5189 for allowances and UNCL 7161 for charges (BR-CL-19, BR-CL-20).
  const codes = isCharge ? ["FC", "SAA", "ABL"] : ["95", "100", "41"];
  return fc.oneof(
    fc.record({ amount: decimal(0.01, 50, 2), reason: arbitraryText(20) }),
    fc.record({
      percentage: decimal(1, 20, 2),
      baseAmount: decimal(1, 500, 2),
      reason: arbitraryText(20),
      reasonCode: fc.constantFrom(...codes),
    }),
  );
}

function line(index: number, categories: readonly VatCategory[], withPeriod: Period | undefined) {
  return fc
    .constantFrom(...categories)
    .chain((category) =>
      fc.record({
        name: arbitraryText(),
        description: fc.option(arbitraryText(60), { nil: undefined }),
        sellersItemId: fc.option(arbitraryText(10), { nil: undefined }),
        quantity: decimal(0.001, 500, 3),
        unitCode: fc.constantFrom("C62", "HUR", "KGM", "DAY", "MTR", "LTR", "H87"),
        netPrice: decimal(0, 2000, 4),
        baseQuantity: fc.option(fc.constantFrom(dec("1"), dec("10"), dec("100")), { nil: undefined }),
        vatRate: rateOf(category),
        orderLineReference: fc.option(arbitraryText(10), { nil: undefined }),
        allowances: fc.array(allowanceCharge(false), { maxLength: 2 }),
        charges: fc.array(allowanceCharge(true), { maxLength: 1 }),
        category: fc.constant(category),
      }),
    )
    .map((l): ContentLine => {
      const { category, ...rest } = l;
      return {
        id: String(index + 1),
        ...rest,
        vatCategory: category,
        ...(withPeriod ? { period: withPeriod } : {}),
      };
    });
}

type Period = { readonly start: string; readonly end: string };

function documentAllowances(
  categories: readonly VatCategory[],
  isCharge: boolean,
): fc.Arbitrary<DocumentAllowanceCharge[]> {
  // buildInvoiceDocument keeps the rate of a category-O document allowance, which BR-O-03/04 forbid: none for O.
  if (categories.includes("O")) return fc.constant([]);
  const one = fc
    .tuple(allowanceCharge(isCharge), fc.constantFrom(...categories))
    .chain(([ac, category]) =>
      rateOf(category).map((vatRate) => ({ ...ac, vatCategory: category, vatRate })),
    );
  return fc.array(one, { maxLength: 2 });
}

function isoDate(days: number): string {
  return new Date(Date.UTC(2025, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Invoices and credit notes as facteur issues them, across every VAT category (S, Z, E, AE, K, G, O), with line and
 * document allowances and charges, foreign currencies with VAT accounted in EUR, 0208 and 9925 endpoints, and up to
 * `maxLines` lines: content and context, and the document buildInvoiceDocument makes of them.
 */
export function arbitraryInvoice(options: ArbitraryInvoiceOptions = {}): fc.Arbitrary<GeneratedInvoice> {
  const { maxLines = 30, minLines = 1 } = options;
  return fc
    .record({
      scenario: fc.constantFrom(...SCENARIOS),
      kind: fc.constantFrom("invoice", "credit-note"),
      issueDay: fc.integer({ min: 0, max: 700 }),
      foreign: fc.option(
        fc.record({ currency: fc.constantFrom("USD", "GBP", "SEK", "CHF"), rate: decimal(0.05, 12, 4) }),
        { nil: undefined, freq: 3 },
      ),
      withPeriod: fc.boolean(),
      lineCount: fc.integer({ min: minLines, max: Math.max(minLines, maxLines) }),
    })
    .chain((p) => {
      const needsPeriod = p.scenario.categories.includes("K");
      const period =
        p.withPeriod || needsPeriod
          ? { start: isoDate(p.issueDay - 30), end: isoDate(p.issueDay - 1) }
          : undefined;
      const categories = p.scenario.categories;
      return fc.record({
        params: fc.constant({ ...p, period }),
        lines: fc.tuple(
          ...Array.from({ length: p.lineCount }, (_, i) =>
            line(i, categories, i % 2 === 0 ? period : undefined),
          ),
        ),
        allowances: documentAllowances(categories, false),
        charges: documentAllowances(categories, true),
        note: fc.option(arbitraryText(80), { nil: undefined }),
        buyerReference: fc.option(arbitraryText(20), { nil: undefined }),
        orderReference: fc.option(arbitraryText(20), { nil: undefined }),
        prepaid: fc.option(decimal(0, 100, 2), { nil: undefined }),
        seller: arbitrarySeller(!categories.includes("O")),
        buyer: arbitraryBuyer(p.scenario.buyer),
        number: fc.tuple(fc.constantFrom("F", "INV", "CN/2026"), fc.integer({ min: 1, max: 99_999 })),
        ogmBase: fc.integer({ min: 1, max: 2_000_000_000 }),
        preceding: arbitraryText(15),
      });
    })
    .map((g): GeneratedInvoice => {
      const { params: p } = g;
      const usedCategories = new Set<VatCategory>([
        ...g.lines.map((l) => l.vatCategory),
        ...g.allowances.map((a) => a.vatCategory),
        ...g.charges.map((c) => c.vatCategory),
      ]);
      const exemptionReasons: Partial<Record<VatCategory, string>> = {};
      for (const c of usedCategories) {
        const reason = EXEMPTION_REASONS[c];
        if (reason) exemptionReasons[c] = reason;
      }
      const issueDate = isoDate(p.issueDay);
      const content: InvoiceContent = {
        kind: p.kind,
        issueDate,
        currency: p.foreign?.currency ?? "EUR",
        ...(p.foreign ? { taxCurrency: { code: "EUR", rate: p.foreign.rate } } : {}),
        // PEPPOL-EN16931-R003: a buyer reference or an order reference.
        ...(g.buyerReference || !g.orderReference
          ? { buyerReference: g.buyerReference ?? "PO-UNKNOWN" }
          : {}),
        ...(g.orderReference ? { orderReference: g.orderReference } : {}),
        notes: g.note ? [g.note] : [],
        precedingInvoices:
          p.kind === "credit-note" ? [{ number: g.preceding, issueDate: isoDate(p.issueDay - 40) }] : [],
        ...(p.period ? { invoicingPeriod: p.period } : {}),
        lines: g.lines,
        allowances: g.allowances,
        charges: g.charges,
        ...(g.prepaid ? { prepaid: g.prepaid } : {}),
        exemptionReasons,
      };
      const ogm = generateOgm(String(g.ogmBase));
      const context: DocumentContext = {
        number: `${g.number[0]}-${g.number[1]}`,
        seller: g.seller,
        buyer: g.buyer,
        ...(ogm.ok ? { structuredCommunication: ogm.value } : {}),
        dueDate: isoDate(p.issueDay + 30),
        buyerEmail: "invoices@buyer.example",
      };
      const built = buildInvoiceDocument(content, context);
      // InvoiceContent has no delivery (BG-13), yet BR-IC-12 requires the deliver-to country on an intra-community
      // supply: until the content carries it, the generator adds the buyer's country as facteur would have to.
      const document: InvoiceDocument = usedCategories.has("K")
        ? { ...built, delivery: { address: { country: g.buyer.address.country } } }
        : built;
      return { content, context, document };
    });
}

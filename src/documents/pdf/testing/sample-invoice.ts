import type { Customer } from "../../../core/customer/customer.ts";
import { generateOgm } from "../../../core/identifiers/ogm.ts";
import { buildInvoiceDocument } from "../../../core/invoice/build-invoice-document.ts";
import type { InvoiceDocument } from "../../../core/invoice/invoice.ts";
import type { ContentLine, InvoiceContent } from "../../../core/invoice/invoice-content.ts";
import type { SellerProfile } from "../../../core/invoice/seller-profile.ts";
import { dec } from "../../../core/money/decimal.ts";

/** A Belgian seller whose name and address need accented letters. */
export const SAMPLE_SELLER: SellerProfile = {
  name: "Atelier Céline Dupré SRL",
  enterpriseNumber: "0403170701",
  vatNumber: "BE0403170701",
  peppolId: "0208:0403170701",
  address: { street: "Rue de l'Église 12", city: "Liège", postalCode: "4000", country: "BE" },
  contact: { telephone: "+32 4 123 45 67", email: "facturation@atelier-dupre.be" },
  iban: "BE68539007547034",
  bic: "BBRUBEBB",
};

/** A buyer whose name uses letters outside Latin-1 (ł, ø, ő). */
export const SAMPLE_BUYER: Customer = {
  number: "C-0042",
  legalName: "Brasserie Łukasz Søndergaard & Gőz BV",
  enterpriseNumber: "0417497106",
  vatNumber: "BE0417497106",
  peppolId: "0208:0417497106",
  language: "nl",
  address: {
    street: "Grote Markt 1",
    additionalStreet: null,
    city: "Antwerpen",
    postalCode: "2000",
    countrySubdivision: null,
    country: "BE",
  },
  preferredChannel: "email",
  paymentTermsDays: 30,
};

/** The structured communication of the sample: base 2026000123, check digits computed. */
export const SAMPLE_OGM = (() => {
  const ogm = generateOgm("2026000123");
  if (!ogm.ok) throw new Error(ogm.error.message);
  return ogm.value;
})();

/** A line of `quantity` times `price` at 21 %. */
export function sampleLine(id: string, name: string, quantity: string, price: string): ContentLine {
  return {
    id,
    name,
    quantity: dec(quantity),
    unitCode: "C62",
    netPrice: dec(price),
    vatCategory: "S",
    vatRate: dec("21"),
    allowances: [],
    charges: [],
  };
}

const SAMPLE_LINES: readonly ContentLine[] = [
  {
    ...sampleLine("1", "Conception graphique — identité visuelle", "12.5", "85"),
    unitCode: "HUR",
    description: "Logo, charte et déclinaisons (papeterie, enseigne)",
    sellersItemId: "DES-01",
  },
  {
    ...sampleLine("2", "Impression brochures A5 « Fête de la Bière »", "1500", "0.425"),
    allowances: [{ percentage: dec("10"), reason: "Remise volume" }],
  },
  { ...sampleLine("3", "Livres illustrés (taux réduit)", "20", "18.9"), vatRate: dec("6") },
  {
    ...sampleLine("4", "Formation certifiée « Straße & Ökologie »", "1", "450"),
    vatCategory: "E",
    vatRate: dec("0"),
  },
];

/** The sample invoice's content; `overrides` replace whole fields. */
export function sampleContent(overrides: Partial<InvoiceContent> = {}): InvoiceContent {
  return {
    kind: "invoice",
    issueDate: "2026-03-14",
    dueDate: "2026-04-13",
    currency: "EUR",
    buyerReference: "PO-Łódź-77",
    orderReference: "BC-2026-0815",
    notes: ["Merci pour votre confiance."],
    precedingInvoices: [],
    lines: SAMPLE_LINES,
    allowances: [],
    charges: [],
    prepaid: dec("100"),
    exemptionReasons: { E: "Exonération article 44 du Code de la TVA" },
    ...overrides,
  };
}

/** The sample invoice as facteur builds it, numbered 2026-000123, with its structured communication. */
export function sampleInvoice(overrides: Partial<InvoiceContent> = {}): InvoiceDocument {
  return buildInvoiceDocument(sampleContent(overrides), {
    number: "2026-000123",
    seller: SAMPLE_SELLER,
    buyer: SAMPLE_BUYER,
    structuredCommunication: SAMPLE_OGM,
  });
}

/** An invoice of `count` lines, to exercise page breaks. */
export function manyLineInvoice(count: number): InvoiceDocument {
  const lines = Array.from({ length: count }, (_, i) =>
    sampleLine(String(i + 1), `Article n° ${i + 1} — pièce détachée`, String((i % 7) + 1), "12.34"),
  );
  return sampleInvoice({ lines, exemptionReasons: {} });
}

/**
 * An invoice of `count` lines cycling through four kinds: standard rate, a 10 % line allowance, reduced rate (6 %),
 * exempt (with the sample's reason). Two-decimal prices: @e-invoice-eu/core, compared in bench/documents, refuses more
 * (EN 16931 allows them).
 */
export function mixedLineInvoice(count: number): InvoiceDocument {
  const lines: ContentLine[] = Array.from({ length: count }, (_, i) => {
    const line = sampleLine(
      String(i + 1),
      `Article n° ${i + 1} — pièce détachée`,
      String((i % 7) + 1),
      "12.34",
    );
    if (i % 4 === 1) return { ...line, allowances: [{ percentage: dec("10"), reason: "Remise volume" }] };
    if (i % 4 === 2) return { ...line, vatRate: dec("6") };
    if (i % 4 === 3) return { ...line, vatCategory: "E" as const, vatRate: dec("0") };
    return line;
  });
  return sampleInvoice({ lines });
}

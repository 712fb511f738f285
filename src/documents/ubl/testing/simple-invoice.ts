import type { Customer } from "../../../core/customer/customer.ts";
import { buildInvoiceDocument } from "../../../core/invoice/build-invoice-document.ts";
import type { InvoiceDocument } from "../../../core/invoice/invoice.ts";
import type { ContentLine } from "../../../core/invoice/invoice-content.ts";
import type { SellerProfile } from "../../../core/invoice/seller-profile.ts";
import { dec } from "../../../core/money/decimal.ts";

const SELLER: SellerProfile = {
  name: "Atelier Dupont SRL",
  enterpriseNumber: "0123456749",
  vatNumber: "BE0123456749",
  peppolId: "0208:0123456749",
  address: { street: "Rue de la Loi 16", city: "Bruxelles", postalCode: "1000", country: "BE" },
  iban: "BE68539007547034",
  bic: "BBRUBEBB",
};

const BUYER: Customer = {
  number: "C-1",
  legalName: "Brouwerij Janssens NV",
  enterpriseNumber: "0202239951",
  vatNumber: "BE0202239951",
  peppolId: null,
  language: "nl",
  address: {
    street: "Kerkstraat 1",
    additionalStreet: null,
    city: "Gent",
    postalCode: "9000",
    countrySubdivision: null,
    country: "BE",
  },
  preferredChannel: "peppol",
  paymentTermsDays: 30,
};

/** A plain Belgian invoice with `lineCount` ordinary lines at 21 % VAT, for size and speed tests. */
export function simpleInvoice(lineCount: number): InvoiceDocument {
  const lines: ContentLine[] = Array.from({ length: lineCount }, (_, i) => ({
    id: String(i + 1),
    name: `Consulting, item ${i + 1}`,
    quantity: dec(String((i % 7) + 1)),
    unitCode: "HUR",
    netPrice: dec("87.5"),
    vatCategory: "S",
    vatRate: dec("21"),
    allowances: [],
    charges: [],
  }));
  return buildInvoiceDocument(
    {
      kind: "invoice",
      issueDate: "2026-01-15",
      dueDate: "2026-02-14",
      currency: "EUR",
      buyerReference: "PO-2026-001",
      notes: [],
      precedingInvoices: [],
      lines,
      allowances: [],
      charges: [],
    },
    { number: "F-2026-0001", seller: SELLER, buyer: BUYER, structuredCommunication: "123456789002" },
  );
}

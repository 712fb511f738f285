import { describe, expect, it } from "vitest";
import { defaultSeller } from "../../../test/support/seller.ts";
import type { Customer } from "../customer/customer.ts";
import { dec } from "../money/decimal.ts";
import { buildInvoiceDocument } from "./build-invoice-document.ts";
import type { ContentLine, InvoiceContent } from "./invoice-content.ts";
import type { VatCategory } from "./vat-category.ts";

const seller = defaultSeller();

/** A consumer: no Peppol id, enterprise or VAT number, so the invoice e-mail is the electronic address. */
const consumer: Customer = {
  number: "C1",
  legalName: "Marie Dupont",
  enterpriseNumber: null,
  vatNumber: null,
  peppolId: null,
  language: "fr",
  address: {
    street: "Rue Basse 2",
    additionalStreet: null,
    city: "Namur",
    postalCode: "5000",
    countrySubdivision: null,
    country: "BE",
  },
  preferredChannel: "email",
  paymentTermsDays: 30,
};

function line(id: string, vatCategory: VatCategory, vatRate: string): ContentLine {
  return {
    id,
    name: `Item ${id}`,
    quantity: dec("2"),
    unitCode: "C62",
    netPrice: dec("10.5"),
    vatCategory,
    vatRate: dec(vatRate),
    allowances: [],
    charges: [],
  };
}

function content(lines: readonly ContentLine[]): InvoiceContent {
  return {
    kind: "invoice",
    issueDate: "2026-11-01",
    dueDate: "2026-12-01",
    currency: "EUR",
    notes: [],
    precedingInvoices: [],
    lines,
    allowances: [],
    charges: [],
  };
}

describe("buildInvoiceDocument", () => {
  it("gives each line its own VAT category and rate, whatever the lines before it had", () => {
    const lines = [line("1", "S", "21"), line("2", "S", "21.00"), line("3", "S", "6"), line("4", "Z", "0")];
    const doc = buildInvoiceDocument(content(lines), { number: "F-1", seller, buyer: consumer });
    expect(doc.lines.map((l) => [l.vat.category, l.vat.rate?.toString()])).toEqual([
      ["S", "21"],
      ["S", "21"],
      ["S", "6"],
      ["Z", "0"],
    ]);
    const other = buildInvoiceDocument(content([line("1", "O", "0"), line("2", "S", "21")]), {
      number: "F-2",
      seller,
      buyer: consumer,
    });
    expect(other.lines.map((l) => l.vat)).toEqual([{ category: "O" }, { category: "S", rate: dec("21") }]);
    expect("rate" in (other.lines[0]?.vat ?? {})).toBe(false);
  });

  it("gives a customer's invoices the buyer of the e-mail each was built with", () => {
    const first = buildInvoiceDocument(content([line("1", "S", "21")]), {
      number: "F-1",
      seller,
      buyer: consumer,
      buyerEmail: "marie@example.org",
    });
    const second = buildInvoiceDocument(content([line("1", "S", "21")]), {
      number: "F-2",
      seller,
      buyer: consumer,
      buyerEmail: "factures@example.org",
    });
    const third = buildInvoiceDocument(content([line("1", "S", "21")]), {
      number: "F-3",
      seller,
      buyer: consumer,
    });
    expect(first.buyer.endpoint).toEqual({ scheme: "EM", value: "marie@example.org" });
    expect(second.buyer.endpoint).toEqual({ scheme: "EM", value: "factures@example.org" });
    expect(third.buyer.endpoint).toBeUndefined();
    expect(third.buyer).toEqual({
      name: "Marie Dupont",
      identifiers: [],
      address: { street: "Rue Basse 2", city: "Namur", postalCode: "5000", country: "BE" },
    });
  });

  it("states the optional parts only when the invoice has them", () => {
    const doc = buildInvoiceDocument(
      { ...content([line("1", "S", "21")]), buyerReference: "PO-7" },
      { number: "F-1", seller, buyer: consumer, structuredCommunication: "123456789002" },
    );
    expect(doc.dueDate).toBe("2026-12-01");
    expect(doc.buyerReference).toBe("PO-7");
    expect(doc.paymentMeans[0]?.remittanceInformation).toBe("+++123/4567/89002+++");
    for (const key of ["taxCurrency", "orderReference", "invoicingPeriod", "taxTotalInTaxCurrency"])
      expect(key in doc).toBe(false);
    const plain = buildInvoiceDocument(
      { ...content([line("1", "S", "21")]), dueDate: undefined },
      { number: "F-2", seller, buyer: consumer },
    );
    expect("dueDate" in plain).toBe(false);
    expect("remittanceInformation" in (plain.paymentMeans[0] ?? {})).toBe(false);
  });
});

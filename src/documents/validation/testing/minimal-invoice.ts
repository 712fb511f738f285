import type { InvoiceDocument, InvoiceLine } from "../../../core/invoice/invoice.ts";
import { dec } from "../../../core/money/decimal.ts";

/** One standard-rated line: 2 x 50.00 at 21 %. */
export function minimalLine(overrides: Partial<InvoiceLine> = {}): InvoiceLine {
  return {
    id: "1",
    quantity: dec("2"),
    unitCode: "C62",
    netAmount: dec("100.00"),
    allowances: [],
    charges: [],
    price: { netPrice: dec("50.00") },
    vat: { category: "S", rate: dec("21") },
    item: { name: "Consulting", classifications: [], attributes: [] },
    ...overrides,
  };
}

/**
 * A hand-built Peppol BIS 3.0 invoice from a Belgian seller to a Belgian buyer that passes every implemented rule:
 * the base tests change one field at a time and expect exactly the rule about that field to fire.
 */
export function minimalInvoice(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return {
    typeCode: "380",
    kind: "invoice",
    customizationId: "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0",
    profileId: "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0",
    number: "F2026-0001",
    issueDate: "2026-01-15",
    dueDate: "2026-02-14",
    currency: "EUR",
    buyerReference: "PO-77",
    notes: [],
    precedingInvoices: [],
    seller: {
      name: "Atelier Dupont SRL",
      identifiers: [],
      legalRegistration: { value: "0403170701", scheme: "0208" },
      vatNumber: "BE0403170701",
      endpoint: { value: "0403170701", scheme: "0208" },
      address: { street: "Rue Haute 1", city: "Bruxelles", postalCode: "1000", country: "BE" },
    },
    buyer: {
      name: "Bakkerij Peeters BV",
      identifiers: [],
      vatNumber: "BE0203201340",
      endpoint: { value: "0203201340", scheme: "0208" },
      address: { street: "Meir 10", city: "Antwerpen", postalCode: "2000", country: "BE" },
    },
    paymentMeans: [
      {
        code: "30",
        remittanceInformation: "+++090/9337/55493+++",
        creditTransfers: [{ account: "BE68539007547034" }],
      },
    ],
    allowances: [],
    charges: [],
    totals: {
      lineNet: dec("100.00"),
      taxExclusive: dec("100.00"),
      tax: dec("21.00"),
      taxInclusive: dec("121.00"),
      payable: dec("121.00"),
    },
    vatBreakdown: [{ taxableAmount: dec("100.00"), taxAmount: dec("21.00"), category: "S", rate: dec("21") }],
    attachments: [],
    lines: [minimalLine()],
    ...overrides,
  };
}

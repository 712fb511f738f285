import type {
  Identifier,
  InvoiceDocument,
  InvoiceLine,
  Party,
  Payee,
  PaymentMeans,
} from "../../core/invoice/invoice.ts";
import { readAllowancesAndCharges } from "./read-allowance-charge.ts";
import { readInvoiceLine } from "./read-invoice-line.ts";
import { readParty, readPayee, readTaxRepresentative } from "./read-party.ts";
import { readPaymentMeans } from "./read-payment-means.ts";
import { readAttachment, readDelivery, readPeriod, readPrecedingInvoices } from "./read-references.ts";
import { readTaxTotals } from "./read-tax-totals.ts";
import { cac, cacs, cbc, cbcText, cbcTexts, identifierOf } from "./ubl-access.ts";
import { CAC_NS } from "./ubl-namespaces.ts";
import type { XmlElement } from "./xml-element.ts";

/** DocumentTypeCode of an AdditionalDocumentReference that carries BT-18 (invoiced object) rather than BG-24. */
const INVOICED_OBJECT = "130";
/** DocumentTypeCode that carries BT-11 (project reference) in a credit note, which has no ProjectReference. */
const PROJECT = "50";

/**
 * BT-90 (bank assigned creditor identifier) is written as a party identifier with scheme SEPA, on the payee when
 * there is one, else on the seller; when the document has a direct debit, move it from the party to the mandate.
 */
function attachCreditorId(
  seller: Party,
  payee: Payee | undefined,
  means: PaymentMeans[],
): { seller: Party; payee: Payee | undefined; means: PaymentMeans[] } {
  if (!means.some((m) => m.directDebit)) return { seller, payee, means };
  const isSepa = (id: Identifier | undefined) => id?.scheme === "SEPA";
  const fromPayee = isSepa(payee?.identifier) ? payee?.identifier : undefined;
  const creditor = fromPayee ?? seller.identifiers.find(isSepa);
  if (!creditor) return { seller, payee, means };
  return {
    seller: fromPayee ? seller : { ...seller, identifiers: seller.identifiers.filter((i) => i !== creditor) },
    payee: fromPayee && payee ? { ...payee, identifier: undefined } : payee,
    means: means.map((m) =>
      m.directDebit ? { ...m, directDebit: { ...m.directDebit, creditorId: creditor.value } } : m,
    ),
  };
}

/**
 * BG-25 from every cac:InvoiceLine and cac:CreditNoteLine in document order, whatever the root: the schema allows
 * only its own kind, but the schematron's line rules select both, so a misplaced line is still checked.
 */
function readLines(root: XmlElement): InvoiceLine[] {
  const lines: InvoiceLine[] = [];
  for (const child of root.children) {
    if (child.ns !== CAC_NS) continue;
    if (child.name === "InvoiceLine") lines.push(readInvoiceLine(child, "InvoicedQuantity"));
    else if (child.name === "CreditNoteLine") lines.push(readInvoiceLine(child, "CreditedQuantity"));
  }
  return lines;
}

/** Maps a UBL Invoice or CreditNote root element to the EN 16931 model, leniently: absent elements stay undefined. */
export function mapUblDocument(root: XmlElement, kind: "invoice" | "credit-note"): InvoiceDocument {
  const isInvoice = kind === "invoice";
  const currency = cbcText(root, "DocumentCurrencyCode");
  const taxCurrency = cbcText(root, "TaxCurrencyCode");
  const periodElement = cac(root, "InvoicePeriod");
  const invoicingPeriod = periodElement ? readPeriod(periodElement) : undefined;
  const orderReference = cac(root, "OrderReference");
  const orderId = cbcText(orderReference, "ID");
  const salesOrderId = cbcText(orderReference, "SalesOrderID");
  const paymentMeansElements = cacs(root, "PaymentMeans");
  const references = cacs(root, "AdditionalDocumentReference");
  const typeOf = (r: XmlElement) => cbcText(r, "DocumentTypeCode");
  const projectReference = isInvoice
    ? cbcText(cac(root, "ProjectReference"), "ID")
    : cbcText(
        references.find((r) => typeOf(r) === PROJECT),
        "ID",
      );
  const { allowances, charges } = readAllowancesAndCharges(cacs(root, "AllowanceCharge"), true);
  const tax = readTaxTotals(root, currency, taxCurrency);
  const parties = attachCreditorId(
    readParty(cac(cac(root, "AccountingSupplierParty"), "Party")),
    readPayee(cac(root, "PayeeParty")),
    paymentMeansElements.map(readPaymentMeans),
  );
  return {
    typeCode: cbcText(root, isInvoice ? "InvoiceTypeCode" : "CreditNoteTypeCode") ?? "",
    kind,
    customizationId: cbcText(root, "CustomizationID"),
    profileId: cbcText(root, "ProfileID"),
    number: cbcText(root, "ID"),
    issueDate: cbcText(root, "IssueDate"),
    // A UBL 2.1 CreditNote has no DueDate: Peppol puts BT-9 in PaymentMeans/PaymentDueDate.
    dueDate:
      cbcText(root, "DueDate") ??
      (isInvoice ? undefined : paymentMeansElements.map((m) => cbcText(m, "PaymentDueDate")).find(Boolean)),
    taxPointDate: cbcText(root, "TaxPointDate"),
    taxPointDateCode: invoicingPeriod?.descriptionCode,
    currency,
    taxCurrency,
    accountingCost: cbcText(root, "AccountingCost"),
    buyerReference: cbcText(root, "BuyerReference"),
    projectReference,
    contractReference: cbcText(cac(root, "ContractDocumentReference"), "ID"),
    // Peppol writes ID "NA" when only a sales order reference (BT-14) exists, since UBL requires the ID.
    orderReference: orderId === "NA" && salesOrderId !== undefined ? undefined : orderId,
    salesOrderReference: salesOrderId,
    receivingAdviceReference: cbcText(cac(root, "ReceiptDocumentReference"), "ID"),
    despatchAdviceReference: cbcText(cac(root, "DespatchDocumentReference"), "ID"),
    tenderReference: cbcText(cac(root, "OriginatorDocumentReference"), "ID"),
    invoicedObject: identifierOf(
      cbc(
        references.find((r) => typeOf(r) === INVOICED_OBJECT),
        "ID",
      ),
    ),
    paymentTerms: cbcText(cac(root, "PaymentTerms"), "Note"),
    notes: cbcTexts(root, "Note"),
    precedingInvoices: readPrecedingInvoices(root),
    invoicingPeriod,
    seller: parties.seller,
    buyer: readParty(cac(cac(root, "AccountingCustomerParty"), "Party")),
    payee: parties.payee,
    taxRepresentative: readTaxRepresentative(cac(root, "TaxRepresentativeParty")),
    delivery: readDelivery(cac(root, "Delivery")),
    paymentMeans: parties.means,
    allowances,
    charges,
    totals: tax.totals,
    vatBreakdown: tax.vatBreakdown,
    taxTotalInTaxCurrency: tax.taxTotalInTaxCurrency,
    attachments: references
      .filter((r) => {
        const type = typeOf(r);
        return type !== INVOICED_OBJECT && (isInvoice || type !== PROJECT);
      })
      .map(readAttachment),
    lines: readLines(root),
  };
}

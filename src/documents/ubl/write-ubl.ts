import type { Identifier, InvoiceDocument } from "../../core/invoice/invoice.ts";
import { err, ok, type Result } from "../../core/result.ts";
import type { UblWriteError } from "./ubl-write-error.ts";
import { writeDocumentReferences } from "./write-document-references.ts";
import { writeInvoiceLine } from "./write-invoice-line.ts";
import {
  writeAddress,
  writeIdentifier,
  writeParty,
  writePayee,
  writeTaxRepresentative,
} from "./write-party.ts";
import { writePaymentMeans } from "./write-payment-means.ts";
import { writeAllowanceCharge, writeTotals } from "./write-totals.ts";
import { UnwritableCharacterError, XmlBuilder } from "./xml-builder.ts";

const ROOT_ATTRIBUTES =
  ' xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"' +
  ' xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"';

/** Where BT-90 goes: on the payee when it has no identifier of its own, else on the seller (scheme SEPA). */
function creditorPlacement(doc: InvoiceDocument): { seller: Identifier[]; payee: Identifier | undefined } {
  const creditorId = doc.paymentMeans.find((m) => m.directDebit?.creditorId)?.directDebit?.creditorId;
  const creditor = creditorId ? { value: creditorId, scheme: "SEPA" } : undefined;
  if (doc.payee && !doc.payee.identifier) return { seller: [], payee: creditor };
  return { seller: creditor ? [creditor] : [], payee: doc.payee?.identifier };
}

function writeHeader(b: XmlBuilder, doc: InvoiceDocument, isInvoice: boolean): void {
  b.leaf("cbc:CustomizationID", doc.customizationId, "customizationId")
    .leaf("cbc:ProfileID", doc.profileId, "profileId")
    .leaf("cbc:ID", doc.number, "number")
    .leaf("cbc:IssueDate", doc.issueDate, "issueDate");
  if (isInvoice)
    b.leaf("cbc:DueDate", doc.dueDate, "dueDate").leaf("cbc:InvoiceTypeCode", doc.typeCode, "typeCode");
  else
    b.leaf("cbc:TaxPointDate", doc.taxPointDate, "taxPointDate").leaf(
      "cbc:CreditNoteTypeCode",
      doc.typeCode,
      "typeCode",
    );
  for (const note of doc.notes) b.leaf("cbc:Note", note, "notes");
  if (isInvoice) b.leaf("cbc:TaxPointDate", doc.taxPointDate, "taxPointDate");
  b.leaf("cbc:DocumentCurrencyCode", doc.currency, "currency")
    .leaf("cbc:TaxCurrencyCode", doc.taxCurrency, "taxCurrency")
    .leaf("cbc:AccountingCost", doc.accountingCost, "accountingCost")
    .leaf("cbc:BuyerReference", doc.buyerReference, "buyerReference");
  const period = doc.invoicingPeriod;
  const descriptionCode = period?.descriptionCode ?? doc.taxPointDateCode;
  if (period || descriptionCode) {
    b.open("cac:InvoicePeriod")
      .leaf("cbc:StartDate", period?.start, "invoicingPeriod.start")
      .leaf("cbc:EndDate", period?.end, "invoicingPeriod.end")
      .leaf("cbc:DescriptionCode", descriptionCode, "invoicingPeriod.descriptionCode")
      .close("cac:InvoicePeriod");
  }
}

function writeParties(b: XmlBuilder, doc: InvoiceDocument, isInvoice: boolean, currencyId: string): void {
  const creditor = creditorPlacement(doc);
  b.section = "seller";
  writeParty(b, "cac:AccountingSupplierParty", doc.seller, creditor.seller);
  b.section = "buyer";
  writeParty(b, "cac:AccountingCustomerParty", doc.buyer);
  b.section = "payee";
  if (doc.payee) writePayee(b, doc.payee, creditor.payee);
  b.section = "taxRepresentative";
  if (doc.taxRepresentative) writeTaxRepresentative(b, doc.taxRepresentative);
  const delivery = doc.delivery;
  if (delivery) {
    b.section = "delivery";
    b.open("cac:Delivery").leaf("cbc:ActualDeliveryDate", delivery.date, "date");
    if (delivery.locationId || delivery.address) {
      b.open("cac:DeliveryLocation");
      writeIdentifier(b, "cbc:ID", delivery.locationId, "locationId");
      writeAddress(b, "cac:Address", delivery.address, "address");
      b.close("cac:DeliveryLocation");
    }
    if (delivery.name) {
      b.open("cac:DeliveryParty")
        .open("cac:PartyName")
        .leaf("cbc:Name", delivery.name, "name")
        .close("cac:PartyName")
        .close("cac:DeliveryParty");
    }
    b.close("cac:Delivery");
  }
  doc.paymentMeans.forEach((means, i) => {
    b.section = `paymentMeans[${i}]`;
    writePaymentMeans(b, means, !isInvoice && i === 0 ? doc.dueDate : undefined);
  });
  b.section = "";
  if (doc.paymentTerms) {
    b.open("cac:PaymentTerms").leaf("cbc:Note", doc.paymentTerms, "paymentTerms").close("cac:PaymentTerms");
  }
  doc.allowances.forEach((a, i) => {
    b.section = `allowances[${i}]`;
    writeAllowanceCharge(b, a, false, currencyId, true);
  });
  doc.charges.forEach((c, i) => {
    b.section = `charges[${i}]`;
    writeAllowanceCharge(b, c, true, currencyId, true);
  });
  b.section = "";
}

/**
 * Writes an EN 16931 document as a Peppol BIS Billing 3.0 UBL 2.1 Invoice (or CreditNote for kind credit-note),
 * elements in the order the UBL 2.1 schema sequences require, every amount with its currencyID (two decimals, or the
 * document's own when it has more), quantities and prices exact. Deterministic: the same document gives the same
 * bytes. Fails, as a value naming the field, when a text holds a character XML 1.0 cannot carry.
 */
export function writeUbl(doc: InvoiceDocument): Result<string, UblWriteError> {
  const isInvoice = doc.kind === "invoice";
  const root = isInvoice ? "Invoice" : "CreditNote";
  const b = new XmlBuilder();
  try {
    const currencyId = b.attr("currencyID", doc.currency, "currency");
    const taxCurrencyId = b.attr("currencyID", doc.taxCurrency, "taxCurrency");
    b.raw('<?xml version="1.0" encoding="UTF-8"?>');
    b.open(root, ` xmlns="urn:oasis:names:specification:ubl:schema:xsd:${root}-2"${ROOT_ATTRIBUTES}`);
    writeHeader(b, doc, isInvoice);
    writeDocumentReferences(b, doc, isInvoice);
    writeParties(b, doc, isInvoice, currencyId);
    writeTotals(b, doc, currencyId, taxCurrencyId);
    doc.lines.forEach((line, i) => {
      b.section = `lines[${i}]`;
      writeInvoiceLine(b, line, isInvoice, currencyId);
    });
    b.section = "";
    return ok(`${b.close(root).toString()}\n`);
  } catch (e) {
    if (!(e instanceof UnwritableCharacterError)) throw e;
    return err({ code: "invalid-character", field: e.field, message: e.message });
  }
}

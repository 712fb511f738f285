import type { Rule } from "../rule.ts";
import { ruleOf } from "../rule.ts";
import {
  buyerAddressScope,
  deliveryAddressScope,
  documentScope,
  payeeScope,
  sellerAddressScope,
  taxRepresentativeAddressScope,
  taxRepresentativeScope,
} from "../scopes.ts";
import { exists, hasText } from "../text.ts";

const rule = ruleOf("BR");

/** EN 16931 BR-01..BR-20, BR-53, BR-56, BR-57, BR-66, BR-67: document level and party groups. */
export const brCoreDocumentRules: Rule<unknown>[] = [
  rule(documentScope, {
    id: "BR-01",
    message: "An Invoice shall have a Specification identifier (BT-24).",
    at: "cbc:CustomizationID",
    test: (doc) => hasText(doc.customizationId),
  }),
  rule(documentScope, {
    id: "BR-02",
    message: "An Invoice shall have an Invoice number (BT-1).",
    at: "cbc:ID",
    test: (doc) => hasText(doc.number),
  }),
  rule(documentScope, {
    id: "BR-03",
    message: "An Invoice shall have an Invoice issue date (BT-2).",
    at: "cbc:IssueDate",
    test: (doc) => hasText(doc.issueDate),
  }),
  rule(documentScope, {
    id: "BR-04",
    message: "An Invoice shall have an Invoice type code (BT-3).",
    test: (doc) => hasText(doc.typeCode),
  }),
  rule(documentScope, {
    id: "BR-05",
    message: "An Invoice shall have an Invoice currency code (BT-5).",
    at: "cbc:DocumentCurrencyCode",
    test: (doc) => hasText(doc.currency),
  }),
  rule(documentScope, {
    id: "BR-06",
    message: "An Invoice shall contain the Seller name (BT-27).",
    at: "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName",
    test: (doc) => hasText(doc.seller.name),
  }),
  rule(documentScope, {
    id: "BR-07",
    message: "An Invoice shall contain the Buyer name (BT-44).",
    at: "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName",
    test: (doc) => hasText(doc.buyer.name),
  }),
  rule(documentScope, {
    id: "BR-08",
    message: "An Invoice shall contain the Seller postal address.",
    at: "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress",
    test: (doc) => exists(doc.seller.address),
  }),
  rule(sellerAddressScope, {
    id: "BR-09",
    message: "The Seller postal address (BG-5) shall contain a Seller country code (BT-40).",
    at: "cac:Country/cbc:IdentificationCode",
    test: (address) => hasText(address.country),
  }),
  rule(documentScope, {
    id: "BR-10",
    message: "An Invoice shall contain the Buyer postal address (BG-8).",
    at: "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress",
    test: (doc) => exists(doc.buyer.address),
  }),
  rule(buyerAddressScope, {
    id: "BR-11",
    message: "The Buyer postal address shall contain a Buyer country code (BT-55).",
    at: "cac:Country/cbc:IdentificationCode",
    test: (address) => hasText(address.country),
  }),
  rule(documentScope, {
    id: "BR-16",
    message: "An Invoice shall have at least one Invoice line (BG-25)",
    test: (doc) => doc.lines.length > 0,
  }),
  rule(payeeScope, {
    id: "BR-17",
    message:
      "The Payee name (BT-59) shall be provided in the Invoice, if the Payee (BG-10) is different from the Seller (BG-4)",
    at: "cac:PartyName/cbc:Name",
    // The schematron also fails a payee whose name or identifier repeats the seller's: such a payee is the seller.
    test: (payee, ctx) =>
      payee.name !== undefined &&
      payee.name !== ctx.doc.seller.tradingName &&
      !ctx.doc.seller.identifiers.some((id) => id.value === payee.identifier?.value),
  }),
  rule(taxRepresentativeScope, {
    id: "BR-18",
    message:
      "The Seller tax representative name (BT-62) shall be provided in the Invoice, if the Seller (BG-4) has a Seller tax representative party (BG-11)",
    at: "cac:PartyName/cbc:Name",
    test: (representative) => hasText(representative.name),
  }),
  rule(taxRepresentativeScope, {
    id: "BR-19",
    message:
      "The Seller tax representative postal address (BG-12) shall be provided in the Invoice, if the Seller (BG-4) has a Seller tax representative party (BG-11).",
    at: "cac:PostalAddress",
    test: (representative) => exists(representative.address),
  }),
  rule(taxRepresentativeAddressScope, {
    id: "BR-20",
    message:
      "The Seller tax representative postal address (BG-12) shall contain a Tax representative country code (BT-69), if the Seller (BG-4) has a Seller tax representative party (BG-11).",
    at: "cac:Country/cbc:IdentificationCode",
    test: (address) => hasText(address.country),
  }),
  rule(documentScope, {
    id: "BR-53",
    message:
      "If the VAT accounting currency code (BT-6) is present, then the Invoice total VAT amount in accounting currency (BT-111) shall be provided.",
    at: "cbc:TaxCurrencyCode",
    test: (doc) =>
      doc.taxCurrency === undefined ||
      doc.taxTotalInTaxCurrency !== undefined ||
      (doc.taxCurrency === doc.currency && doc.totals.tax !== undefined),
  }),
  rule(taxRepresentativeScope, {
    id: "BR-56",
    message:
      "Each Seller tax representative party (BG-11) shall have a Seller tax representative VAT identifier (BT-63).",
    at: "cac:PartyTaxScheme/cbc:CompanyID",
    test: (representative) => exists(representative.vatNumber),
  }),
  rule(deliveryAddressScope, {
    id: "BR-57",
    message: "Each Deliver to address (BG-15) shall contain a Deliver to country code (BT-80).",
    at: "cac:Country/cbc:IdentificationCode",
    test: (address) => exists(address.country),
  }),
  rule(documentScope, {
    id: "BR-66",
    message: "An Invoice shall contain maximum one Payment Card account (BG-18).",
    test: (doc) => doc.paymentMeans.filter((means) => means.card !== undefined).length <= 1,
  }),
  rule(documentScope, {
    id: "BR-67",
    message: "An Invoice shall contain maximum one Payment Mandate (BG-19).",
    // BT-89 and BT-91 live in cac:PaymentMandate; BT-90 (creditor id) does not, so it does not count.
    test: (doc) =>
      doc.paymentMeans.filter(
        (m) => m.directDebit?.mandateId !== undefined || m.directDebit?.debitedAccount !== undefined,
      ).length <= 1,
  }),
];

import type {
  Address,
  AllowanceCharge,
  Attachment,
  CreditTransfer,
  Identifier,
  InvoiceDocument,
  InvoiceLine,
  Party,
  Payee,
  PaymentMeans,
  Period,
  PrecedingInvoice,
  TaxRepresentative,
  Totals,
  VatBreakdown,
} from "../../core/invoice/invoice.ts";
import { fixed, type Locate, nth, type Scope, scope, visitList, visitNested } from "./scope.ts";

export const ALLOWANCE = "cac:AllowanceCharge[cbc:ChargeIndicator=false()]";
export const CHARGE = "cac:AllowanceCharge[cbc:ChargeIndicator=true()]";
export const SELLER = "/cac:AccountingSupplierParty/cac:Party";
export const BUYER = "/cac:AccountingCustomerParty/cac:Party";

/** Location of the i-th line. */
export const lineAt: Locate = (ctx, i) => `${ctx.root}/${ctx.lineElement}${nth(i)}`;
const linePeriodAt: Locate = (ctx, i) => `${lineAt(ctx, i, 0)}/cac:InvoicePeriod`;
/** Location of the i-th document level allowance. */
export const documentAllowanceAt: Locate = (ctx, i) => `${ctx.root}/${ALLOWANCE}${nth(i)}`;
/** Location of the i-th document level charge. */
export const documentChargeAt: Locate = (ctx, i) => `${ctx.root}/${CHARGE}${nth(i)}`;
/** Location of the j-th allowance of the i-th line. */
export const lineAllowanceAt: Locate = (ctx, i, j) => `${lineAt(ctx, i, 0)}/${ALLOWANCE}${nth(j)}`;
/** Location of the j-th charge of the i-th line. */
export const lineChargeAt: Locate = (ctx, i, j) => `${lineAt(ctx, i, 0)}/${CHARGE}${nth(j)}`;
/** Location of the i-th VAT breakdown. */
export const vatBreakdownAt: Locate = (ctx, i) => `${ctx.root}/cac:TaxTotal/cac:TaxSubtotal${nth(i)}`;

// Locations of single elements, built once: a closure per visit was garbage on every validation.
const ROOT = fixed("");
const TOTALS_AT = fixed("/cac:LegalMonetaryTotal");
const SELLER_AT = fixed(SELLER);
const BUYER_AT = fixed(BUYER);
const SELLER_ADDRESS_AT = fixed(`${SELLER}/cac:PostalAddress`);
const BUYER_ADDRESS_AT = fixed(`${BUYER}/cac:PostalAddress`);
const PAYEE_AT = fixed("/cac:PayeeParty");
const TAX_REPRESENTATIVE_AT = fixed("/cac:TaxRepresentativeParty");
const TAX_REPRESENTATIVE_ADDRESS_AT = fixed("/cac:TaxRepresentativeParty/cac:PostalAddress");
const DELIVERY_ADDRESS_AT = fixed("/cac:Delivery/cac:DeliveryLocation/cac:Address");
const INVOICE_PERIOD_AT = fixed("/cac:InvoicePeriod");

/** The invoice or credit note root. */
export const documentScope: Scope<InvoiceDocument> = scope("document", (ctx, visit) =>
  visit(ctx.doc, ROOT, 0, 0),
);

/** BG-22, always present in a UBL document (LegalMonetaryTotal is mandatory). */
export const totalsScope: Scope<Totals> = scope("totals", (ctx, visit) =>
  visit(ctx.doc.totals, TOTALS_AT, 0, 0),
);

/** BG-4 (AccountingSupplierParty is mandatory in UBL). */
export const sellerScope: Scope<Party> = scope("seller", (ctx, visit) =>
  visit(ctx.doc.seller, SELLER_AT, 0, 0),
);

/** BG-7 (AccountingCustomerParty is mandatory in UBL). */
export const buyerScope: Scope<Party> = scope("buyer", (ctx, visit) => visit(ctx.doc.buyer, BUYER_AT, 0, 0));

/** BG-5 */
export const sellerAddressScope: Scope<Address> = scope("sellerAddress", (ctx, visit) => {
  if (ctx.doc.seller.address) visit(ctx.doc.seller.address, SELLER_ADDRESS_AT, 0, 0);
});

/** BG-8 */
export const buyerAddressScope: Scope<Address> = scope("buyerAddress", (ctx, visit) => {
  if (ctx.doc.buyer.address) visit(ctx.doc.buyer.address, BUYER_ADDRESS_AT, 0, 0);
});

/** BG-10 */
export const payeeScope: Scope<Payee> = scope("payee", (ctx, visit) => {
  if (ctx.doc.payee) visit(ctx.doc.payee, PAYEE_AT, 0, 0);
});

/** BG-11 */
export const taxRepresentativeScope: Scope<TaxRepresentative> = scope("taxRepresentative", (ctx, visit) => {
  if (ctx.doc.taxRepresentative) visit(ctx.doc.taxRepresentative, TAX_REPRESENTATIVE_AT, 0, 0);
});

/** BG-12 */
export const taxRepresentativeAddressScope: Scope<Address> = scope(
  "taxRepresentativeAddress",
  (ctx, visit) => {
    const address = ctx.doc.taxRepresentative?.address;
    if (address) visit(address, TAX_REPRESENTATIVE_ADDRESS_AT, 0, 0);
  },
);

/** BG-15 */
export const deliveryAddressScope: Scope<Address> = scope("deliveryAddress", (ctx, visit) => {
  const address = ctx.doc.delivery?.address;
  if (address) visit(address, DELIVERY_ADDRESS_AT, 0, 0);
});

/** Every postal address, for the country code list (BR-CL-14 applies to any cac:Country). */
export const addressScope: Scope<Address> = scope("address", (ctx, visit) => {
  const { seller, buyer, taxRepresentative, delivery } = ctx.doc;
  if (seller.address) visit(seller.address, SELLER_ADDRESS_AT, 0, 0);
  if (buyer.address) visit(buyer.address, BUYER_ADDRESS_AT, 0, 0);
  if (taxRepresentative?.address) {
    visit(taxRepresentative.address, TAX_REPRESENTATIVE_ADDRESS_AT, 0, 0);
  }
  if (delivery?.address) visit(delivery.address, DELIVERY_ADDRESS_AT, 0, 0);
});

/** BG-26 */
export const linePeriodScope: Scope<Period> = scope("linePeriod", (ctx, visit) => {
  const lines = ctx.doc.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as InvoiceLine;
    if (line.period) visit(line.period, linePeriodAt, i, 0);
  }
});

/** Every cac:InvoicePeriod, document and line level: the CEN context `cac:InvoicePeriod` matches both. */
export const anyPeriodScope: Scope<Period> = scope("anyPeriod", (ctx, visit) => {
  if (ctx.doc.invoicingPeriod) visit(ctx.doc.invoicingPeriod, INVOICE_PERIOD_AT, 0, 0);
  linePeriodScope.visit(ctx, visit);
});

/** BG-25 */
export const lineScope: Scope<InvoiceLine> = scope("line", (ctx, visit) => {
  const lines = ctx.doc.lines;
  for (let i = 0; i < lines.length; i++) visit(lines[i] as InvoiceLine, lineAt, i, 0);
});

/** BG-20 */
export const documentAllowanceScope: Scope<AllowanceCharge> = scope("documentAllowance", (ctx, visit) => {
  visitList(ctx.doc.allowances, documentAllowanceAt, visit);
});

/** BG-21 */
export const documentChargeScope: Scope<AllowanceCharge> = scope("documentCharge", (ctx, visit) => {
  visitList(ctx.doc.charges, documentChargeAt, visit);
});

/** BG-27 */
export const lineAllowanceScope: Scope<AllowanceCharge> = scope("lineAllowance", (ctx, visit) => {
  const lines = ctx.doc.lines;
  for (let i = 0; i < lines.length; i++)
    visitNested((lines[i] as InvoiceLine).allowances, lineAllowanceAt, visit, i);
});

/** BG-28 */
export const lineChargeScope: Scope<AllowanceCharge> = scope("lineCharge", (ctx, visit) => {
  const lines = ctx.doc.lines;
  for (let i = 0; i < lines.length; i++)
    visitNested((lines[i] as InvoiceLine).charges, lineChargeAt, visit, i);
});

/** BG-23 */
export const vatBreakdownScope: Scope<VatBreakdown> = scope("vatBreakdown", (ctx, visit) => {
  visitList(ctx.doc.vatBreakdown, vatBreakdownAt, visit);
});

const paymentMeansAt: Locate = (ctx, i) => `${ctx.root}/cac:PaymentMeans${nth(i)}`;

/** BG-16 */
export const paymentMeansScope: Scope<PaymentMeans> = scope("paymentMeans", (ctx, visit) => {
  visitList(ctx.doc.paymentMeans, paymentMeansAt, visit);
});

const creditTransferAt: Locate = (ctx, i, j) =>
  `${paymentMeansAt(ctx, i, 0)}/cac:PayeeFinancialAccount${(ctx.doc.paymentMeans[i]?.creditTransfers.length ?? 0) > 1 ? nth(j) : ""}`;

/** BG-17, with the payment means it belongs to. */
export const creditTransferScope: Scope<{ means: PaymentMeans; transfer: CreditTransfer }> = scope(
  "creditTransfer",
  (ctx, visit) => {
    const list = ctx.doc.paymentMeans;
    for (let i = 0; i < list.length; i++) {
      const means = list[i] as PaymentMeans;
      for (let j = 0; j < means.creditTransfers.length; j++) {
        visit({ means, transfer: means.creditTransfers[j] as CreditTransfer }, creditTransferAt, i, j);
      }
    }
  },
);

const attachmentAt: Locate = (ctx, i) => `${ctx.root}/cac:AdditionalDocumentReference${nth(i)}`;

/** BG-24 */
export const attachmentScope: Scope<Attachment> = scope("attachment", (ctx, visit) => {
  visitList(ctx.doc.attachments, attachmentAt, visit);
});

const precedingInvoiceAt: Locate = (ctx, i) => `${ctx.root}/cac:BillingReference${nth(i)}`;

/** BG-3 */
export const precedingInvoiceScope: Scope<PrecedingInvoice> = scope("precedingInvoice", (ctx, visit) => {
  visitList(ctx.doc.precedingInvoices, precedingInvoiceAt, visit);
});

const attributeAt: Locate = (ctx, i, j) =>
  `${lineAt(ctx, i, 0)}/cac:Item/cac:AdditionalItemProperty${nth(j)}`;

/** BG-32 */
export const itemAttributeScope: Scope<{ name: string; value: string }> = scope(
  "itemAttribute",
  (ctx, visit) => {
    const lines = ctx.doc.lines;
    for (let i = 0; i < lines.length; i++)
      visitNested((lines[i] as InvoiceLine).item.attributes, attributeAt, visit, i);
  },
);

const standardIdAt: Locate = (ctx, i) =>
  `${lineAt(ctx, i, 0)}/cac:Item/cac:StandardItemIdentification/cbc:ID`;

/** BT-157 */
export const itemStandardIdScope: Scope<Identifier> = scope("itemStandardId", (ctx, visit) => {
  const lines = ctx.doc.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as InvoiceLine;
    if (line.item.standardId) visit(line.item.standardId, standardIdAt, i, 0);
  }
});

const classificationAt: Locate = (ctx, i, j) =>
  `${lineAt(ctx, i, 0)}/cac:Item/cac:CommodityClassification${nth(j)}/cbc:ItemClassificationCode`;

/** BT-158 */
export const itemClassificationScope: Scope<Identifier> = scope("itemClassification", (ctx, visit) => {
  const lines = ctx.doc.lines;
  for (let i = 0; i < lines.length; i++)
    visitNested((lines[i] as InvoiceLine).item.classifications, classificationAt, visit, i);
});

const noteAt: Locate = (ctx, i) => `${ctx.root}/cbc:Note${nth(i)}`;

/** BT-22 */
export const noteScope: Scope<string> = scope("note", (ctx, visit) => {
  visitList(ctx.doc.notes, noteAt, visit);
});

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
import { nth, type Scope, scope } from "./scope.ts";

/** The parties whose identifiers rules inspect. */
export type PartyRole = "seller" | "buyer" | "payee" | "taxRepresentative";

/** An identifier together with the party it belongs to (some code lists depend on the role). */
export interface RoleIdentifier {
  readonly role: PartyRole;
  readonly id: Identifier;
}

export const ALLOWANCE = "cac:AllowanceCharge[cbc:ChargeIndicator=false()]";
export const CHARGE = "cac:AllowanceCharge[cbc:ChargeIndicator=true()]";
const SELLER = "/cac:AccountingSupplierParty/cac:Party";
const BUYER = "/cac:AccountingCustomerParty/cac:Party";

function partyPath(role: PartyRole): string {
  switch (role) {
    case "seller":
      return SELLER;
    case "buyer":
      return BUYER;
    case "payee":
      return "/cac:PayeeParty";
    case "taxRepresentative":
      return "/cac:TaxRepresentativeParty";
  }
}

/** The invoice or credit note root. */
export const documentScope: Scope<InvoiceDocument> = scope("document", (ctx, emit) =>
  emit(ctx.doc, ctx.root),
);

/** BG-22, always present in a UBL document (LegalMonetaryTotal is mandatory). */
export const totalsScope: Scope<Totals> = scope("totals", (ctx, emit) =>
  emit(ctx.doc.totals, `${ctx.root}/cac:LegalMonetaryTotal`),
);

/** BG-4 (AccountingSupplierParty is mandatory in UBL). */
export const sellerScope: Scope<Party> = scope("seller", (ctx, emit) =>
  emit(ctx.doc.seller, ctx.root + SELLER),
);

/** BG-7 (AccountingCustomerParty is mandatory in UBL). */
export const buyerScope: Scope<Party> = scope("buyer", (ctx, emit) => emit(ctx.doc.buyer, ctx.root + BUYER));

/** BG-5 */
export const sellerAddressScope: Scope<Address> = scope("sellerAddress", (ctx, emit) => {
  if (ctx.doc.seller.address) emit(ctx.doc.seller.address, `${ctx.root}${SELLER}/cac:PostalAddress`);
});

/** BG-8 */
export const buyerAddressScope: Scope<Address> = scope("buyerAddress", (ctx, emit) => {
  if (ctx.doc.buyer.address) emit(ctx.doc.buyer.address, `${ctx.root}${BUYER}/cac:PostalAddress`);
});

/** BG-10 */
export const payeeScope: Scope<Payee> = scope("payee", (ctx, emit) => {
  if (ctx.doc.payee) emit(ctx.doc.payee, `${ctx.root}/cac:PayeeParty`);
});

/** BG-11 */
export const taxRepresentativeScope: Scope<TaxRepresentative> = scope("taxRepresentative", (ctx, emit) => {
  if (ctx.doc.taxRepresentative) emit(ctx.doc.taxRepresentative, `${ctx.root}/cac:TaxRepresentativeParty`);
});

/** BG-12 */
export const taxRepresentativeAddressScope: Scope<Address> = scope(
  "taxRepresentativeAddress",
  (ctx, emit) => {
    const address = ctx.doc.taxRepresentative?.address;
    if (address) emit(address, `${ctx.root}/cac:TaxRepresentativeParty/cac:PostalAddress`);
  },
);

/** BG-15 */
export const deliveryAddressScope: Scope<Address> = scope("deliveryAddress", (ctx, emit) => {
  const address = ctx.doc.delivery?.address;
  if (address) emit(address, `${ctx.root}/cac:Delivery/cac:DeliveryLocation/cac:Address`);
});

/** Every postal address, for the country code list (BR-CL-14 applies to any cac:Country). */
export const addressScope: Scope<Address> = scope("address", (ctx, emit) => {
  const { seller, buyer, taxRepresentative, delivery } = ctx.doc;
  if (seller.address) emit(seller.address, `${ctx.root}${SELLER}/cac:PostalAddress`);
  if (buyer.address) emit(buyer.address, `${ctx.root}${BUYER}/cac:PostalAddress`);
  if (taxRepresentative?.address) {
    emit(taxRepresentative.address, `${ctx.root}/cac:TaxRepresentativeParty/cac:PostalAddress`);
  }
  if (delivery?.address) emit(delivery.address, `${ctx.root}/cac:Delivery/cac:DeliveryLocation/cac:Address`);
});

/** BG-14 */
export const invoicePeriodScope: Scope<Period> = scope("invoicePeriod", (ctx, emit) => {
  if (ctx.doc.invoicingPeriod) emit(ctx.doc.invoicingPeriod, `${ctx.root}/cac:InvoicePeriod`);
});

/** BG-26 */
export const linePeriodScope: Scope<Period> = scope("linePeriod", (ctx, emit) => {
  for (const [i, line] of ctx.doc.lines.entries()) {
    if (line.period) emit(line.period, `${ctx.root}/${ctx.lineElement}${nth(i)}/cac:InvoicePeriod`);
  }
});

/** Every cac:InvoicePeriod, document and line level: the CEN context `cac:InvoicePeriod` matches both. */
export const anyPeriodScope: Scope<Period> = scope("anyPeriod", (ctx, emit) => {
  if (ctx.doc.invoicingPeriod) emit(ctx.doc.invoicingPeriod, `${ctx.root}/cac:InvoicePeriod`);
  for (const [i, line] of ctx.doc.lines.entries()) {
    if (line.period) emit(line.period, `${ctx.root}/${ctx.lineElement}${nth(i)}/cac:InvoicePeriod`);
  }
});

/** BG-25 */
export const lineScope: Scope<InvoiceLine> = scope("line", (ctx, emit) => {
  for (const [i, line] of ctx.doc.lines.entries()) emit(line, `${ctx.root}/${ctx.lineElement}${nth(i)}`);
});

/** BG-20 */
export const documentAllowanceScope: Scope<AllowanceCharge> = scope("documentAllowance", (ctx, emit) => {
  for (const [i, a] of ctx.doc.allowances.entries()) emit(a, `${ctx.root}/${ALLOWANCE}${nth(i)}`);
});

/** BG-21 */
export const documentChargeScope: Scope<AllowanceCharge> = scope("documentCharge", (ctx, emit) => {
  for (const [i, c] of ctx.doc.charges.entries()) emit(c, `${ctx.root}/${CHARGE}${nth(i)}`);
});

/** BG-27 */
export const lineAllowanceScope: Scope<AllowanceCharge> = scope("lineAllowance", (ctx, emit) => {
  for (const [i, line] of ctx.doc.lines.entries()) {
    for (const [j, a] of line.allowances.entries()) {
      emit(a, `${ctx.root}/${ctx.lineElement}${nth(i)}/${ALLOWANCE}${nth(j)}`);
    }
  }
});

/** BG-28 */
export const lineChargeScope: Scope<AllowanceCharge> = scope("lineCharge", (ctx, emit) => {
  for (const [i, line] of ctx.doc.lines.entries()) {
    for (const [j, c] of line.charges.entries())
      emit(c, `${ctx.root}/${ctx.lineElement}${nth(i)}/${CHARGE}${nth(j)}`);
  }
});

/** BG-23 */
export const vatBreakdownScope: Scope<VatBreakdown> = scope("vatBreakdown", (ctx, emit) => {
  for (const [i, b] of ctx.doc.vatBreakdown.entries())
    emit(b, `${ctx.root}/cac:TaxTotal/cac:TaxSubtotal${nth(i)}`);
});

/** BG-16 */
export const paymentMeansScope: Scope<PaymentMeans> = scope("paymentMeans", (ctx, emit) => {
  for (const [i, m] of ctx.doc.paymentMeans.entries()) emit(m, `${ctx.root}/cac:PaymentMeans${nth(i)}`);
});

/** BG-17, with the payment means it belongs to. */
export const creditTransferScope: Scope<{ means: PaymentMeans; transfer: CreditTransfer }> = scope(
  "creditTransfer",
  (ctx, emit) => {
    for (const [i, means] of ctx.doc.paymentMeans.entries()) {
      for (const [j, transfer] of means.creditTransfers.entries()) {
        const index = means.creditTransfers.length > 1 ? nth(j) : "";
        emit({ means, transfer }, `${ctx.root}/cac:PaymentMeans${nth(i)}/cac:PayeeFinancialAccount${index}`);
      }
    }
  },
);

/** BG-24 */
export const attachmentScope: Scope<Attachment> = scope("attachment", (ctx, emit) => {
  for (const [i, a] of ctx.doc.attachments.entries())
    emit(a, `${ctx.root}/cac:AdditionalDocumentReference${nth(i)}`);
});

/** BG-3 */
export const precedingInvoiceScope: Scope<PrecedingInvoice> = scope("precedingInvoice", (ctx, emit) => {
  for (const [i, p] of ctx.doc.precedingInvoices.entries())
    emit(p, `${ctx.root}/cac:BillingReference${nth(i)}`);
});

/** BG-32 */
export const itemAttributeScope: Scope<{ name: string; value: string }> = scope(
  "itemAttribute",
  (ctx, emit) => {
    for (const [i, line] of ctx.doc.lines.entries()) {
      for (const [j, attribute] of line.item.attributes.entries()) {
        emit(
          attribute,
          `${ctx.root}/${ctx.lineElement}${nth(i)}/cac:Item/cac:AdditionalItemProperty${nth(j)}`,
        );
      }
    }
  },
);

/** BT-157 */
export const itemStandardIdScope: Scope<Identifier> = scope("itemStandardId", (ctx, emit) => {
  for (const [i, line] of ctx.doc.lines.entries()) {
    const id = line.item.standardId;
    if (id)
      emit(id, `${ctx.root}/${ctx.lineElement}${nth(i)}/cac:Item/cac:StandardItemIdentification/cbc:ID`);
  }
});

/** BT-158 */
export const itemClassificationScope: Scope<Identifier> = scope("itemClassification", (ctx, emit) => {
  for (const [i, line] of ctx.doc.lines.entries()) {
    for (const [j, c] of line.item.classifications.entries()) {
      const path = `/cac:Item/cac:CommodityClassification${nth(j)}/cbc:ItemClassificationCode`;
      emit(c, `${ctx.root}/${ctx.lineElement}${nth(i)}${path}`);
    }
  }
});

/** BT-22 */
export const noteScope: Scope<string> = scope("note", (ctx, emit) => {
  for (const [i, note] of ctx.doc.notes.entries()) emit(note, `${ctx.root}/cbc:Note${nth(i)}`);
});

/** BT-31, BT-48, BT-63: PartyTaxScheme[TaxScheme/ID='VAT']/CompanyID of each party. */
export const vatIdentifierScope: Scope<{ role: PartyRole; value: string }> = scope(
  "vatIdentifier",
  (ctx, emit) => {
    const { seller, buyer, taxRepresentative } = ctx.doc;
    const path = (role: PartyRole) => `${ctx.root}${partyPath(role)}/cac:PartyTaxScheme/cbc:CompanyID`;
    if (seller.vatNumber !== undefined) emit({ role: "seller", value: seller.vatNumber }, path("seller"));
    if (buyer.vatNumber !== undefined) emit({ role: "buyer", value: buyer.vatNumber }, path("buyer"));
    if (taxRepresentative?.vatNumber !== undefined) {
      emit({ role: "taxRepresentative", value: taxRepresentative.vatNumber }, path("taxRepresentative"));
    }
  },
);

/** BT-29, BT-46, BT-60: PartyIdentification/ID. */
export const partyIdentifierScope: Scope<RoleIdentifier> = scope("partyIdentifier", (ctx, emit) => {
  const { seller, buyer, payee } = ctx.doc;
  const parties: [PartyRole, readonly Identifier[]][] = [
    ["seller", seller.identifiers],
    ["buyer", buyer.identifiers],
    ["payee", payee?.identifier ? [payee.identifier] : []],
  ];
  for (const [role, ids] of parties) {
    for (const [i, id] of ids.entries()) {
      emit({ role, id }, `${ctx.root}${partyPath(role)}/cac:PartyIdentification${nth(i)}/cbc:ID`);
    }
  }
});

/** BT-30, BT-47, BT-61: PartyLegalEntity/CompanyID. */
export const legalRegistrationScope: Scope<RoleIdentifier> = scope("legalRegistration", (ctx, emit) => {
  const { seller, buyer, payee } = ctx.doc;
  const path = (role: PartyRole) => `${ctx.root}${partyPath(role)}/cac:PartyLegalEntity/cbc:CompanyID`;
  if (seller.legalRegistration) emit({ role: "seller", id: seller.legalRegistration }, path("seller"));
  if (buyer.legalRegistration) emit({ role: "buyer", id: buyer.legalRegistration }, path("buyer"));
  if (payee?.legalRegistration) emit({ role: "payee", id: payee.legalRegistration }, path("payee"));
});

/** BT-34, BT-49: EndpointID. */
export const endpointScope: Scope<RoleIdentifier> = scope("endpoint", (ctx, emit) => {
  const { seller, buyer } = ctx.doc;
  if (seller.endpoint) emit({ role: "seller", id: seller.endpoint }, `${ctx.root}${SELLER}/cbc:EndpointID`);
  if (buyer.endpoint) emit({ role: "buyer", id: buyer.endpoint }, `${ctx.root}${BUYER}/cbc:EndpointID`);
});

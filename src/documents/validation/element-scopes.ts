import type {
  AllowanceCharge,
  Identifier,
  InvoiceLine,
  Party,
  PrecedingInvoice,
  VatBreakdown,
} from "../../core/invoice/invoice.ts";
import type { Decimal } from "../../core/money/decimal.ts";
import { fixed, type Locate, nth, type Scope, scope, type Visit } from "./scope.ts";
import {
  BUYER,
  documentAllowanceAt,
  documentAllowanceScope,
  documentChargeAt,
  documentChargeScope,
  lineAllowanceAt,
  lineAllowanceScope,
  lineAt,
  lineChargeAt,
  lineChargeScope,
  SELLER,
  vatBreakdownAt,
} from "./scopes.ts";

/** A cac:TaxCategory (document allowance, charge or VAT breakdown), which several code-list rules share. */
export interface TaxCategoryNode {
  readonly category: string | undefined;
  readonly rate: Decimal | undefined;
  /** Only the VAT breakdown carries exemption reasons in the model. */
  readonly exemptionReasonCode?: string;
}

/** Every allowance, document and line level (`cac:AllowanceCharge[ChargeIndicator=false()]` anywhere). */
export const anyAllowanceScope: Scope<AllowanceCharge> = scope("anyAllowance", (ctx, visit) => {
  documentAllowanceScope.visit(ctx, visit);
  lineAllowanceScope.visit(ctx, visit);
});

/** Every charge, document and line level. */
export const anyChargeScope: Scope<AllowanceCharge> = scope("anyCharge", (ctx, visit) => {
  documentChargeScope.visit(ctx, visit);
  lineChargeScope.visit(ctx, visit);
});

/** Every allowance and charge, document and line level (`Invoice/cac:AllowanceCharge | InvoiceLine/cac:AllowanceCharge`). */
export const allowanceChargeScope: Scope<AllowanceCharge> = scope("allowanceCharge", (ctx, visit) => {
  anyAllowanceScope.visit(ctx, visit);
  anyChargeScope.visit(ctx, visit);
});

const allowanceTaxCategoryAt: Locate = (ctx, i) => `${documentAllowanceAt(ctx, i, 0)}/cac:TaxCategory`;
const chargeTaxCategoryAt: Locate = (ctx, i) => `${documentChargeAt(ctx, i, 0)}/cac:TaxCategory`;
const breakdownTaxCategoryAt: Locate = (ctx, i) =>
  `${ctx.root}/cac:TaxTotal/cac:TaxSubtotal${nth(i)}/cac:TaxCategory`;

function visitDocumentLevelTaxCategories(
  list: readonly AllowanceCharge[],
  locate: Locate,
  visit: Visit<TaxCategoryNode>,
): void {
  for (let i = 0; i < list.length; i++) {
    const ac = list[i] as AllowanceCharge;
    if (ac.vatCategory !== undefined || ac.vatRate !== undefined) {
      visit({ category: ac.vatCategory, rate: ac.vatRate }, locate, i, 0);
    }
  }
}

/** Every cac:TaxCategory: of document allowances and charges, and of the VAT breakdown. */
export const taxCategoryScope: Scope<TaxCategoryNode> = scope("taxCategory", (ctx, visit) => {
  visitDocumentLevelTaxCategories(ctx.doc.allowances, allowanceTaxCategoryAt, visit);
  visitDocumentLevelTaxCategories(ctx.doc.charges, chargeTaxCategoryAt, visit);
  const breakdowns = ctx.doc.vatBreakdown;
  for (let i = 0; i < breakdowns.length; i++) {
    const b = breakdowns[i] as VatBreakdown;
    visit(
      { category: b.category, rate: b.rate, exemptionReasonCode: b.exemptionReasonCode },
      breakdownTaxCategoryAt,
      i,
      0,
    );
  }
});

const quantityUnitAt: Locate = (ctx, i) => `${lineAt(ctx, i, 0)}/${ctx.quantityElement}/@unitCode`;
const baseUnitAt: Locate = (ctx, i) => `${lineAt(ctx, i, 0)}/cac:Price/cbc:BaseQuantity/@unitCode`;

/** Unit codes of the invoiced quantity (BT-130) and of the price base quantity (BT-150). */
export const unitCodeScope: Scope<string> = scope("unitCode", (ctx, visit) => {
  for (let i = 0; i < ctx.doc.lines.length; i++) {
    const line = ctx.doc.lines[i] as InvoiceLine;
    if (line.unitCode !== undefined) visit(line.unitCode, quantityUnitAt, i, 0);
    if (line.price.baseUnitCode !== undefined) visit(line.price.baseUnitCode, baseUnitAt, i, 0);
  }
});

const INVOICED_OBJECT_AT = fixed("/cac:AdditionalDocumentReference/cbc:ID");
const lineObjectAt: Locate = (ctx, i) => `${lineAt(ctx, i, 0)}/cac:DocumentReference/cbc:ID`;

/** Invoiced object identifiers: BT-18 (document) and BT-128 (line), each a DocumentReference with type 130. */
export const objectIdentifierScope: Scope<Identifier> = scope("objectIdentifier", (ctx, visit) => {
  if (ctx.doc.invoicedObject) visit(ctx.doc.invoicedObject, INVOICED_OBJECT_AT, 0, 0);
  for (let i = 0; i < ctx.doc.lines.length; i++) {
    const line = ctx.doc.lines[i] as InvoiceLine;
    if (line.objectIdentifier) visit(line.objectIdentifier, lineObjectAt, i, 0);
  }
});

const DELIVERY_LOCATION_AT = fixed("/cac:Delivery/cac:DeliveryLocation/cbc:ID");

/** Delivery location identifier (BT-71). */
export const deliveryLocationScope: Scope<Identifier> = scope("deliveryLocation", (ctx, visit) => {
  const id = ctx.doc.delivery?.locationId;
  if (id) visit(id, DELIVERY_LOCATION_AT, 0, 0);
});

const PERIOD_CODE_AT = fixed("/cac:InvoicePeriod/cbc:DescriptionCode");
const linePeriodCodeAt: Locate = (ctx, i) => `${lineAt(ctx, i, 0)}/cac:InvoicePeriod/cbc:DescriptionCode`;

/** Every InvoicePeriod description code (document and line level). */
export const periodCodeScope: Scope<string> = scope("periodCode", (ctx, visit) => {
  const code = ctx.doc.invoicingPeriod?.descriptionCode;
  if (code !== undefined) visit(code, PERIOD_CODE_AT, 0, 0);
  for (let i = 0; i < ctx.doc.lines.length; i++) {
    const line = ctx.doc.lines[i] as InvoiceLine;
    const lineCode = line.period?.descriptionCode;
    if (lineCode !== undefined) visit(lineCode, linePeriodCodeAt, i, 0);
  }
});

/** Appends a step to a location. */
function below(locate: Locate, step: string): Locate {
  return (ctx, i, j) => `${locate(ctx, i, j)}/${step}`;
}

const TOTALS = "/cac:LegalMonetaryTotal/cbc:";

/** Where each amount is; built once, not per validation. */
const AMOUNT_AT = {
  documentAllowance: below(documentAllowanceAt, "cbc:Amount"),
  documentAllowanceBase: below(documentAllowanceAt, "cbc:BaseAmount"),
  documentCharge: below(documentChargeAt, "cbc:Amount"),
  documentChargeBase: below(documentChargeAt, "cbc:BaseAmount"),
  lineAllowance: below(lineAllowanceAt, "cbc:Amount"),
  lineAllowanceBase: below(lineAllowanceAt, "cbc:BaseAmount"),
  lineCharge: below(lineChargeAt, "cbc:Amount"),
  lineChargeBase: below(lineChargeAt, "cbc:BaseAmount"),
  lineNet: below(lineAt, "cbc:LineExtensionAmount"),
  taxable: below(vatBreakdownAt, "cbc:TaxableAmount"),
  breakdownTax: below(vatBreakdownAt, "cbc:TaxAmount"),
  tax: fixed("/cac:TaxTotal/cbc:TaxAmount"),
  taxInTaxCurrency: fixed("/cac:TaxTotal[cbc:TaxAmount/@currencyID=../cbc:TaxCurrencyCode]/cbc:TaxAmount"),
  lineNetTotal: fixed(`${TOTALS}LineExtensionAmount`),
  taxExclusive: fixed(`${TOTALS}TaxExclusiveAmount`),
  taxInclusive: fixed(`${TOTALS}TaxInclusiveAmount`),
  allowanceTotal: fixed(`${TOTALS}AllowanceTotalAmount`),
  chargeTotal: fixed(`${TOTALS}ChargeTotalAmount`),
  prepaid: fixed(`${TOTALS}PrepaidAmount`),
  rounding: fixed(`${TOTALS}PayableRoundingAmount`),
  payable: fixed(`${TOTALS}PayableAmount`),
};

function visitAmounts(
  list: readonly AllowanceCharge[],
  amount: Locate,
  base: Locate,
  i: number,
  visit: Visit<Decimal>,
) {
  for (let j = 0; j < list.length; j++) {
    const ac = list[j] as AllowanceCharge;
    if (ac.amount !== undefined) visit(ac.amount, amount, i, j);
    if (ac.baseAmount !== undefined) visit(ac.baseAmount, base, i, j);
  }
}

/**
 * Every amount UBL-DT-01 looks at: elements named *Amount outside cac:Price (so not BT-146/147/148), including the
 * VAT total in accounting currency (BT-111). Document level lists use `i` for their index, line level ones `i` for
 * the line and `j` below it.
 */
export const amountScope: Scope<Decimal> = scope("amount", (ctx, visit) => {
  const { doc } = ctx;
  for (let k = 0; k < doc.allowances.length; k++) {
    const a = doc.allowances[k] as AllowanceCharge;
    if (a.amount !== undefined) visit(a.amount, AMOUNT_AT.documentAllowance, k, 0);
    if (a.baseAmount !== undefined) visit(a.baseAmount, AMOUNT_AT.documentAllowanceBase, k, 0);
  }
  for (let k = 0; k < doc.charges.length; k++) {
    const c = doc.charges[k] as AllowanceCharge;
    if (c.amount !== undefined) visit(c.amount, AMOUNT_AT.documentCharge, k, 0);
    if (c.baseAmount !== undefined) visit(c.baseAmount, AMOUNT_AT.documentChargeBase, k, 0);
  }
  const { totals } = doc;
  if (totals.tax !== undefined) visit(totals.tax, AMOUNT_AT.tax, 0, 0);
  if (doc.taxTotalInTaxCurrency !== undefined)
    visit(doc.taxTotalInTaxCurrency, AMOUNT_AT.taxInTaxCurrency, 0, 0);
  for (let k = 0; k < doc.vatBreakdown.length; k++) {
    const b = doc.vatBreakdown[k] as VatBreakdown;
    if (b.taxableAmount !== undefined) visit(b.taxableAmount, AMOUNT_AT.taxable, k, 0);
    if (b.taxAmount !== undefined) visit(b.taxAmount, AMOUNT_AT.breakdownTax, k, 0);
  }
  if (totals.lineNet !== undefined) visit(totals.lineNet, AMOUNT_AT.lineNetTotal, 0, 0);
  if (totals.taxExclusive !== undefined) visit(totals.taxExclusive, AMOUNT_AT.taxExclusive, 0, 0);
  if (totals.taxInclusive !== undefined) visit(totals.taxInclusive, AMOUNT_AT.taxInclusive, 0, 0);
  if (totals.allowances !== undefined) visit(totals.allowances, AMOUNT_AT.allowanceTotal, 0, 0);
  if (totals.charges !== undefined) visit(totals.charges, AMOUNT_AT.chargeTotal, 0, 0);
  if (totals.prepaid !== undefined) visit(totals.prepaid, AMOUNT_AT.prepaid, 0, 0);
  if (totals.rounding !== undefined) visit(totals.rounding, AMOUNT_AT.rounding, 0, 0);
  if (totals.payable !== undefined) visit(totals.payable, AMOUNT_AT.payable, 0, 0);
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i] as InvoiceLine;
    if (line.netAmount !== undefined) visit(line.netAmount, AMOUNT_AT.lineNet, i, 0);
    visitAmounts(line.allowances, AMOUNT_AT.lineAllowance, AMOUNT_AT.lineAllowanceBase, i, visit);
    visitAmounts(line.charges, AMOUNT_AT.lineCharge, AMOUNT_AT.lineChargeBase, i, visit);
  }
});

const lineStartAt: Locate = (ctx, i) => `${lineAt(ctx, i, 0)}/cac:InvoicePeriod/cbc:StartDate`;
const lineEndAt: Locate = (ctx, i) => `${lineAt(ctx, i, 0)}/cac:InvoicePeriod/cbc:EndDate`;
const precedingDateAt: Locate = (ctx, i) =>
  `${ctx.root}/cac:BillingReference${nth(i)}/cac:InvoiceDocumentReference/cbc:IssueDate`;

const DATE_AT = {
  issue: fixed("/cbc:IssueDate"),
  due: fixed("/cbc:DueDate"),
  taxPoint: fixed("/cbc:TaxPointDate"),
  periodStart: fixed("/cac:InvoicePeriod/cbc:StartDate"),
  periodEnd: fixed("/cac:InvoicePeriod/cbc:EndDate"),
  delivery: fixed("/cac:Delivery/cbc:ActualDeliveryDate"),
};

/** A date element the Peppol format rule (F001) looks at, as written. */
export const dateScope: Scope<string> = scope("date", (ctx, visit) => {
  const { doc } = ctx;
  if (doc.issueDate !== undefined) visit(doc.issueDate, DATE_AT.issue, 0, 0);
  if (doc.kind === "invoice" && doc.dueDate !== undefined) visit(doc.dueDate, DATE_AT.due, 0, 0);
  if (doc.taxPointDate !== undefined) visit(doc.taxPointDate, DATE_AT.taxPoint, 0, 0);
  const period = doc.invoicingPeriod;
  if (period?.start !== undefined) visit(period.start, DATE_AT.periodStart, 0, 0);
  if (period?.end !== undefined) visit(period.end, DATE_AT.periodEnd, 0, 0);
  if (doc.delivery?.date !== undefined) visit(doc.delivery.date, DATE_AT.delivery, 0, 0);
  for (let i = 0; i < doc.precedingInvoices.length; i++) {
    const p = doc.precedingInvoices[i] as PrecedingInvoice;
    if (p.issueDate !== undefined) visit(p.issueDate, precedingDateAt, i, 0);
  }
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i] as InvoiceLine;
    if (line.period?.start !== undefined) visit(line.period.start, lineStartAt, i, 0);
    if (line.period?.end !== undefined) visit(line.period.end, lineEndAt, i, 0);
  }
});

/** Identifier with a scheme attribute, as the Peppol ICD checks see it: EndpointID, PartyIdentification/ID, CompanyID. */
export interface SchemedIdentifier {
  readonly element: "EndpointID" | "PartyIdentification" | "CompanyID";
  readonly scheme: string;
  readonly value: string;
}

const SELLER_SCHEMED_AT = {
  endpoint: fixed(`${SELLER}/cbc:EndpointID`),
  identifier: ((ctx, i) => `${ctx.root}${SELLER}/cac:PartyIdentification${nth(i)}/cbc:ID`) as Locate,
  legal: fixed(`${SELLER}/cac:PartyLegalEntity/cbc:CompanyID`),
};
const BUYER_SCHEMED_AT = {
  endpoint: fixed(`${BUYER}/cbc:EndpointID`),
  identifier: ((ctx, i) => `${ctx.root}${BUYER}/cac:PartyIdentification${nth(i)}/cbc:ID`) as Locate,
  legal: fixed(`${BUYER}/cac:PartyLegalEntity/cbc:CompanyID`),
};
const PAYEE_IDENTIFIER_AT = fixed("/cac:PayeeParty/cac:PartyIdentification/cbc:ID");
const PAYEE_LEGAL_AT = fixed("/cac:PayeeParty/cac:PartyLegalEntity/cbc:CompanyID");

function visitSchemed(
  visit: Visit<SchemedIdentifier>,
  element: SchemedIdentifier["element"],
  id: Identifier | undefined,
  locate: Locate,
  i: number,
): void {
  if (id?.scheme !== undefined) visit({ element, scheme: id.scheme, value: id.value }, locate, i, 0);
}

function visitParty(visit: Visit<SchemedIdentifier>, party: Party, at: typeof SELLER_SCHEMED_AT): void {
  visitSchemed(visit, "EndpointID", party.endpoint, at.endpoint, 0);
  for (let i = 0; i < party.identifiers.length; i++)
    visitSchemed(visit, "PartyIdentification", party.identifiers[i], at.identifier, i);
  visitSchemed(visit, "CompanyID", party.legalRegistration, at.legal, 0);
}

/** Every EndpointID, PartyIdentification/ID and PartyLegalEntity/CompanyID that carries a scheme. */
export const schemedIdentifierScope: Scope<SchemedIdentifier> = scope("schemedIdentifier", (ctx, visit) => {
  const { seller, buyer, payee } = ctx.doc;
  visitParty(visit, seller, SELLER_SCHEMED_AT);
  visitParty(visit, buyer, BUYER_SCHEMED_AT);
  visitSchemed(visit, "PartyIdentification", payee?.identifier, PAYEE_IDENTIFIER_AT, 0);
  visitSchemed(visit, "CompanyID", payee?.legalRegistration, PAYEE_LEGAL_AT, 0);
});

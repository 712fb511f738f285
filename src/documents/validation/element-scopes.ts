import type { AllowanceCharge, Identifier } from "../../core/invoice/invoice.ts";
import type { Decimal } from "../../core/money/decimal.ts";
import { nth, type Scope, scope } from "./scope.ts";
import { ALLOWANCE, CHARGE } from "./scopes.ts";

/** A cac:TaxCategory (document allowance, charge or VAT breakdown), which several code-list rules share. */
export interface TaxCategoryNode {
  readonly category: string | undefined;
  readonly rate: Decimal | undefined;
  /** Only the VAT breakdown carries exemption reasons in the model. */
  readonly exemptionReasonCode?: string;
}

/** Every allowance, document and line level (`cac:AllowanceCharge[ChargeIndicator=false()]` anywhere). */
export const anyAllowanceScope: Scope<AllowanceCharge> = scope("anyAllowance", (ctx, emit) => {
  for (const [i, a] of ctx.doc.allowances.entries()) emit(a, `${ctx.root}/${ALLOWANCE}${nth(i)}`);
  for (const [i, line] of ctx.doc.lines.entries()) {
    for (const [j, a] of line.allowances.entries()) {
      emit(a, `${ctx.root}/${ctx.lineElement}${nth(i)}/${ALLOWANCE}${nth(j)}`);
    }
  }
});

/** Every charge, document and line level. */
export const anyChargeScope: Scope<AllowanceCharge> = scope("anyCharge", (ctx, emit) => {
  for (const [i, c] of ctx.doc.charges.entries()) emit(c, `${ctx.root}/${CHARGE}${nth(i)}`);
  for (const [i, line] of ctx.doc.lines.entries()) {
    for (const [j, c] of line.charges.entries())
      emit(c, `${ctx.root}/${ctx.lineElement}${nth(i)}/${CHARGE}${nth(j)}`);
  }
});

/** Every cac:TaxCategory: of document allowances and charges, and of the VAT breakdown. */
export const taxCategoryScope: Scope<TaxCategoryNode> = scope("taxCategory", (ctx, emit) => {
  const documentLevel: [string, readonly AllowanceCharge[]][] = [
    [ALLOWANCE, ctx.doc.allowances],
    [CHARGE, ctx.doc.charges],
  ];
  for (const [element, list] of documentLevel) {
    for (const [i, ac] of list.entries()) {
      if (ac.vatCategory === undefined && ac.vatRate === undefined) continue;
      emit({ category: ac.vatCategory, rate: ac.vatRate }, `${ctx.root}/${element}${nth(i)}/cac:TaxCategory`);
    }
  }
  for (const [i, b] of ctx.doc.vatBreakdown.entries()) {
    const node = { category: b.category, rate: b.rate, exemptionReasonCode: b.exemptionReasonCode };
    emit(node, `${ctx.root}/cac:TaxTotal/cac:TaxSubtotal${nth(i)}/cac:TaxCategory`);
  }
});

/** Unit codes of the invoiced quantity (BT-130) and of the price base quantity (BT-150). */
export const unitCodeScope: Scope<string> = scope("unitCode", (ctx, emit) => {
  for (const [i, line] of ctx.doc.lines.entries()) {
    const path = `${ctx.root}/${ctx.lineElement}${nth(i)}`;
    if (line.unitCode !== undefined) emit(line.unitCode, `${path}/${ctx.quantityElement}/@unitCode`);
    if (line.price.baseUnitCode !== undefined) {
      emit(line.price.baseUnitCode, `${path}/cac:Price/cbc:BaseQuantity/@unitCode`);
    }
  }
});

/** Invoiced object identifiers: BT-18 (document) and BT-128 (line), each a DocumentReference with type 130. */
export const objectIdentifierScope: Scope<Identifier> = scope("objectIdentifier", (ctx, emit) => {
  if (ctx.doc.invoicedObject)
    emit(ctx.doc.invoicedObject, `${ctx.root}/cac:AdditionalDocumentReference/cbc:ID`);
  for (const [i, line] of ctx.doc.lines.entries()) {
    if (line.objectIdentifier) {
      emit(line.objectIdentifier, `${ctx.root}/${ctx.lineElement}${nth(i)}/cac:DocumentReference/cbc:ID`);
    }
  }
});

/** Delivery location identifier (BT-71). */
export const deliveryLocationScope: Scope<Identifier> = scope("deliveryLocation", (ctx, emit) => {
  const id = ctx.doc.delivery?.locationId;
  if (id) emit(id, `${ctx.root}/cac:Delivery/cac:DeliveryLocation/cbc:ID`);
});

/** Every InvoicePeriod description code (document and line level). */
export const periodCodeScope: Scope<string> = scope("periodCode", (ctx, emit) => {
  const code = ctx.doc.invoicingPeriod?.descriptionCode;
  if (code !== undefined) emit(code, `${ctx.root}/cac:InvoicePeriod/cbc:DescriptionCode`);
  for (const [i, line] of ctx.doc.lines.entries()) {
    const lineCode = line.period?.descriptionCode;
    if (lineCode !== undefined) {
      emit(lineCode, `${ctx.root}/${ctx.lineElement}${nth(i)}/cac:InvoicePeriod/cbc:DescriptionCode`);
    }
  }
});

/**
 * Every amount UBL-DT-01 looks at: elements named *Amount outside cac:Price (so not BT-146/147/148), including the
 * VAT total in accounting currency (BT-111).
 */
export const amountScope: Scope<Decimal> = scope("amount", (ctx, emit) => {
  const { doc, root } = ctx;
  const add = (value: Decimal | undefined, path: string) => {
    if (value !== undefined) emit(value, path);
  };
  const allowanceCharge = (ac: AllowanceCharge, path: string) => {
    add(ac.amount, `${path}/cbc:Amount`);
    add(ac.baseAmount, `${path}/cbc:BaseAmount`);
  };
  for (const [i, a] of doc.allowances.entries()) allowanceCharge(a, `${root}/${ALLOWANCE}${nth(i)}`);
  for (const [i, c] of doc.charges.entries()) allowanceCharge(c, `${root}/${CHARGE}${nth(i)}`);
  add(doc.totals.tax, `${root}/cac:TaxTotal/cbc:TaxAmount`);
  add(
    doc.taxTotalInTaxCurrency,
    `${root}/cac:TaxTotal[cbc:TaxAmount/@currencyID=../cbc:TaxCurrencyCode]/cbc:TaxAmount`,
  );
  for (const [i, b] of doc.vatBreakdown.entries()) {
    add(b.taxableAmount, `${root}/cac:TaxTotal/cac:TaxSubtotal${nth(i)}/cbc:TaxableAmount`);
    add(b.taxAmount, `${root}/cac:TaxTotal/cac:TaxSubtotal${nth(i)}/cbc:TaxAmount`);
  }
  const totals = `${root}/cac:LegalMonetaryTotal`;
  add(doc.totals.lineNet, `${totals}/cbc:LineExtensionAmount`);
  add(doc.totals.taxExclusive, `${totals}/cbc:TaxExclusiveAmount`);
  add(doc.totals.taxInclusive, `${totals}/cbc:TaxInclusiveAmount`);
  add(doc.totals.allowances, `${totals}/cbc:AllowanceTotalAmount`);
  add(doc.totals.charges, `${totals}/cbc:ChargeTotalAmount`);
  add(doc.totals.prepaid, `${totals}/cbc:PrepaidAmount`);
  add(doc.totals.rounding, `${totals}/cbc:PayableRoundingAmount`);
  add(doc.totals.payable, `${totals}/cbc:PayableAmount`);
  for (const [i, line] of doc.lines.entries()) {
    const path = `${root}/${ctx.lineElement}${nth(i)}`;
    add(line.netAmount, `${path}/cbc:LineExtensionAmount`);
    for (const [j, a] of line.allowances.entries()) allowanceCharge(a, `${path}/${ALLOWANCE}${nth(j)}`);
    for (const [j, c] of line.charges.entries()) allowanceCharge(c, `${path}/${CHARGE}${nth(j)}`);
  }
});

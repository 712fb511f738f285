import type { Identifier, InvoiceLine, Item, LinePrice } from "../../core/invoice/invoice.ts";
import { readAllowancesAndCharges } from "./read-allowance-charge.ts";
import { readPeriod } from "./read-references.ts";
import { cac, cacs, cbc, cbcDecimal, cbcText, decimalOf, identifierOf } from "./ubl-access.ts";
import { attributeOf, type XmlElement } from "./xml-element.ts";

/** BG-31 item from cac:Item. */
function readItem(item: XmlElement | undefined): Item {
  const classifications = [];
  for (const c of cacs(item, "CommodityClassification")) {
    const code = identifierOf(cbc(c, "ItemClassificationCode"), "listID");
    if (code) classifications.push(code);
  }
  return {
    name: cbcText(item, "Name"),
    description: cbcText(item, "Description"),
    sellersId: cbcText(cac(item, "SellersItemIdentification"), "ID"),
    buyersId: cbcText(cac(item, "BuyersItemIdentification"), "ID"),
    standardId: identifierOf(cbc(cac(item, "StandardItemIdentification"), "ID")),
    classifications,
    originCountry: cbcText(cac(item, "OriginCountry"), "IdentificationCode"),
    attributes: cacs(item, "AdditionalItemProperty").map((p) => ({
      name: cbcText(p, "Name") ?? "",
      value: cbcText(p, "Value") ?? "",
    })),
  };
}

/** BG-29 price: BT-146 PriceAmount, BT-149/150 BaseQuantity, BT-147/148 the price discount's Amount/BaseAmount. */
function readPrice(price: XmlElement | undefined): LinePrice {
  const baseQuantity = cbc(price, "BaseQuantity");
  const discount = cac(price, "AllowanceCharge");
  return {
    netPrice: cbcDecimal(price, "PriceAmount"),
    discount: cbcDecimal(discount, "Amount"),
    grossPrice: cbcDecimal(discount, "BaseAmount"),
    baseQuantity: decimalOf(baseQuantity),
    baseUnitCode: attributeOf(baseQuantity, "unitCode"),
  };
}

/**
 * The line's invoiced object (BT-128): the ID of a DocumentReference with type code 130. Older documents (the CEN
 * examples among them) omit the code, so a reference without one is read too, but only when its ID has a value:
 * an empty ID there is not an object identifier the schematron would check (BR-CL-07 requires the code).
 */
function objectIdentifierOf(line: XmlElement): Identifier | undefined {
  const references = cacs(line, "DocumentReference");
  const typed = references.find((r) => cbcText(r, "DocumentTypeCode") === "130");
  if (typed) return identifierOf(cbc(typed, "ID"));
  const untyped = references.find(
    (r) => cbcText(r, "DocumentTypeCode") === undefined && cbcText(r, "ID") !== undefined,
  );
  return identifierOf(cbc(untyped, "ID"));
}

/** BG-25 from cac:InvoiceLine or cac:CreditNoteLine (whose quantity is CreditedQuantity). */
export function readInvoiceLine(
  line: XmlElement,
  quantityName: "InvoicedQuantity" | "CreditedQuantity",
): InvoiceLine {
  const quantity = cbc(line, quantityName);
  const period = cac(line, "InvoicePeriod");
  const item = cac(line, "Item");
  const vat = cac(item, "ClassifiedTaxCategory");
  const { allowances, charges } = readAllowancesAndCharges(cacs(line, "AllowanceCharge"), false);
  return {
    id: cbcText(line, "ID"),
    note: cbcText(line, "Note"),
    objectIdentifier: objectIdentifierOf(line),
    quantity: decimalOf(quantity),
    unitCode: attributeOf(quantity, "unitCode"),
    netAmount: cbcDecimal(line, "LineExtensionAmount"),
    orderLineReference: cbcText(cac(line, "OrderLineReference"), "LineID"),
    accountingCost: cbcText(line, "AccountingCost"),
    period: period ? readPeriod(period) : undefined,
    allowances,
    charges,
    price: readPrice(cac(line, "Price")),
    vat: { category: cbcText(vat, "ID"), rate: cbcDecimal(vat, "Percent") },
    item: readItem(item),
  };
}

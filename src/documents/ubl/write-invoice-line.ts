import type { InvoiceLine, Item } from "../../core/invoice/invoice.ts";
import { writeIdentifier } from "./write-party.ts";
import { writeAllowanceCharge, writeTaxCategory } from "./write-totals.ts";
import type { XmlBuilder } from "./xml-builder.ts";

/** BG-31 as cac:Item in UBL order (Description before Name, identifications, origin, classification, VAT, properties). */
function writeItem(b: XmlBuilder, item: Item, vat: InvoiceLine["vat"]): void {
  b.open("cac:Item")
    .leaf("cbc:Description", item.description, "item.description")
    .leaf("cbc:Name", item.name, "item.name");
  if (item.buyersId) {
    b.open("cac:BuyersItemIdentification")
      .leaf("cbc:ID", item.buyersId, "item.buyersId")
      .close("cac:BuyersItemIdentification");
  }
  if (item.sellersId) {
    b.open("cac:SellersItemIdentification")
      .leaf("cbc:ID", item.sellersId, "item.sellersId")
      .close("cac:SellersItemIdentification");
  }
  if (item.standardId) {
    b.open("cac:StandardItemIdentification");
    writeIdentifier(b, "cbc:ID", item.standardId, "item.standardId");
    b.close("cac:StandardItemIdentification");
  }
  if (item.originCountry) {
    b.open("cac:OriginCountry")
      .leaf("cbc:IdentificationCode", item.originCountry, "item.originCountry")
      .close("cac:OriginCountry");
  }
  for (const c of item.classifications) {
    const listId = b.attr("listID", c.scheme, "item.classifications");
    b.open("cac:CommodityClassification")
      .leaf("cbc:ItemClassificationCode", c.value, "item.classifications", listId)
      .close("cac:CommodityClassification");
  }
  writeTaxCategory(b, "cac:ClassifiedTaxCategory", vat, "vat.category");
  for (const a of item.attributes) {
    b.open("cac:AdditionalItemProperty")
      .leaf("cbc:Name", a.name, "item.attributes.name")
      .leaf("cbc:Value", a.value, "item.attributes.value")
      .close("cac:AdditionalItemProperty");
  }
  b.close("cac:Item");
}

/**
 * BG-25 as cac:InvoiceLine or cac:CreditNoteLine, in UBL order: ID, Note, quantity (InvoicedQuantity or
 * CreditedQuantity, exact, with unitCode), LineExtensionAmount, AccountingCost, InvoicePeriod, OrderLineReference,
 * DocumentReference (BT-128, type 130), AllowanceCharge (BG-27/28), Item, Price (BT-146..150, exact).
 */
export function writeInvoiceLine(
  b: XmlBuilder,
  line: InvoiceLine,
  isInvoice: boolean,
  currencyId: string,
): void {
  const tag = isInvoice ? "cac:InvoiceLine" : "cac:CreditNoteLine";
  b.open(tag)
    .leaf("cbc:ID", line.id, "id")
    .leaf("cbc:Note", line.note, "note")
    .decimal(
      isInvoice ? "cbc:InvoicedQuantity" : "cbc:CreditedQuantity",
      line.quantity,
      b.attr("unitCode", line.unitCode, "unitCode"),
    )
    .amount("cbc:LineExtensionAmount", line.netAmount, currencyId)
    .leaf("cbc:AccountingCost", line.accountingCost, "accountingCost");
  const period = line.period;
  if (period) {
    b.open("cac:InvoicePeriod")
      .leaf("cbc:StartDate", period.start, "period.start")
      .leaf("cbc:EndDate", period.end, "period.end")
      .leaf("cbc:DescriptionCode", period.descriptionCode, "period.descriptionCode")
      .close("cac:InvoicePeriod");
  }
  if (line.orderLineReference) {
    b.open("cac:OrderLineReference")
      .leaf("cbc:LineID", line.orderLineReference, "orderLineReference")
      .close("cac:OrderLineReference");
  }
  if (line.objectIdentifier) {
    b.open("cac:DocumentReference");
    writeIdentifier(b, "cbc:ID", line.objectIdentifier, "objectIdentifier");
    b.leaf("cbc:DocumentTypeCode", "130", "objectIdentifier").close("cac:DocumentReference");
  }
  for (const a of line.allowances) writeAllowanceCharge(b, a, false, currencyId, false);
  for (const c of line.charges) writeAllowanceCharge(b, c, true, currencyId, false);
  writeItem(b, line.item, line.vat);
  const price = line.price;
  b.open("cac:Price")
    .decimal("cbc:PriceAmount", price.netPrice, currencyId)
    .decimal(
      "cbc:BaseQuantity",
      price.baseQuantity,
      b.attr("unitCode", price.baseUnitCode, "price.baseUnitCode"),
    );
  if (price.discount !== undefined || price.grossPrice !== undefined) {
    b.open("cac:AllowanceCharge")
      .leaf("cbc:ChargeIndicator", "false", "price.discount")
      .decimal("cbc:Amount", price.discount, currencyId)
      .decimal("cbc:BaseAmount", price.grossPrice, currencyId)
      .close("cac:AllowanceCharge");
  }
  b.close("cac:Price").close(tag);
}

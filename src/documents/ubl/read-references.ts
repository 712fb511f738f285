import type { Attachment, Delivery, Period, PrecedingInvoice } from "../../core/invoice/invoice.ts";
import { readAddress } from "./read-party.ts";
import { cac, cacs, cbc, cbcText, identifierOf } from "./ubl-access.ts";
import { attributeOf, type XmlElement } from "./xml-element.ts";

/** BG-14 / BG-26 from a cac:InvoicePeriod. */
export function readPeriod(period: XmlElement): Period {
  return {
    start: cbcText(period, "StartDate"),
    end: cbcText(period, "EndDate"),
    descriptionCode: cbcText(period, "DescriptionCode"),
  };
}

/** BG-3 from every cac:BillingReference/cac:InvoiceDocumentReference (a missing number reads as ""). */
export function readPrecedingInvoices(root: XmlElement): PrecedingInvoice[] {
  return cacs(root, "BillingReference").map((b) => {
    const reference = cac(b, "InvoiceDocumentReference");
    return { number: cbcText(reference, "ID") ?? "", issueDate: cbcText(reference, "IssueDate") };
  });
}

/** BG-24 from a cac:AdditionalDocumentReference (a missing id, MIME code or file name reads as ""). */
export function readAttachment(reference: XmlElement): Attachment {
  const attachment = cac(reference, "Attachment");
  const embedded = cbc(attachment, "EmbeddedDocumentBinaryObject");
  return {
    id: cbcText(reference, "ID") ?? "",
    description: cbcText(reference, "DocumentDescription"),
    uri: cbcText(cac(attachment, "ExternalReference"), "URI"),
    content: embedded
      ? {
          mimeCode: attributeOf(embedded, "mimeCode") ?? "",
          filename: attributeOf(embedded, "filename") ?? "",
          base64: embedded.text.trim(),
        }
      : undefined,
  };
}

/** BG-13 from the first cac:Delivery. */
export function readDelivery(delivery: XmlElement | undefined): Delivery | undefined {
  if (!delivery) return undefined;
  const location = cac(delivery, "DeliveryLocation");
  return {
    name: cbcText(cac(cac(delivery, "DeliveryParty"), "PartyName"), "Name"),
    locationId: identifierOf(cbc(location, "ID")),
    date: cbcText(delivery, "ActualDeliveryDate"),
    address: readAddress(cac(location, "Address")),
  };
}

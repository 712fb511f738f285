import type { Attachment, InvoiceDocument } from "../../core/invoice/invoice.ts";
import { writeIdentifier } from "./write-party.ts";
import type { XmlBuilder } from "./xml-builder.ts";

function writeIdReference(b: XmlBuilder, tag: string, id: string | undefined, field: string): void {
  if (id) b.open(tag).leaf("cbc:ID", id, field).close(tag);
}

/** BG-24 as cac:AdditionalDocumentReference: ID, DocumentDescription, Attachment (embedded binary, external URI). */
function writeAttachment(b: XmlBuilder, attachment: Attachment): void {
  b.open("cac:AdditionalDocumentReference")
    .leaf("cbc:ID", attachment.id, "id")
    .leaf("cbc:DocumentDescription", attachment.description, "description");
  const content = attachment.content;
  if (content || attachment.uri) {
    b.open("cac:Attachment");
    if (content) {
      const attributes =
        b.attr("mimeCode", content.mimeCode, "content.mimeCode") +
        b.attr("filename", content.filename, "content.filename");
      b.leaf("cbc:EmbeddedDocumentBinaryObject", content.base64, "content.base64", attributes);
    }
    if (attachment.uri) {
      b.open("cac:ExternalReference").leaf("cbc:URI", attachment.uri, "uri").close("cac:ExternalReference");
    }
    b.close("cac:Attachment");
  }
  b.close("cac:AdditionalDocumentReference");
}

/**
 * The document references between the header and the parties, in the UBL 2.1 order of each root: OrderReference
 * (BT-13, "NA" when only BT-14 exists), BillingReference (BG-3), despatch (BT-16) and receipt (BT-15) advice, then
 * for an Invoice: OriginatorDocumentReference (BT-17), ContractDocumentReference (BT-12), AdditionalDocumentReference
 * (BT-18 as type 130, BG-24), ProjectReference (BT-11); for a CreditNote, which has no ProjectReference and puts the
 * originator last: ContractDocumentReference, AdditionalDocumentReference (BT-18, BT-11 as type 50, BG-24),
 * OriginatorDocumentReference.
 */
export function writeDocumentReferences(b: XmlBuilder, doc: InvoiceDocument, isInvoice: boolean): void {
  if (doc.orderReference || doc.salesOrderReference) {
    b.open("cac:OrderReference")
      .leaf("cbc:ID", doc.orderReference ?? "NA", "orderReference")
      .leaf("cbc:SalesOrderID", doc.salesOrderReference, "salesOrderReference")
      .close("cac:OrderReference");
  }
  doc.precedingInvoices.forEach((p, i) => {
    b.section = `precedingInvoices[${i}]`;
    b.open("cac:BillingReference")
      .open("cac:InvoiceDocumentReference")
      .leaf("cbc:ID", p.number, "number")
      .leaf("cbc:IssueDate", p.issueDate, "issueDate")
      .close("cac:InvoiceDocumentReference")
      .close("cac:BillingReference");
  });
  b.section = "";
  writeIdReference(
    b,
    "cac:DespatchDocumentReference",
    doc.despatchAdviceReference,
    "despatchAdviceReference",
  );
  writeIdReference(
    b,
    "cac:ReceiptDocumentReference",
    doc.receivingAdviceReference,
    "receivingAdviceReference",
  );
  if (isInvoice)
    writeIdReference(b, "cac:OriginatorDocumentReference", doc.tenderReference, "tenderReference");
  writeIdReference(b, "cac:ContractDocumentReference", doc.contractReference, "contractReference");
  if (doc.invoicedObject) {
    b.open("cac:AdditionalDocumentReference");
    writeIdentifier(b, "cbc:ID", doc.invoicedObject, "invoicedObject");
    b.leaf("cbc:DocumentTypeCode", "130", "invoicedObject").close("cac:AdditionalDocumentReference");
  }
  if (!isInvoice && doc.projectReference) {
    b.open("cac:AdditionalDocumentReference")
      .leaf("cbc:ID", doc.projectReference, "projectReference")
      .leaf("cbc:DocumentTypeCode", "50", "projectReference")
      .close("cac:AdditionalDocumentReference");
  }
  doc.attachments.forEach((a, i) => {
    b.section = `attachments[${i}]`;
    writeAttachment(b, a);
  });
  b.section = "";
  if (isInvoice) writeIdReference(b, "cac:ProjectReference", doc.projectReference, "projectReference");
  else writeIdReference(b, "cac:OriginatorDocumentReference", doc.tenderReference, "tenderReference");
}

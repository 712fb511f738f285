import { createPrivateKey, randomBytes, randomUUID } from "node:crypto";
import { BIS_BILLING_PROCESS, BIS_INVOICE_DOCUMENT_TYPE } from "../../../core/peppol/peppol-identifiers.ts";
import { simpleInvoice } from "../../ubl/testing/simple-invoice.ts";
import { writeUbl } from "../../ubl/write-ubl.ts";
import type { As4Seat, As4UserMessageInput } from "../as4/build-as4-user-message.ts";
import type { CertificateTrust } from "../pki/check-certificate-trust.ts";
import type { TestPki, TestPkiEntry } from "./test-pki.ts";

/** A test PKI entry as an AS4 seat (key and certificate). */
export function seatOf(entry: TestPkiEntry): As4Seat {
  return { privateKey: createPrivateKey(entry.privateKeyPem), certificate: entry.certificate };
}

/** Trust in the test AP CA at `at`, with its CRL. */
export function apTrust(pki: TestPki, at: Date): CertificateTrust {
  return {
    trustAnchors: [pki.apCa.certificate],
    at,
    crls: [{ crl: pki.apCrlPem, issuer: pki.apCa.certificate }],
  };
}

/** A UBL invoice (Peppol BIS Billing 3.0) with `lines` lines, as facteur writes it. */
export function testInvoiceXml(lines: number): string {
  const ubl = writeUbl(simpleInvoice(lines));
  if (!ubl.ok) throw new Error(`the test invoice cannot be written: ${ubl.error.message}`);
  return ubl.value;
}

/**
 * A UBL invoice carrying an embedded document of `attachmentBytes` random octets (base64, as Peppol invoices carry
 * a PDF copy): a large payload that, unlike a long run of similar lines, gzip cannot shrink.
 */
export function testInvoiceWithAttachmentXml(attachmentBytes: number): string {
  const reference = [
    "<cac:AdditionalDocumentReference><cbc:ID>copy-1</cbc:ID><cac:Attachment>",
    '<cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="copy.pdf">',
    randomBytes(attachmentBytes).toString("base64"),
    "</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>",
  ].join("");
  return testInvoiceXml(10).replace(
    "<cac:AccountingSupplierParty>",
    `${reference}<cac:AccountingSupplierParty>`,
  );
}

/** The input of an AS4 message from `sender` to the receiver seat, carrying `payload` (an invoice's UBL). */
export function testUserMessageInput(
  pki: Pick<TestPki, "sender" | "receiver">,
  payload: string | Buffer,
  options: { readonly sender?: As4Seat; readonly at?: Date } = {},
): As4UserMessageInput {
  const at = options.at ?? new Date("2026-11-28T12:00:00Z");
  return {
    sbdh: {
      sender: "0208:0123456749",
      receiver: "0208:0202239951",
      documentType: BIS_INVOICE_DOCUMENT_TYPE,
      process: BIS_BILLING_PROCESS,
      countryC1: "BE",
      instanceIdentifier: randomUUID(),
      creationDateTime: at,
    },
    payload,
    messageId: `${randomUUID()}@facteur.test`,
    timestamp: at,
    sender: options.sender ?? seatOf(pki.sender),
    receiverCertificate: pki.receiver.certificate,
  };
}

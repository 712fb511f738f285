import type { Customer } from "../../src/core/customer/customer.ts";
import type { InvoiceDocument } from "../../src/core/invoice/invoice.ts";
import { renderInvoicePdf } from "../../src/documents/pdf/render-invoice-pdf.ts";
import { simpleInvoice } from "../../src/documents/ubl/testing/simple-invoice.ts";
import { writeUbl } from "../../src/documents/ubl/write-ubl.ts";
import { createMessageComposer } from "../../src/mail/compose/create-message-composer.ts";
import { dkimDnsRecord } from "../../src/mail/dkim/dkim-dns-record.ts";
import { generateDkimKey } from "../../src/mail/dkim/dkim-key.ts";
import { createDkimSigner } from "../../src/mail/dkim/dkim-signer.ts";
import { dnsStub } from "../../src/mail/dkim/testing/dns-stub.ts";
import { createSmtpTransport } from "../../src/mail/smtp/smtp-transport.ts";
import { buildCustomer } from "../support/build-customer.ts";
import { labConfig } from "../support/mail-lab.ts";

/** The seller side of the lab tests: one DKIM key, one VERP secret, the lab's bounce domain. */
export const SELLER_DOMAIN = "facteur.test";
export const VERP_SECRET = "lab-verp-secret-0123456789";
const dkimKey = generateDkimKey("rsa-sha256");
const record = dkimDnsRecord({ selector: "lab", domain: SELLER_DOMAIN, ...dkimKey });

/** A resolver that knows only the lab's DKIM record, for mailauth. */
export const dkimResolver = dnsStub([record]);

const signer = createDkimSigner(
  [{ domain: SELLER_DOMAIN, selector: "lab", privateKeyPem: dkimKey.privateKeyPem }],
  {
    now: () => new Date(),
  },
);
if (!signer.ok) throw new Error(signer.error.join("; "));

/** The composer as production wires it: From the billing address, VERP on the lab's bounce domain, DKIM-signed. */
export const composer = createMessageComposer({
  from: { name: "Facteur Demo SRL", address: `billing@${SELLER_DOMAIN}` },
  replyTo: { name: "Facturation", address: `accounts@${SELLER_DOMAIN}` },
  verp: { secret: VERP_SECRET, bounceDomain: labConfig.bounceDomain },
  signer: signer.value,
  now: () => new Date(),
});

/** A pooled transport to the lab relay with short timeouts; a new one sees a fault set after its creation. */
export function labTransport() {
  return createSmtpTransport({
    host: labConfig.smtp.host,
    port: labConfig.smtp.port,
    maxConnections: 2,
    connectionTimeoutMs: 5_000,
    greetingTimeoutMs: 5_000,
    socketTimeoutMs: 10_000,
  });
}

/** A French-speaking customer of the lab. */
export const labCustomer: Customer = buildCustomer("LAB-1", { legalName: "Client A SA" });

/** A real invoice document with its rendered PDF (plain or copy-marked) and UBL. */
export async function renderedInvoice(
  copy = false,
): Promise<{ document: InvoiceDocument; pdf: Buffer; ubl: string }> {
  const document = simpleInvoice(4);
  const ubl = writeUbl(document);
  if (!ubl.ok) throw new Error("the sample invoice does not write as UBL");
  const pdf = await renderInvoicePdf(document, { language: "fr", copy });
  return { document, pdf, ubl: ubl.value };
}

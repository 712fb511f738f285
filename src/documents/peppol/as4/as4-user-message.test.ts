import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BIS_INVOICE_DOCUMENT_TYPE } from "../../../core/peppol/peppol-identifiers.ts";
import { apTrust, seatOf, testInvoiceXml, testUserMessageInput } from "../testing/as4-test-messages.ts";
import { createTestPki } from "../testing/test-pki.ts";
import { buildAs4UserMessage } from "./build-as4-user-message.ts";
import { businessDocumentOf } from "./business-document-of.ts";
import { openAs4UserMessage } from "./open-as4-user-message.ts";
import { readAs4Message } from "./read-as4-message.ts";
import { verifyAs4Signature } from "./verify-as4-signature.ts";

const AT = new Date("2026-11-28T12:00:00Z");
const INVOICE = testInvoiceXml(10);

async function built(options: Parameters<typeof testUserMessageInput>[2] = {}) {
  const pki = await createTestPki();
  const message = buildAs4UserMessage(testUserMessageInput(pki, INVOICE, options));
  if (!message.ok) throw new Error(message.error);
  return { pki, message: message.value };
}

async function open(contentType: string, body: Buffer, at = AT) {
  const pki = await createTestPki();
  return openAs4UserMessage(contentType, body, { receiver: seatOf(pki.receiver), trust: apTrust(pki, at) });
}

function replaceOnce(body: Buffer, from: string, to: string): Buffer {
  const at = body.indexOf(from);
  if (at < 0) throw new Error(`${from} not found`);
  return Buffer.concat([body.subarray(0, at), Buffer.from(to), body.subarray(at + from.length)]);
}

describe("buildAs4UserMessage and openAs4UserMessage", () => {
  it("round-trips an invoice: SBDH, ebMS metadata and signer come back", async () => {
    const { message } = await built();
    const opened = await open(message.contentType, message.body);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const { metadata, sbdh, document, signerCertificate, signatureReferences } = opened.value;
    expect(metadata).toMatchObject({
      messageId: message.messageId,
      timestamp: "2026-11-28T12:00:00.000Z",
      fromParty: "POP000001",
      fromPartyType: "urn:fdc:peppol.eu:2017:identifiers:ap",
      toParty: "POP000002",
      agreementRef: "urn:fdc:peppol.eu:2017:agreements:tia:ap_provider",
      serviceType: "cenbii-procid-ubl",
      action: `busdox-docid-qns::${BIS_INVOICE_DOCUMENT_TYPE}`,
      conversationId: message.messageId,
    });
    expect(Object.fromEntries(metadata.properties)).toEqual({
      originalSender: "0208:0123456749",
      finalRecipient: "0208:0202239951",
    });
    expect(Object.fromEntries(metadata.parts[0]?.properties ?? [])).toEqual({
      MimeType: "application/xml",
      CompressionType: "application/gzip",
    });
    expect(sbdh.header.receiver.value).toBe("0208:0202239951");
    expect(sbdh.businessMessage.name).toBe("Invoice");
    expect(document.toString("utf8")).toContain(INVOICE.replace(/^<\?xml[^?]*\?>\s*/, ""));
    const business = businessDocumentOf(document);
    expect(
      business.ok &&
        business.value.startsWith('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"'),
    ).toBe(true);
    expect(signerCertificate.subject).toContain("CN=POP000001");
    expect(signatureReferences).toHaveLength(3);
    expect(signatureReferences.map((r) => r.slice(0, 60))).toEqual(
      message.signatureReferences.map((r) =>
        `<ds:Reference xmlns:ds="http://www.w3.org/2000/09/xmldsig#" URI="${r.uri}">`.slice(0, 60),
      ),
    );
  });

  it("produces a message the existing AS4 reader and signature verifier accept (attachment still encrypted)", async () => {
    const { message } = await built();
    const read = readAs4Message(message.contentType, message.body);
    if (!read.ok) throw new Error(read.error);
    const verified = verifyAs4Signature(read.value);
    if (!verified.ok) throw new Error(verified.error);
    expect(verified.value.signature.signatureValueValid).toBe(true);
    expect(verified.value.signature.status).toBe("incomplete");
    expect([verified.value.messagingSigned, verified.value.bodySigned]).toEqual([true, true]);
    expect(verified.value.encryptedAttachments).toHaveLength(1);
    expect(message.contentType).toMatch(
      /^multipart\/related; boundary="[^"]+"; type="application\/soap\+xml"; start="<[^>]+>"$/,
    );
  });

  it("fails on a one-byte change anywhere that matters", async () => {
    const { message } = await built();
    const soapEnd = message.body.indexOf("</S12:Envelope>");
    const flips: [string, number, string][] = [
      ["eb:Messaging", message.body.indexOf("POP000002"), "EBMS:0101"],
      ["the SignatureValue", message.body.indexOf("<ds:SignatureValue>") + 25, "EBMS:0101"],
      ["the attachment ciphertext", message.body.length - 200, "EBMS:0102"],
      ["the wrapped key", message.body.indexOf("<xenc:CipherValue>") + 30, "EBMS:0102"],
    ];
    for (const [what, offset, code] of flips) {
      expect(offset, what).toBeGreaterThan(0);
      const tampered = Buffer.from(message.body);
      tampered[offset] = (tampered[offset] ?? 0) ^ 0x01;
      const opened = await open(message.contentType, tampered);
      expect(opened.ok, what).toBe(false);
      expect(opened.ok ? "" : opened.error.code, what).toBe(code);
    }
    expect(soapEnd).toBeGreaterThan(0);
  });

  it("refuses a message for another receiver (wrong key) with FailedDecryption", async () => {
    const { pki, message } = await built();
    const opened = await openAs4UserMessage(message.contentType, message.body, {
      receiver: seatOf(pki.sender),
      trust: apTrust(pki, AT),
    });
    expect(opened).toMatchObject({
      ok: false,
      error: { code: "EBMS:0102", shortDescription: "FailedDecryption" },
    });
    expect(opened.ok ? "" : opened.error.refToMessageId).toBe(message.messageId);
  });

  it("refuses senders with an expired, revoked or foreign certificate as FailedAuthentication", async () => {
    const pki = await createTestPki();
    for (const [entry, reason] of [
      [pki.expired, "expired"],
      [pki.revoked, "revoked"],
      [pki.smp, "unknown-issuer"],
    ] as const) {
      const { message } = await built({ sender: seatOf(entry) });
      const opened = await open(message.contentType, message.body);
      expect(opened).toMatchObject({ ok: false, error: { code: "EBMS:0101" } });
      expect(opened.ok ? "" : opened.error.detail).toContain(reason);
    }
  });

  it("judges the sender before any decryption: an untrusted or wrongly signed message with a garbage key", async () => {
    const pki = await createTestPki();
    /** The message with its EncryptedKey's CipherValue replaced: any attempt to unwrap it fails. */
    const withGarbageKey = (body: Buffer) => {
      const text = body.toString("latin1");
      const start = text.indexOf("<xenc:CipherValue>") + "<xenc:CipherValue>".length;
      const end = text.indexOf("</xenc:CipherValue>", start);
      expect(start).toBeGreaterThan("<xenc:CipherValue>".length);
      return Buffer.from(`${text.slice(0, start)}Z2FyYmFnZQ==${text.slice(end)}`, "latin1");
    };
    const trusted = (await built()).message;
    // The control: from a trusted seat, the garbage key is what fails, at decryption.
    const control = await open(trusted.contentType, withGarbageKey(trusted.body));
    expect(control).toMatchObject({ ok: false, error: { code: "EBMS:0102" } });

    const stranger = (await built({ sender: seatOf(pki.smp) })).message;
    const untrusted = await open(stranger.contentType, withGarbageKey(stranger.body));
    expect(untrusted).toMatchObject({ ok: false, error: { code: "EBMS:0101" } });
    expect(untrusted.ok ? "" : untrusted.error.detail).toMatch(/^the signer: .*unknown-issuer/);

    const forged = withGarbageKey(trusted.body);
    const at = forged.indexOf("<ds:SignatureValue>") + 25;
    expect(at).toBeGreaterThan(25);
    forged[at] = (forged[at] ?? 0) ^ 0x01;
    const wronglySigned = await open(trusted.contentType, forged);
    expect(wronglySigned).toMatchObject({ ok: false, error: { code: "EBMS:0101" } });
    expect(wronglySigned.ok ? "" : wronglySigned.error.detail).toContain("SignatureValue");
  });

  it("refuses a message whose signer is not the From party", async () => {
    const { message } = await built();
    const forged = replaceOnce(message.body, "POP000001</eb:PartyId>", "POP000009</eb:PartyId>");
    const opened = await open(message.contentType, forged);
    expect(opened).toMatchObject({ ok: false, error: { code: "EBMS:0101" } });
  });

  it("refuses signature wrapping: the signed eb:Messaging moved aside and a forged one in its place", async () => {
    const { message } = await built();
    const text = message.body.toString("latin1");
    const start = text.indexOf("<eb:Messaging ");
    const end = text.indexOf("</eb:Messaging>") + "</eb:Messaging>".length;
    const signed = text.slice(start, end);
    const forged = signed
      .replace(/wsu:Id="[^"]+"/, 'wsu:Id="forged"')
      .replace(/<eb:ConversationId>[^<]+</, "<eb:ConversationId>forged<");
    const wrapped = text.slice(0, start) + forged + text.slice(end);
    const attack = wrapped.replace("</wsse:Security>", `${signed}</wsse:Security>`);
    const opened = await open(message.contentType, Buffer.from(attack, "latin1"));
    expect(opened).toMatchObject({ ok: false, error: { code: "EBMS:0101" } });
  });

  it("names MIME and header problems with their ebMS codes", async () => {
    const { message } = await built();
    expect(await open("text/plain", message.body)).toMatchObject({ ok: false, error: { code: "EBMS:0007" } });
    const noMessaging = replaceOnce(message.body, "<eb:MessageId>", "<eb:MessageIdX>");
    expect(await open(message.contentType, noMessaging)).toMatchObject({
      ok: false,
      error: { code: "EBMS:0009" },
    });
  });

  it("stops a zip bomb at the size limit with DecompressionFailure", async () => {
    const pki = await createTestPki();
    const { message } = await built();
    const opened = await openAs4UserMessage(message.contentType, message.body, {
      receiver: seatOf(pki.receiver),
      trust: apTrust(pki, AT),
      maxPayloadBytes: 1000,
    });
    expect(opened).toMatchObject({ ok: false, error: { code: "EBMS:0303" } });
    expect(opened.ok ? "" : opened.error.detail).toContain("beyond 1000 bytes");
    expect(gzipSync(Buffer.alloc(1)).length).toBeGreaterThan(0);
  });
});

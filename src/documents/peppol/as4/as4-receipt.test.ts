import { describe, expect, it } from "vitest";
import { apTrust, seatOf, testInvoiceXml, testUserMessageInput } from "../testing/as4-test-messages.ts";
import { corpusFile, PEPPOL_CORPUS_PRESENT, PEPPOL_SKIP_NOTE } from "../testing/peppol-corpus.ts";
import { createTestPki } from "../testing/test-pki.ts";
import { parseXmlTree } from "../xml/parse-xml-tree.ts";
import { buildAs4Receipt } from "./build-as4-receipt.ts";
import { buildAs4UserMessage } from "./build-as4-user-message.ts";
import { openAs4UserMessage } from "./open-as4-user-message.ts";
import { readAs4Dump } from "./read-as4-message.ts";
import { readAs4Signal } from "./read-as4-signal.ts";
import { verifyAs4Receipt } from "./verify-as4-receipt.ts";

const AT = new Date("2026-11-28T12:00:00Z");

async function exchange() {
  const pki = await createTestPki();
  const input = testUserMessageInput(pki, testInvoiceXml(3));
  const sent = buildAs4UserMessage(input);
  if (!sent.ok) throw new Error(sent.error);
  const opened = await openAs4UserMessage(sent.value.contentType, sent.value.body, {
    receiver: seatOf(pki.receiver),
    trust: apTrust(pki, AT),
  });
  if (!opened.ok) throw new Error(opened.error.detail);
  const receipt = buildAs4Receipt({
    refToMessageId: opened.value.metadata.messageId,
    signatureReferences: opened.value.signatureReferences,
    messageId: "receipt-1@receiver.test",
    timestamp: AT,
    signer: seatOf(pki.receiver),
  });
  if (!receipt.ok) throw new Error(receipt.error);
  const sentMessage = { ...sent.value, receiverCertificate: pki.receiver.certificate };
  return { pki, sent: sentMessage, receipt: receipt.value };
}

describe("AS4 receipts", () => {
  it("builds a signed receipt whose NRI echoes the user message's references, and the sender accepts it", async () => {
    const { pki, sent, receipt } = await exchange();
    const verified = await verifyAs4Receipt(receipt.contentType, receipt.body, {
      sent,
      trust: apTrust(pki, AT),
    });
    if (!verified.ok) throw new Error(verified.error.detail);
    expect(verified.value.signal).toMatchObject({
      kind: "receipt",
      messageId: "receipt-1@receiver.test",
      refToMessageId: sent.messageId,
      timestamp: "2026-11-28T12:00:00.000Z",
    });
    const echoed = verified.value.signal.kind === "receipt" ? verified.value.signal.nonRepudiation : [];
    expect(echoed.map((r) => r.uri)).toEqual(sent.signatureReferences.map((r) => r.uri));
    expect(verified.value.signerCertificate.subject).toContain("CN=POP000002");
  });

  it("refuses a receipt for another message, with other references, tampered, or from another seat", async () => {
    const { pki, sent, receipt } = await exchange();
    const trust = apTrust(pki, AT);
    const other = await verifyAs4Receipt(receipt.contentType, receipt.body, {
      sent: { ...sent, messageId: "other@facteur.test" },
      trust,
    });
    expect(other).toMatchObject({
      ok: false,
      error: { code: "EBMS:0302", shortDescription: "InvalidReceipt" },
    });
    const [first, ...rest] = sent.signatureReferences;
    if (!first) throw new Error("no reference");
    const changed = { ...first, digestValue: Buffer.alloc(32) };
    const wrongRefs = await verifyAs4Receipt(receipt.contentType, receipt.body, {
      sent: { ...sent, signatureReferences: [changed, ...rest] },
      trust,
    });
    expect(wrongRefs.ok ? "" : wrongRefs.error.detail).toContain("does not echo the reference");
    const fewer = await verifyAs4Receipt(receipt.contentType, receipt.body, {
      sent: { ...sent, signatureReferences: rest },
      trust,
    });
    expect(fewer.ok ? "" : fewer.error.detail).toContain("names 3 references, not 2");
    const tampered = Buffer.from(receipt.body);
    const offset = tampered.indexOf("<eb:RefToMessageId>") - 30;
    tampered[offset] = (tampered[offset] ?? 0) ^ 0x01;
    expect((await verifyAs4Receipt(receipt.contentType, tampered, { sent, trust })).ok).toBe(false);
    const wrongSigner = await verifyAs4Receipt(receipt.contentType, receipt.body, {
      sent: { ...sent, receiverCertificate: pki.sender.certificate },
      trust,
    });
    expect(wrongSigner.ok ? "" : wrongSigner.error.detail).toContain("not signed by the receiver");
  });

  it("refuses a receipt signed by a revoked seat", async () => {
    const { pki, sent } = await exchange();
    const receipt = buildAs4Receipt({
      refToMessageId: sent.messageId,
      signatureReferences: [
        '<ds:Reference xmlns:ds="http://www.w3.org/2000/09/xmldsig#" URI="#x"><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"></ds:DigestMethod><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference>',
      ],
      messageId: "receipt-2@receiver.test",
      timestamp: AT,
      signer: seatOf(pki.revoked),
    });
    if (!receipt.ok) throw new Error(receipt.error);
    const verified = await verifyAs4Receipt(receipt.value.contentType, receipt.value.body, {
      sent: { messageId: sent.messageId, signatureReferences: sent.signatureReferences },
      trust: apTrust(pki, AT),
    });
    expect(verified.ok ? "" : verified.error.detail).toContain("revoked");
  });

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `reads the NRI and RefToMessageId of the real receipts in the corpus${PEPPOL_SKIP_NOTE}`,
    () => {
      for (const name of ["helger.as4in", "governikus.as4in", "dataport1-mustunderstand.as4in"]) {
        const message = readAs4Dump(corpusFile(`as4-messages/${name}`));
        if (!message.ok) throw new Error(message.error);
        const parsed = parseXmlTree(message.value.soap);
        if (!parsed.ok) throw new Error(parsed.error.message);
        const signal = readAs4Signal(parsed.value.root);
        expect(signal.ok && signal.value.kind, name).toBe("receipt");
        const references = signal.ok && signal.value.kind === "receipt" ? signal.value.nonRepudiation : [];
        expect(references.length, name).toBeGreaterThanOrEqual(2);
        expect(
          references.every((r) => r.digestValue.length === 32),
          name,
        ).toBe(true);
      }
    },
  );

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(`reads an error signal with its codes${PEPPOL_SKIP_NOTE}`, () => {
    const xml = corpusFile("as4-messages/negative/ErrorMessage.xml");
    const parsed = parseXmlTree(xml);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(readAs4Signal(parsed.value.root)).toMatchObject({
      ok: true,
      value: {
        kind: "error",
        errors: [
          {
            errorCode: "EBMS:0001",
            severity: "failure",
            shortDescription: "ValueNotRecognized",
            refToMessageInError: "ph-as4@42ec020f-9553-4b6d-ba8e-265cf1f6fd34",
          },
        ],
      },
    });
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAs4Receipt } from "../../src/documents/peppol/as4/build-as4-receipt.ts";
import { buildAs4UserMessage } from "../../src/documents/peppol/as4/build-as4-user-message.ts";
import { openAs4UserMessage } from "../../src/documents/peppol/as4/open-as4-user-message.ts";
import { readAs4Message } from "../../src/documents/peppol/as4/read-as4-message.ts";
import {
  apTrust,
  seatOf,
  testInvoiceWithAttachmentXml,
  testInvoiceXml,
  testUserMessageInput,
} from "../../src/documents/peppol/testing/as4-test-messages.ts";
import {
  corpusFile,
  PEPPOL_CORPUS_PRESENT,
  PEPPOL_SKIP_NOTE,
} from "../../src/documents/peppol/testing/peppol-corpus.ts";
import { createTestPki, type TestPki } from "../../src/documents/peppol/testing/test-pki.ts";
import { indexElementIds } from "../../src/documents/peppol/xml/element-ids.ts";
import { parseXmlTree } from "../../src/documents/peppol/xml/parse-xml-tree.ts";
import { treeChild } from "../../src/documents/peppol/xml/xml-tree.ts";
import { signXmlEnveloped } from "../../src/documents/peppol/xmldsig/sign-xml.ts";
import { WSSE_NS } from "../../src/documents/peppol/xmldsig/xmldsig-algorithms.ts";
import { decryptAes128Gcm, encryptAes128Gcm } from "../../src/documents/peppol/xmlenc/aes-gcm.ts";
import { readAttachmentEncryption } from "../../src/documents/peppol/xmlenc/read-attachment-encryption.ts";
import { unwrapKeyRsaOaep } from "../../src/documents/peppol/xmlenc/rsa-oaep.ts";
import { compileSantuarioHarness, runSantuario } from "./santuario/santuario-harness.ts";

const AT = new Date("2026-11-28T12:00:00Z");
/** 8 MB of random octets are 10.7 MB of base64: a payload over 10 MiB that compression cannot shrink. */
const TEN_MB_ATTACHMENT = 8_000_000;

interface Message {
  readonly contentType: string;
  readonly body: Buffer;
}

let pki: TestPki;
let classes: string;
let keyPem: string;
let caPem: string;
/** Temporary folders (classes, keys, messages), removed after the run. */
const scratch: string[] = [];

function folderWith(messages: ReadonlyMap<string, Message>): string {
  const folder = mkdtempSync(join(tmpdir(), "facteur-as4-"));
  scratch.push(folder);
  for (const [name, message] of messages) {
    writeFileSync(join(folder, `${name}.bin`), message.body);
    writeFileSync(join(folder, `${name}.type`), message.contentType);
  }
  return folder;
}

function build(lines: number, payload = testInvoiceXml(lines)): Message {
  const built = buildAs4UserMessage(testUserMessageInput(pki, payload, { at: AT }));
  if (!built.ok) throw new Error(built.error);
  return built.value;
}

function flipByte(message: Message, offset: number): Message {
  const body = Buffer.from(message.body);
  body[offset] = (body[offset] ?? 0) ^ 0x01;
  return { ...message, body };
}

/** The same message with one character of the SBDH changed, re-compressed and re-encrypted under the same key. */
function reencrypted(message: Message): Message {
  const read = readAs4Message(message.contentType, message.body);
  if (!read.ok) throw new Error(read.error);
  const envelope = parseXmlTree(read.value.soap);
  if (!envelope.ok) throw new Error(envelope.error.message);
  const root = envelope.value.root;
  const security = treeChild(treeChild(root, root.ns, "Header"), WSSE_NS, "Security");
  if (!security) throw new Error("no security header");
  const encryption = readAttachmentEncryption(security, indexElementIds(root));
  const [entry] = encryption.ok ? encryption.value : [];
  const ciphertext = entry ? read.value.attachments.get(entry.contentId)?.body : undefined;
  if (!entry || !ciphertext) throw new Error("no encrypted attachment");
  const key = unwrapKeyRsaOaep(seatOf(pki.receiver).privateKey, entry.wrappedKey);
  if (!key.ok) throw new Error(key.error);
  const plaintext = decryptAes128Gcm(key.value, ciphertext);
  if (!plaintext.ok) throw new Error(plaintext.error);
  const changed = gunzipSync(plaintext.value)
    .toString("utf8")
    .replace("Consulting, item 1<", "Consulting, item 2<");
  const forged = encryptAes128Gcm(key.value, gzipSync(Buffer.from(changed, "utf8")));
  const at = message.body.indexOf(ciphertext);
  const body = Buffer.concat([
    message.body.subarray(0, at),
    forged,
    message.body.subarray(at + ciphertext.length),
  ]);
  return { ...message, body };
}

describe("Apache Santuario verifies and decrypts what facteur sends", () => {
  beforeAll(async () => {
    pki = await createTestPki();
    classes = compileSantuarioHarness();
    const keys = mkdtempSync(join(tmpdir(), "facteur-as4-keys-"));
    scratch.push(classes, keys);
    keyPem = join(keys, "receiver-key.pem");
    caPem = join(keys, "ap-ca.pem");
    writeFileSync(keyPem, pki.receiver.privateKeyPem);
    writeFileSync(caPem, pki.apCa.certificatePem);
  }, 180_000);

  afterAll(() => {
    for (const folder of scratch) rmSync(folder, { recursive: true, force: true });
  });

  it("accepts 100% of a generated set: 40 ten-line, 3 thousand-line and one 10 MB message", async () => {
    const messages = new Map<string, Message>();
    for (let i = 0; i < 40; i++) messages.set(`small-${String(i).padStart(2, "0")}`, build(10));
    for (let i = 0; i < 3; i++) messages.set(`large-${i}`, build(1000));
    const huge = build(10, testInvoiceWithAttachmentXml(TEN_MB_ATTACHMENT));
    messages.set("ten-mb", huge);
    expect(huge.body.length).toBeGreaterThan(8_000_000);
    const run = await runSantuario(classes, keyPem, caPem, folderWith(messages));
    expect(
      run.results.filter((r) => !r.ok),
      run.output,
    ).toEqual([]);
    expect(run.results).toHaveLength(messages.size);
    expect(run.exitCode).toBe(0);
    const opened = await openAs4UserMessage(huge.contentType, huge.body, {
      receiver: seatOf(pki.receiver),
      trust: apTrust(pki, AT),
    });
    expect(opened.ok && opened.value.document.length).toBeGreaterThan(10 * 1024 * 1024);
    const small = run.results.filter((r) => r.name.startsWith("small-")).slice(10);
    const mean = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) / values.length);
    console.log(
      `Santuario, 10-line messages after warm-up: decrypt ${mean(small.map((r) => r.decryptMicros ?? 0))} µs, verify ${mean(small.map((r) => r.verifyMicros ?? 0))} µs; 10 MB: decrypt ${run.results.find((r) => r.name === "ten-mb")?.decryptMicros} µs, verify ${run.results.find((r) => r.name === "ten-mb")?.verifyMicros} µs`,
    );
  }, 300_000);

  it("verifies facteur's signed receipts (NonRepudiationInformation) too, and refuses a tampered one", async () => {
    const messages = new Map<string, Message>();
    for (let i = 0; i < 5; i++) {
      const sent = build(10);
      const opened = await openAs4UserMessage(sent.contentType, sent.body, {
        receiver: seatOf(pki.receiver),
        trust: apTrust(pki, AT),
      });
      if (!opened.ok) throw new Error(opened.error.detail);
      const receipt = buildAs4Receipt({
        refToMessageId: opened.value.metadata.messageId,
        signatureReferences: opened.value.signatureReferences,
        messageId: `receipt-${i}@receiver.test`,
        timestamp: AT,
        signer: seatOf(pki.receiver),
      });
      if (!receipt.ok) throw new Error(receipt.error);
      messages.set(`receipt-${i}`, receipt.value);
    }
    const first = messages.get("receipt-0");
    if (!first) throw new Error("no receipt");
    messages.set("tampered-receipt", flipByte(first, first.body.indexOf("<eb:RefToMessageId>") + 22));
    const run = await runSantuario(classes, keyPem, caPem, folderWith(messages));
    const outcome = Object.fromEntries(run.results.map((r) => [r.name, r.ok]));
    expect(outcome, run.output).toEqual({
      "receipt-0": true,
      "receipt-1": true,
      "receipt-2": true,
      "receipt-3": true,
      "receipt-4": true,
      "tampered-receipt": false,
    });
  }, 300_000);

  it.skipIf(!PEPPOL_CORPUS_PRESENT)(
    `verifies SMP responses signed by signXmlEnveloped (exclusive and inclusive c14n), not a tampered one${PEPPOL_SKIP_NOTE}`,
    async () => {
      const folder = mkdtempSync(join(tmpdir(), "facteur-smp-"));
      scratch.push(folder);
      const signer = { privateKey: seatOf(pki.smp).privateKey, certificate: pki.smp.certificate };
      const smpCa = join(folder, "smp-ca.pem");
      writeFileSync(smpCa, pki.smpCa.certificatePem);
      const documents = mkdtempSync(join(folder, "documents-"));
      for (const canonicalization of ["exclusive", "inclusive"] as const) {
        for (const prefix of ["", "ds"]) {
          const signed = signXmlEnveloped(corpusFile("smp/peppol-service-metadata.xml"), signer, {
            canonicalization,
            prefix,
          });
          if (!signed.ok) throw new Error(signed.error);
          writeFileSync(join(documents, `smp-${canonicalization}-${prefix || "default"}.xml`), signed.value);
          if (canonicalization === "exclusive" && prefix === "ds") {
            const tampered = signed.value.toString("utf8").replace("Unit test service", "Unit test servicf");
            writeFileSync(join(documents, "tampered-smp.xml"), tampered);
          }
        }
      }
      const run = await runSantuario(classes, keyPem, smpCa, documents);
      const outcome = Object.fromEntries(run.results.map((r) => [r.name, r.ok]));
      expect(outcome, run.output).toEqual({
        "smp-exclusive-default": true,
        "smp-exclusive-ds": true,
        "smp-inclusive-default": true,
        "smp-inclusive-ds": true,
        "tampered-smp": false,
      });
    },
    300_000,
  );

  it("refuses every one-byte tamper: header, signature value, ciphertext, wrapped key, re-encrypted payload", async () => {
    const original = build(10);
    const offsets = {
      messaging: original.body.indexOf("POP000002"),
      "signature-value": original.body.indexOf("<ds:SignatureValue>") + 25,
      ciphertext: original.body.length - 200,
      "wrapped-key": original.body.indexOf("<xenc:CipherValue>") + 30,
    };
    const messages = new Map<string, Message>([["untouched", original]]);
    for (const [name, offset] of Object.entries(offsets)) {
      expect(offset, name).toBeGreaterThan(0);
      messages.set(`tampered-${name}`, flipByte(original, offset));
    }
    messages.set("tampered-reencrypted-payload", reencrypted(original));
    const run = await runSantuario(classes, keyPem, caPem, folderWith(messages));
    expect(run.exitCode).toBe(1);
    const outcome = Object.fromEntries(run.results.map((r) => [r.name, r.ok]));
    expect(outcome).toEqual({
      untouched: true,
      "tampered-messaging": false,
      "tampered-signature-value": false,
      "tampered-ciphertext": false,
      "tampered-wrapped-key": false,
      "tampered-reencrypted-payload": false,
    });
    const reencryptedResult = run.results.find((r) => r.name === "tampered-reencrypted-payload");
    expect(reencryptedResult?.detail).toContain("signature does not verify");
    const ours = await openAs4UserMessage(original.contentType, reencrypted(original).body, {
      receiver: seatOf(pki.receiver),
      trust: apTrust(pki, AT),
    });
    expect(ours).toMatchObject({ ok: false, error: { code: "EBMS:0101" } });
  }, 300_000);
});

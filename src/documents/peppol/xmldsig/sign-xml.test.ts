import { createPrivateKey, type X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifySmpSignature } from "../smp/verify-smp-signature.ts";
import { createTestPki } from "../testing/test-pki.ts";
import { parseXmlTree } from "../xml/parse-xml-tree.ts";
import { treeChildren } from "../xml/xml-tree.ts";
import { signXmlEnveloped } from "./sign-xml.ts";
import { verifyXmlSignature } from "./verify-xml-signature.ts";
import { DSIG_NS } from "./xmldsig-algorithms.ts";

const SMP_NS = "http://busdox.org/serviceMetadata/publishing/1.0/";
// Prefixes chosen so that code-point order ("S12" < "eb" < "smp") differs from a case-insensitive sort.
const RESPONSE = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment before the root -->
<smp:SignedServiceMetadata xmlns:smp="${SMP_NS}" xmlns:eb="urn:x:eb" xmlns:S12="urn:x:s12">
  <smp:ServiceMetadata>
    <smp:ServiceInformation eb:attr="1" S12:attr="2">Caf\u00e9 &amp; \u{1F600}\r\n<smp:Certificate>abc</smp:Certificate></smp:ServiceInformation>
  </smp:ServiceMetadata>
</smp:SignedServiceMetadata>`;

async function signer() {
  const pki = await createTestPki();
  return { privateKey: createPrivateKey(pki.smp.privateKeyPem), certificate: pki.smp.certificate };
}

function check(signed: Buffer, certificate?: X509Certificate) {
  const document = parseXmlTree(signed);
  if (!document.ok) throw new Error(document.error.message);
  return verifySmpSignature(document.value, { allowSha1: false, ...(certificate ? { certificate } : {}) });
}

describe("signXmlEnveloped", () => {
  for (const canonicalization of ["exclusive", "inclusive"] as const) {
    for (const prefix of ["", "ds"]) {
      it(`signs an SMP response the verifier accepts (${canonicalization}, prefix "${prefix}")`, async () => {
        const key = await signer();
        const signed = signXmlEnveloped(RESPONSE, key, { canonicalization, prefix });
        if (!signed.ok) throw new Error(signed.error);
        const verified = check(signed.value);
        expect(verified).toMatchObject({ status: "valid", problems: [] });
        expect(verified.certificate?.subject).toContain("CN=PSG000001");
      });
    }
  }

  it("places the signature as the root's last child and keeps the rest as written", async () => {
    const signed = signXmlEnveloped(RESPONSE, await signer());
    if (!signed.ok) throw new Error(signed.error);
    const text = signed.value.toString("utf8");
    expect(text.startsWith(RESPONSE.slice(0, RESPONSE.lastIndexOf("</smp:SignedServiceMetadata>")))).toBe(
      true,
    );
    expect(text.endsWith("</Signature></smp:SignedServiceMetadata>")).toBe(true);
    const document = parseXmlTree(signed.value);
    expect(document.ok && treeChildren(document.value.root, DSIG_NS, "Signature").length).toBe(1);
  });

  it("fails verification after a one-character change, with another key, and refuses to sign twice", async () => {
    const key = await signer();
    const signed = signXmlEnveloped(RESPONSE, key);
    if (!signed.ok) throw new Error(signed.error);
    const tampered = Buffer.from(signed.value.toString("utf8").replace(">abc<", ">abd<"));
    expect(check(tampered).status).toBe("invalid");
    const pki = await createTestPki();
    const other = check(signed.value, pki.sender.certificate);
    expect(other).toMatchObject({ status: "invalid", signatureValueValid: false });
    expect(signXmlEnveloped(signed.value, key)).toEqual({
      ok: false,
      error: "the document is already signed",
    });
  });

  it("signs with an inclusive canonicalisation that sees the ancestors' namespaces in SignedInfo", async () => {
    const signed = signXmlEnveloped(RESPONSE, await signer(), {
      canonicalization: "inclusive",
      prefix: "ds",
    });
    if (!signed.ok) throw new Error(signed.error);
    const document = parseXmlTree(signed.value);
    if (!document.ok) throw new Error(document.error.message);
    const [signature] = treeChildren(document.value.root, DSIG_NS, "Signature");
    if (!signature) throw new Error("no signature");
    expect(verifyXmlSignature(document.value, signature).status).toBe("valid");
    expect(signed.value.toString("utf8")).toContain(
      'Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"',
    );
  });

  it("refuses input that is not XML", async () => {
    expect(signXmlEnveloped("<a>", await signer()).ok).toBe(false);
  });
});

import { createHash, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { corpusFile, PEPPOL_CORPUS_PRESENT, PEPPOL_SKIP_NOTE } from "../testing/peppol-corpus.ts";
import { canonicalize } from "../xml/canonicalize.ts";
import { parseXmlTree } from "../xml/parse-xml-tree.ts";
import { treeChild, type XmlTreeDocument, type XmlTreeElement } from "../xml/xml-tree.ts";
import { verifyXmlSignature } from "./verify-xml-signature.ts";
import { DSIG_NS, WSU_NS } from "./xmldsig-algorithms.ts";

const RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
const ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
const EXC = "http://www.w3.org/2001/10/xml-exc-c14n#";
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });

function parse(xml: string | Buffer): XmlTreeDocument {
  const parsed = parseXmlTree(xml);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

function byLocalName(element: XmlTreeElement, name: string): XmlTreeElement | undefined {
  if (element.localName === name) return element;
  for (const child of element.children)
    if (child.kind === "element") {
      const found = byLocalName(child, name);
      if (found) return found;
    }
  return undefined;
}

const BODY = `<b:Body xmlns:b="urn:b" xmlns:wsu="${WSU_NS}" wsu:Id="body">Pay <b:amount>100</b:amount> EUR</b:Body>`;

/** A SOAP-like message signed as an access point signs: exc-c14n, a wsu:Id reference, a PrefixList. */
function signedMessage(algorithm: string, privateKey: KeyObject, body = BODY): string {
  const digest = createHash("sha256")
    .update(
      canonicalize(
        byLocalName(parse(`<S:Envelope xmlns:S="urn:s">${body}</S:Envelope>`).root, "Body") as XmlTreeElement,
        { mode: "exclusive", inclusivePrefixes: ["S"] },
      ),
    )
    .digest("base64");
  const signedInfo = `<ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${EXC}"/><ds:SignatureMethod Algorithm="${algorithm}"/><ds:Reference URI="#body"><ds:Transforms><ds:Transform Algorithm="${EXC}"><ec:InclusiveNamespaces xmlns:ec="${EXC}" PrefixList="S"/></ds:Transform></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>${digest}</ds:DigestValue></ds:Reference></ds:SignedInfo>`;
  const template = (value: string) =>
    `<S:Envelope xmlns:S="urn:s"><S:Header><ds:Signature xmlns:ds="${DSIG_NS}">${signedInfo}<ds:SignatureValue>${value}</ds:SignatureValue></ds:Signature></S:Header>${body}</S:Envelope>`;
  const info = byLocalName(parse(template("AA==")).root, "SignedInfo") as XmlTreeElement;
  const octets = Buffer.from(canonicalize(info, { mode: "exclusive" }), "utf8");
  const dsaEncoding = algorithm === ECDSA_SHA256 ? "ieee-p1363" : "der";
  return template(sign("sha256", octets, { key: privateKey, dsaEncoding }).toString("base64"));
}

function verify(xml: string, publicKey: KeyObject) {
  const document = parse(xml);
  const signature = byLocalName(document.root, "Signature") as XmlTreeElement;
  return verifyXmlSignature(document, signature, { publicKey });
}

describe("verifyXmlSignature on generated signatures", () => {
  it("verifies an RSA-SHA256 signature over an exclusively canonicalised wsu:Id reference", () => {
    const check = verify(signedMessage(RSA_SHA256, rsa.privateKey), rsa.publicKey);
    expect(check).toMatchObject({ status: "valid", signatureValueValid: true, problems: [] });
    expect(check.references[0]?.element?.localName).toBe("Body");
  });

  it("verifies an ECDSA-SHA256 signature, whose value is r||s", () => {
    expect(verify(signedMessage(ECDSA_SHA256, ec.privateKey), ec.publicKey).status).toBe("valid");
  });

  it("fails when one character of the signed content changes", () => {
    const tampered = signedMessage(RSA_SHA256, rsa.privateKey).replace(">100<", ">900<");
    const check = verify(tampered, rsa.publicKey);
    expect(check.status).toBe("invalid");
    expect(check.references[0]?.status).toBe("digest-mismatch");
    expect(check.signatureValueValid).toBe(true);
  });

  it("fails when SignedInfo changes, even with the content's digest made to match", () => {
    const message = signedMessage(RSA_SHA256, rsa.privateKey);
    const other = signedMessage(RSA_SHA256, rsa.privateKey, BODY.replace(">100<", ">900<"));
    const otherDigest = /<ds:DigestValue>([^<]+)</.exec(other)?.[1] ?? "";
    const forged = message
      .replace(/<ds:DigestValue>[^<]+</, `<ds:DigestValue>${otherDigest}<`)
      .replace(">100<", ">900<");
    const check = verify(forged, rsa.publicKey);
    expect(check.references[0]?.status).toBe("valid");
    expect(check.problems).toContain("the SignatureValue does not verify");
  });

  it("fails with another key, and with a key of the wrong type", () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
    expect(verify(signedMessage(RSA_SHA256, rsa.privateKey), other.publicKey).problems).toContain(
      "the SignatureValue does not verify",
    );
    expect(verify(signedMessage(RSA_SHA256, rsa.privateKey), ec.publicKey).problems[0]).toContain(
      "does not fit",
    );
  });

  it("refuses a reference whose id names two elements (signature wrapping)", () => {
    const message = signedMessage(RSA_SHA256, rsa.privateKey).replace(
      "<S:Header>",
      `<S:Header><x:Fake xmlns:x="urn:x" xmlns:wsu="${WSU_NS}" wsu:Id="body"/>`,
    );
    const check = verify(message, rsa.publicKey);
    expect(check.references[0]).toMatchObject({
      status: "missing",
      message: "the id names several elements",
    });
    expect(check.status).toBe("invalid");
  });

  it("reports a reference to an id that is not in the document", () => {
    const message = signedMessage(RSA_SHA256, rsa.privateKey).replace('wsu:Id="body"', 'wsu:Id="other"');
    expect(verify(message, rsa.publicKey).references[0]).toMatchObject({
      status: "missing",
      message: "no such id",
    });
  });

  it("reports an unsupported transform instead of guessing", () => {
    const message = signedMessage(RSA_SHA256, rsa.privateKey).replace(
      `<ds:Transform Algorithm="${EXC}">`,
      '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xslt-19991116">',
    );
    expect(verify(message, rsa.publicKey).references[0]?.status).toBe("unsupported");
  });

  it("reports a signature without KeyInfo when no key is given", () => {
    const document = parse(signedMessage(RSA_SHA256, rsa.privateKey));
    const check = verifyXmlSignature(document, byLocalName(document.root, "Signature") as XmlTreeElement);
    expect(check.problems).toContain("the Signature has no KeyInfo");
  });
});

describe.skipIf(!PEPPOL_CORPUS_PRESENT)(`verifyXmlSignature on the SMP corpus${PEPPOL_SKIP_NOTE}`, () => {
  function smp(name: string, allowSha1 = true) {
    const document = parse(corpusFile(`smp/${name}`));
    const signature = treeChild(document.root, DSIG_NS, "Signature") as XmlTreeElement;
    return verifyXmlSignature(document, signature, { allowSha1 });
  }

  it("rejects signed-service-metadata1.xml: its content and its SignedInfo no longer match the signature", () => {
    const check = smp("signed-service-metadata1.xml");
    expect(check.status).toBe("invalid");
    expect(check.references.map((r) => r.status)).toEqual(["digest-mismatch"]);
    expect(check.problems).toContain("the SignatureValue does not verify");
  });

  it("accepts signed-service-metadata2.xml (enveloped signature, URI='', RSA-SHA1)", () => {
    const check = smp("signed-service-metadata2.xml");
    expect(check).toMatchObject({ status: "valid", problems: [] });
    expect(check.certificate?.subject).toContain("CN=PNO000070");
  });

  it("accepts signed-service-metadata3, whose reference falls back to inclusive canonicalisation", () => {
    const check = smp("signed-service-metadata3-c14n-inclusive.xml");
    expect(check).toMatchObject({ status: "valid", problems: [] });
    expect(check.certificate?.subject).toContain("CN=PNL000052");
  });

  it("refuses SHA-1 unless it is allowed", () => {
    expect(smp("signed-service-metadata2.xml", false).problems).toEqual(["SHA-1 is not accepted"]);
  });
});

import type { KeyObject, X509Certificate } from "node:crypto";
import { err, ok, type Result } from "../../../core/result.ts";
import { parseXmlTree } from "../xml/parse-xml-tree.ts";
import { treeChildren } from "../xml/xml-tree.ts";
import { digestNodeSet } from "./digest-node-set.ts";
import { signSignedInfo } from "./sign-signed-info.ts";
import { EXCLUSIVE_C14N, INCLUSIVE_C14N, RSA_SHA256, SHA256 } from "./signing-algorithms.ts";
import { writeSignedInfo } from "./write-signed-info.ts";
import { DSIG_NS, ENVELOPED_SIGNATURE } from "./xmldsig-algorithms.ts";

/** The signer's RSA private key and certificate (the certificate goes into KeyInfo/X509Data). */
export interface XmlSigner {
  readonly privateKey: KeyObject;
  readonly certificate: X509Certificate;
}

/** Options of {@link signXmlEnveloped}. */
export interface SignXmlOptions {
  /** Canonicalisation of the document and of SignedInfo; default exclusive. */
  readonly canonicalization?: "exclusive" | "inclusive";
  /** The ds prefix; "" (the default) writes `<Signature xmlns="…xmldsig#">` as SMP implementations do. */
  readonly prefix?: string;
}

// NUL cannot occur in XML text, so the placeholder cannot clash with the document; "AAAA" stands in for the
// value while SignedInfo is read back (any base64 will do: SignatureValue is outside SignedInfo).
const PLACEHOLDER = "\u0000SIGNATURE-VALUE\u0000";

/**
 * Signs a whole XML document with an enveloped XML signature, as an SMP signs a SignedServiceMetadata: one
 * Reference `URI=""` with the enveloped-signature transform and the chosen canonicalisation, SHA-256 digest,
 * RSA-SHA256, the certificate in KeyInfo/X509Data. The ds:Signature becomes the root's last child. The document is
 * otherwise kept as written. Returns UTF-8 octets.
 */
export function signXmlEnveloped(
  xml: string | Buffer,
  signer: XmlSigner,
  options: SignXmlOptions = {},
): Result<Buffer, string> {
  const parsed = parseXmlTree(xml);
  if (!parsed.ok) return err(`the document cannot be read: ${parsed.error.message}`);
  if (treeChildren(parsed.value.root, DSIG_NS, "Signature").length > 0)
    return err("the document is already signed");
  const text = typeof xml === "string" ? xml : xml.toString("utf8");
  const closing = text.lastIndexOf(`</${parsed.value.root.qname}`);
  if (closing < 0) return err("the document element has no end tag to place the signature before");
  const mode = options.canonicalization ?? "exclusive";
  const c14n = mode === "exclusive" ? EXCLUSIVE_C14N : INCLUSIVE_C14N;
  const prefix = options.prefix ?? "";
  const q = (name: string) => (prefix === "" ? name : `${prefix}:${name}`);
  const signedInfo = writeSignedInfo({
    prefix,
    canonicalization: { algorithm: c14n },
    signatureAlgorithm: RSA_SHA256,
    references: [
      {
        uri: "",
        transforms: [{ algorithm: ENVELOPED_SIGNATURE }, { algorithm: c14n }],
        digestAlgorithm: SHA256,
        digestValue: digestNodeSet(parsed.value, { mode }),
      },
    ],
  });
  const declaration = prefix === "" ? `xmlns="${DSIG_NS}"` : `xmlns:${prefix}="${DSIG_NS}"`;
  const certificate = signer.certificate.raw.toString("base64");
  const signature = `<${q("Signature")} ${declaration}>${signedInfo}<${q("SignatureValue")}>${PLACEHOLDER}</${q("SignatureValue")}><${q("KeyInfo")}><${q("X509Data")}><${q("X509Certificate")}>${certificate}</${q("X509Certificate")}></${q("X509Data")}></${q("KeyInfo")}></${q("Signature")}>`;
  const placed = `${text.slice(0, closing)}${signature}${text.slice(closing)}`;
  const reparsed = parseXmlTree(placed.replace(PLACEHOLDER, "AAAA"));
  if (!reparsed.ok) return err(`the signed document cannot be read back: ${reparsed.error.message}`);
  const [element] = treeChildren(reparsed.value.root, DSIG_NS, "Signature");
  if (!element) return err("the signature was not placed under the document element");
  const value = signSignedInfo(element, signer.privateKey).toString("base64");
  return ok(Buffer.from(placed.replace(PLACEHOLDER, value), "utf8"));
}

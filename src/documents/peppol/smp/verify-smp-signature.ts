import type { X509Certificate } from "node:crypto";
import { treeChildren, type XmlTreeDocument } from "../xml/xml-tree.ts";
import { verifyXmlSignature, type XmlSignatureCheck } from "../xmldsig/verify-xml-signature.ts";
import { DSIG_NS } from "../xmldsig/xmldsig-algorithms.ts";

/** Options of {@link verifySmpSignature}. */
export interface SmpSignatureOptions {
  /**
   * Accept RSA-SHA1 and SHA-1 digests; default true, because SMP responses of the busdox 1.x generation in the
   * corpus (and in the network) are signed with them.
   */
  readonly allowSha1?: boolean;
  /** Verify with this certificate instead of the one in KeyInfo. */
  readonly certificate?: X509Certificate;
}

/**
 * Verifies the enveloped signature of a SignedServiceMetadata (`URI=""`, enveloped-signature transform): exactly
 * one ds:Signature directly under the root, which must cover the whole response. Whether its certificate chains to the SMP CA is checked separately.
 */
export function verifySmpSignature(
  document: XmlTreeDocument,
  options: SmpSignatureOptions = {},
): XmlSignatureCheck {
  const signatures = treeChildren(document.root, DSIG_NS, "Signature");
  const [signature] = signatures;
  if (signatures.length !== 1 || !signature) {
    const problem = `the response holds ${signatures.length} signatures, not one`;
    return {
      status: "invalid",
      signatureValueValid: false,
      problems: [problem],
      references: [],
      signatureAlgorithm: "",
      canonicalization: "",
    };
  }
  const check = verifyXmlSignature(document, signature, {
    allowSha1: options.allowSha1 ?? true,
    ...(options.certificate ? { certificate: options.certificate } : {}),
  });
  // A valid signature over some other element proves nothing about the endpoints read from the whole response.
  if (check.references.some((r) => r.element === document.root)) return check;
  const problems = [...check.problems, "the signature does not cover the whole response"];
  return { ...check, status: "invalid", problems };
}

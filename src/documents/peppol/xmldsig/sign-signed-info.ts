import { type KeyObject, sign } from "node:crypto";
import { canonicalize } from "../xml/canonicalize.ts";
import type { XmlTreeElement } from "../xml/xml-tree.ts";
import { readSignature } from "./read-signature.ts";
import { C14N_ALGORITHMS, SIGNATURE_ALGORITHMS } from "./xmldsig-algorithms.ts";

/**
 * Computes the SignatureValue of a ds:Signature already placed in its parsed document: SignedInfo canonicalised
 * in its context with its own CanonicalizationMethod, signed with the algorithm SignatureMethod names (RSA
 * PKCS#1 v1.5 via node:crypto). Throws on a Signature this module wrote wrongly: that is a programming error.
 */
export function signSignedInfo(signature: XmlTreeElement, privateKey: KeyObject): Buffer {
  const parts = readSignatureForSigning(signature);
  const c14n = C14N_ALGORITHMS.get(parts.canonicalization.algorithm);
  const algorithm = SIGNATURE_ALGORITHMS.get(parts.signatureAlgorithm);
  if (!c14n || !algorithm || algorithm.key !== "rsa")
    throw new Error(`cannot sign with ${parts.canonicalization.algorithm} and ${parts.signatureAlgorithm}`);
  const octets = canonicalize(parts.signedInfo, {
    mode: c14n.mode,
    withComments: c14n.withComments,
    inclusivePrefixes: parts.canonicalization.inclusivePrefixes,
  });
  return sign(algorithm.hash, Buffer.from(octets, "utf8"), privateKey);
}

function readSignatureForSigning(signature: XmlTreeElement) {
  const parts = readSignature(signature);
  if (!parts.ok) throw new Error(`the Signature to sign is malformed: ${parts.error}`);
  return parts.value;
}

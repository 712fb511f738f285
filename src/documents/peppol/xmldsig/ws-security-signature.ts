import { createHash, type KeyObject } from "node:crypto";
import { err, ok, type Result } from "../../../core/result.ts";
import { indexElementIds } from "../xml/element-ids.ts";
import { parseXmlTree } from "../xml/parse-xml-tree.ts";
import { digestNodeSet } from "./digest-node-set.ts";
import { signSignedInfo } from "./sign-signed-info.ts";
import { EXCLUSIVE_C14N, RSA_SHA256, SHA256 } from "./signing-algorithms.ts";
import { type ReferenceSpec, writeSignedInfo } from "./write-signed-info.ts";
import { ATTACHMENT_CONTENT_TRANSFORM, DSIG_NS, X509_TOKEN_TYPE } from "./xmldsig-algorithms.ts";

/** Where {@link signWsSecurity} puts the ds:Signature: written once inside the envelope's wsse:Security header. */
export const SIGNATURE_SLOT = "<!--facteur:ws-security-signature-->";

/** What a WS-Security signature of a SOAP message covers and who signs it. */
export interface WsSecuritySignatureInput {
  /** The SOAP envelope, holding {@link SIGNATURE_SLOT} once inside wsse:Security (which declares wsse and wsu). */
  readonly envelope: string;
  /** The wsu:Id values of the elements to sign (eb:Messaging, the SOAP Body), in reference order. */
  readonly elementIds: readonly string[];
  /** Attachments to sign with the Attachment-Content-Signature-Transform: their content octets. */
  readonly attachments: readonly { readonly contentId: string; readonly content: Buffer }[];
  /** The wsu:Id of the signer's wsse:BinarySecurityToken, which KeyInfo points at. */
  readonly tokenId: string;
  readonly signatureId: string;
  readonly privateKey: KeyObject;
}

/** The signed envelope and the references of its SignedInfo (what a receipt's non-repudiation part echoes). */
export interface WsSecuritySignature {
  readonly envelope: string;
  readonly references: readonly ReferenceSpec[];
}

/**
 * Signs a SOAP envelope as the Peppol AS4 profile requires: RSA-SHA256, exclusive canonicalisation (namespace
 * declarations in code-point order, see canonicalize.ts) of SignedInfo and of each referenced element, SHA-256
 * digests, attachments through the SwA Attachment-Content-Signature-Transform, KeyInfo as a SecurityTokenReference
 * to the BinarySecurityToken. Written by hand: no maintained JavaScript library implements WS-Security with SwA.
 */
export function signWsSecurity(input: WsSecuritySignatureInput): Result<WsSecuritySignature, string> {
  const parts = input.envelope.split(SIGNATURE_SLOT);
  if (parts.length !== 2) return err("the envelope must hold the signature slot exactly once");
  const parsed = parseXmlTree(input.envelope);
  if (!parsed.ok) return err(`the envelope cannot be read: ${parsed.error.message}`);
  const ids = indexElementIds(parsed.value.root);
  const references: ReferenceSpec[] = [];
  for (const id of input.elementIds) {
    const found = ids.get(id) ?? [];
    const [element] = found;
    if (!element || found.length !== 1) return err(`the id ${id} names ${found.length} elements, not one`);
    const digestValue = digestNodeSet(element, { mode: "exclusive" });
    references.push({
      uri: `#${id}`,
      transforms: [{ algorithm: EXCLUSIVE_C14N }],
      digestAlgorithm: SHA256,
      digestValue,
    });
  }
  for (const attachment of input.attachments)
    references.push({
      uri: `cid:${attachment.contentId}`,
      transforms: [{ algorithm: ATTACHMENT_CONTENT_TRANSFORM }],
      digestAlgorithm: SHA256,
      digestValue: createHash("sha256").update(attachment.content).digest(),
    });
  const signedInfo = writeSignedInfo({
    prefix: "ds",
    canonicalization: { algorithm: EXCLUSIVE_C14N },
    signatureAlgorithm: RSA_SHA256,
    references,
  });
  // Exclusive canonicalisation without an InclusiveNamespaces list renders only the namespaces SignedInfo itself
  // uses, so SignedInfo canonicalises the same on its own as inside the envelope: it is signed standalone.
  const standalone = parseXmlTree(
    `<ds:Signature xmlns:ds="${DSIG_NS}">${signedInfo}<ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>`,
  );
  if (!standalone.ok) return err(`SignedInfo cannot be read back: ${standalone.error.message}`);
  const value = signSignedInfo(standalone.value.root, input.privateKey).toString("base64");
  const signature = [
    `<ds:Signature xmlns:ds="${DSIG_NS}" Id="${input.signatureId}">`,
    signedInfo,
    `<ds:SignatureValue>${value}</ds:SignatureValue>`,
    `<ds:KeyInfo><wsse:SecurityTokenReference><wsse:Reference URI="#${input.tokenId}" ValueType="${X509_TOKEN_TYPE}"/></wsse:SecurityTokenReference></ds:KeyInfo>`,
    "</ds:Signature>",
  ].join("");
  return ok({ envelope: `${parts[0]}${signature}${parts[1]}`, references });
}

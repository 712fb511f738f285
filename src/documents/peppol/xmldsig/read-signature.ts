import { err, ok, type Result } from "../../../core/result.ts";
import { treeAttribute, treeChild, treeChildren, treeText, type XmlTreeElement } from "../xml/xml-tree.ts";
import { DSIG_NS, EXC_C14N_NS } from "./xmldsig-algorithms.ts";

/** One ds:Transform: its algorithm and, for exclusive canonicalisation, the InclusiveNamespaces PrefixList. */
export interface SignatureTransform {
  readonly algorithm: string;
  readonly inclusivePrefixes: readonly string[];
}

/** One ds:Reference of SignedInfo. */
export interface SignatureReference {
  readonly uri: string;
  readonly transforms: readonly SignatureTransform[];
  readonly digestAlgorithm: string;
  readonly digestValue: Buffer;
}

/** A ds:Signature element read into its parts. */
export interface SignatureParts {
  readonly signature: XmlTreeElement;
  readonly signedInfo: XmlTreeElement;
  readonly canonicalization: SignatureTransform;
  readonly signatureAlgorithm: string;
  readonly references: readonly SignatureReference[];
  readonly signatureValue: Buffer;
  readonly keyInfo: XmlTreeElement | undefined;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes base64 text that may contain line breaks; undefined when it is not base64. */
export function decodeBase64(text: string): Buffer | undefined {
  const compact = text.replace(/\s+/g, "");
  return compact !== "" && compact.length % 4 === 0 && BASE64.test(compact)
    ? Buffer.from(compact, "base64")
    : undefined;
}

function transformOf(element: XmlTreeElement): SignatureTransform {
  const inclusive = treeChild(element, EXC_C14N_NS, "InclusiveNamespaces");
  const list = inclusive ? (treeAttribute(inclusive, "", "PrefixList") ?? "") : "";
  return {
    algorithm: treeAttribute(element, "", "Algorithm") ?? "",
    inclusivePrefixes: list.split(/\s+/).filter((p) => p !== ""),
  };
}

/** Reads one ds:Reference (its URI, transforms and digest); `index` names it in errors when it has no URI. */
export function readReference(element: XmlTreeElement, index: number): Result<SignatureReference, string> {
  const uri = treeAttribute(element, "", "URI");
  const digestMethod = treeChild(element, DSIG_NS, "DigestMethod");
  const valueElement = treeChild(element, DSIG_NS, "DigestValue");
  const digestValue = valueElement ? decodeBase64(treeText(valueElement)) : undefined;
  if (uri === undefined) return err(`Reference ${index + 1} has no URI`);
  if (!digestMethod || digestValue === undefined) return err(`Reference ${uri} has no digest`);
  const transforms = treeChildren(treeChild(element, DSIG_NS, "Transforms"), DSIG_NS, "Transform").map(
    transformOf,
  );
  return ok({
    uri,
    transforms,
    digestAlgorithm: treeAttribute(digestMethod, "", "Algorithm") ?? "",
    digestValue,
  });
}

/** Reads a ds:Signature element; a structural problem (a missing part) is returned as its description. */
export function readSignature(signature: XmlTreeElement): Result<SignatureParts, string> {
  const signedInfo = treeChild(signature, DSIG_NS, "SignedInfo");
  const valueElement = treeChild(signature, DSIG_NS, "SignatureValue");
  if (!signedInfo || !valueElement) return err("the Signature has no SignedInfo or no SignatureValue");
  const c14n = treeChild(signedInfo, DSIG_NS, "CanonicalizationMethod");
  const method = treeChild(signedInfo, DSIG_NS, "SignatureMethod");
  if (!c14n || !method) return err("SignedInfo has no CanonicalizationMethod or no SignatureMethod");
  const signatureValue = decodeBase64(treeText(valueElement));
  if (signatureValue === undefined) return err("the SignatureValue is not base64");
  const references: SignatureReference[] = [];
  const referenceElements = treeChildren(signedInfo, DSIG_NS, "Reference");
  if (referenceElements.length === 0) return err("SignedInfo has no Reference");
  for (const [index, element] of referenceElements.entries()) {
    const reference = readReference(element, index);
    if (!reference.ok) return reference;
    references.push(reference.value);
  }
  return ok({
    signature,
    signedInfo,
    canonicalization: transformOf(c14n),
    signatureAlgorithm: treeAttribute(method, "", "Algorithm") ?? "",
    references,
    signatureValue,
    keyInfo: treeChild(signature, DSIG_NS, "KeyInfo"),
  });
}

import { escapeXml } from "./escape-xml.ts";
import { EXC_C14N_NS } from "./xmldsig-algorithms.ts";

/** A transform to write: its algorithm URI and, for exclusive canonicalisation, an InclusiveNamespaces list. */
export interface TransformSpec {
  readonly algorithm: string;
  readonly inclusivePrefixes?: readonly string[];
}

/** A reference to write: URI, transforms, digest algorithm URI and the digest already computed. */
export interface ReferenceSpec {
  readonly uri: string;
  readonly transforms: readonly TransformSpec[];
  readonly digestAlgorithm: string;
  readonly digestValue: Buffer;
}

/** What SignedInfo states. `prefix` is the ds prefix ("" writes the elements in the default namespace). */
export interface SignedInfoSpec {
  readonly prefix: string;
  readonly canonicalization: TransformSpec;
  readonly signatureAlgorithm: string;
  readonly references: readonly ReferenceSpec[];
}

function qualified(prefix: string, name: string): string {
  return prefix === "" ? name : `${prefix}:${name}`;
}

function method(prefix: string, name: string, transform: TransformSpec): string {
  const tag = qualified(prefix, name);
  const algorithm = `<${tag} Algorithm="${escapeXml(transform.algorithm)}"`;
  if (!transform.inclusivePrefixes || transform.inclusivePrefixes.length === 0) return `${algorithm}/>`;
  const list = escapeXml(transform.inclusivePrefixes.join(" "));
  return `${algorithm}><ec:InclusiveNamespaces xmlns:ec="${EXC_C14N_NS}" PrefixList="${list}"/></${tag}>`;
}

/**
 * Writes a ds:SignedInfo element (no namespace declaration: the enclosing ds:Signature declares it). Written
 * without whitespace between elements, so its canonical form is the same under any indentation policy.
 */
export function writeSignedInfo(spec: SignedInfoSpec): string {
  const q = (name: string) => qualified(spec.prefix, name);
  const references = spec.references.map((reference) => {
    const transforms = reference.transforms.map((t) => method(spec.prefix, "Transform", t)).join("");
    return [
      `<${q("Reference")} URI="${escapeXml(reference.uri)}">`,
      transforms === "" ? "" : `<${q("Transforms")}>${transforms}</${q("Transforms")}>`,
      `<${q("DigestMethod")} Algorithm="${escapeXml(reference.digestAlgorithm)}"/>`,
      `<${q("DigestValue")}>${reference.digestValue.toString("base64")}</${q("DigestValue")}>`,
      `</${q("Reference")}>`,
    ].join("");
  });
  return [
    `<${q("SignedInfo")}>`,
    method(spec.prefix, "CanonicalizationMethod", spec.canonicalization),
    `<${q("SignatureMethod")} Algorithm="${escapeXml(spec.signatureAlgorithm)}"/>`,
    ...references,
    `</${q("SignedInfo")}>`,
  ].join("");
}

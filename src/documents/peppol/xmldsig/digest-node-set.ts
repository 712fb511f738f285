import { createHash } from "node:crypto";
import { canonicalize } from "../xml/canonicalize.ts";
import type { XmlTreeDocument, XmlTreeElement } from "../xml/xml-tree.ts";

/** How a same-document reference is digested: canonicalisation, and the signature an enveloped transform drops. */
export interface NodeSetDigest {
  readonly mode: "inclusive" | "exclusive";
  readonly inclusivePrefixes?: readonly string[];
  readonly exclude?: XmlTreeElement;
}

/** The SHA-256 digest of an element (an `#id` reference) or a whole document (`URI=""`), canonicalised as given. */
export function digestNodeSet(subject: XmlTreeDocument | XmlTreeElement, options: NodeSetDigest): Buffer {
  const octets = canonicalize(subject, {
    mode: options.mode,
    ...(options.inclusivePrefixes ? { inclusivePrefixes: options.inclusivePrefixes } : {}),
    ...(options.exclude ? { exclude: options.exclude } : {}),
  });
  return createHash("sha256").update(octets, "utf8").digest();
}

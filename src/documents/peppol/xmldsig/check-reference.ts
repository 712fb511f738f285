import { createHash, timingSafeEqual } from "node:crypto";
import { canonicalize } from "../xml/canonicalize.ts";
import type { ElementIds } from "../xml/element-ids.ts";
import type { XmlTreeDocument, XmlTreeElement } from "../xml/xml-tree.ts";
import type { SignatureReference } from "./read-signature.ts";
import {
  ATTACHMENT_CONTENT_TRANSFORM,
  C14N_ALGORITHMS,
  DIGEST_ALGORITHMS,
  ENVELOPED_SIGNATURE,
} from "./xmldsig-algorithms.ts";

/**
 * What became of one reference: `valid` (digest matches), `digest-mismatch`, `missing` (the `#id` is not in the
 * document, or names more than one element), `unresolved` (an attachment that was not supplied, e.g. because it is
 * still encrypted), `unsupported` (an algorithm or transform this verifier does not implement).
 */
export type ReferenceStatus = "valid" | "digest-mismatch" | "missing" | "unresolved" | "unsupported";

/** The check of one ds:Reference. */
export interface ReferenceCheck {
  readonly uri: string;
  readonly status: ReferenceStatus;
  readonly digestAlgorithm: string;
  /** Why the status is not `valid`. */
  readonly message?: string;
  /** The element the reference covers (the document element for `URI=""`): what the signer vouched for. */
  readonly element?: XmlTreeElement;
}

/** What a reference check needs from the message. */
export interface ReferenceContext {
  readonly document: XmlTreeDocument;
  readonly signature: XmlTreeElement;
  readonly ids: ElementIds;
  /** Attachment content octets by Content-ID (without angle brackets), for `cid:` references. */
  readonly attachments: ReadonlyMap<string, Buffer>;
}

function digestMatches(expected: Buffer, hash: string, octets: Buffer | string): boolean {
  const actual = createHash(hash).update(octets).digest();
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function checkAttachment(
  reference: SignatureReference,
  hash: string,
  context: ReferenceContext,
): ReferenceCheck {
  const base = { uri: reference.uri, digestAlgorithm: reference.digestAlgorithm };
  const transforms = reference.transforms.map((t) => t.algorithm);
  if (transforms.length !== 1 || transforms[0] !== ATTACHMENT_CONTENT_TRANSFORM)
    return { ...base, status: "unsupported", message: `attachment transforms ${transforms.join(", ")}` };
  const content = context.attachments.get(reference.uri.slice(4));
  if (content === undefined)
    return { ...base, status: "unresolved", message: "the attachment was not supplied" };
  return digestMatches(reference.digestValue, hash, content)
    ? { ...base, status: "valid" }
    : { ...base, status: "digest-mismatch", message: "the attachment's digest differs" };
}

/** The node-set a same-document URI selects: the document for "", the one element with that id for "#id". */
function resolveSameDocument(
  uri: string,
  context: ReferenceContext,
): XmlTreeDocument | XmlTreeElement | string {
  if (uri === "") return context.document;
  if (!uri.startsWith("#")) return "unsupported URI form";
  const found = context.ids.get(uri.slice(1)) ?? [];
  const [element] = found;
  if (!element) return "no such id";
  return found.length === 1 ? element : "the id names several elements";
}

/**
 * Dereferences one ds:Reference (`URI=""`, `#id`, or `cid:` for a SOAP attachment), applies its transforms
 * (enveloped-signature, inclusive or exclusive canonicalisation, attachment content) and compares the digest.
 * Same-document references exclude comments, as XML Signature's URI rules say; a node-set left without a
 * canonicalisation transform is canonicalised with inclusive C14N 1.0, the specification's default.
 */
export function checkReference(reference: SignatureReference, context: ReferenceContext): ReferenceCheck {
  const base = { uri: reference.uri, digestAlgorithm: reference.digestAlgorithm };
  const hash = DIGEST_ALGORITHMS.get(reference.digestAlgorithm);
  if (hash === undefined) return { ...base, status: "unsupported", message: "unknown digest algorithm" };
  if (reference.uri.startsWith("cid:")) return checkAttachment(reference, hash, context);
  const subject = resolveSameDocument(reference.uri, context);
  if (typeof subject === "string")
    return {
      ...base,
      status: subject === "unsupported URI form" ? "unsupported" : "missing",
      message: subject,
    };
  const element = "root" in subject ? subject.root : subject;
  let exclude: XmlTreeElement | undefined;
  let octets: string | undefined;
  for (const transform of reference.transforms) {
    const c14n = C14N_ALGORITHMS.get(transform.algorithm);
    if (octets !== undefined || (transform.algorithm !== ENVELOPED_SIGNATURE && !c14n))
      return { ...base, status: "unsupported", message: `transform ${transform.algorithm}`, element };
    if (!c14n) exclude = context.signature;
    else
      octets = canonicalize(subject, {
        mode: c14n.mode,
        inclusivePrefixes: transform.inclusivePrefixes,
        ...(exclude ? { exclude } : {}),
      });
  }
  octets ??= canonicalize(subject, { mode: "inclusive", ...(exclude ? { exclude } : {}) });
  return digestMatches(reference.digestValue, hash, octets)
    ? { ...base, status: "valid", element }
    : { ...base, status: "digest-mismatch", message: "the referenced content's digest differs", element };
}

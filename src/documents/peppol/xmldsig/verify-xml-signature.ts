import { type KeyObject, verify, type X509Certificate } from "node:crypto";
import { canonicalize } from "../xml/canonicalize.ts";
import { indexElementIds } from "../xml/element-ids.ts";
import type { XmlTreeDocument, XmlTreeElement } from "../xml/xml-tree.ts";
import { checkReference, type ReferenceCheck } from "./check-reference.ts";
import { readSignature } from "./read-signature.ts";
import { signingCertificate } from "./signing-certificate.ts";
import { C14N_ALGORITHMS, DIGEST_ALGORITHMS, SIGNATURE_ALGORITHMS } from "./xmldsig-algorithms.ts";

/** Options of {@link verifyXmlSignature}. */
export interface VerifyXmlSignatureOptions {
  /** Attachment content octets by Content-ID (without angle brackets), for `cid:` references. */
  readonly attachments?: ReadonlyMap<string, Buffer>;
  /** Verify with this certificate's key instead of the one the KeyInfo names (e.g. the peer's known certificate). */
  readonly certificate?: X509Certificate;
  /** Verify with this public key (no certificate at hand); takes precedence over `certificate` and KeyInfo. */
  readonly publicKey?: KeyObject;
  /** Accept SHA-1 digests and RSA-SHA1 signatures (older SMP responses use them); default false. */
  readonly allowSha1?: boolean;
}

/**
 * The outcome of a signature check. `valid`: the SignatureValue verifies and every reference's digest matches;
 * `incomplete`: the same, except for references that could not be resolved (attachments not supplied);
 * `invalid`: anything else, with the reasons in `problems`.
 */
export interface XmlSignatureCheck {
  readonly status: "valid" | "incomplete" | "invalid";
  /** True when the SignatureValue verifies over the canonical SignedInfo with the signer's key. */
  readonly signatureValueValid: boolean;
  readonly problems: readonly string[];
  readonly references: readonly ReferenceCheck[];
  readonly signatureAlgorithm: string;
  readonly canonicalization: string;
  /** The certificate whose key was used, when one was found. */
  readonly certificate?: X509Certificate;
}

function invalid(problem: string): XmlSignatureCheck {
  const none = { references: [], signatureAlgorithm: "", canonicalization: "" };
  return { status: "invalid", signatureValueValid: false, problems: [problem], ...none };
}

function verifySignatureValue(
  octets: string,
  value: Buffer,
  algorithmUri: string,
  publicKey: KeyObject,
): string | undefined {
  const algorithm = SIGNATURE_ALGORITHMS.get(algorithmUri);
  if (!algorithm) return `unsupported signature algorithm ${algorithmUri}`;
  const keyType = publicKey.asymmetricKeyType;
  if ((algorithm.key === "rsa") !== (keyType === "rsa"))
    return `the ${keyType ?? "unknown"} key does not fit the signature algorithm ${algorithmUri}`;
  const key = {
    key: publicKey,
    dsaEncoding: algorithm.key === "ec" ? "ieee-p1363" : "der",
  } as const;
  try {
    return verify(algorithm.hash, Buffer.from(octets, "utf8"), key, value)
      ? undefined
      : "the SignatureValue does not verify";
  } catch (error) {
    return `the SignatureValue cannot be checked: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Verifies one ds:Signature of a parsed document: reads SignedInfo, checks every reference's digest
 * ({@link checkReference}), canonicalises SignedInfo with its CanonicalizationMethod and verifies the
 * SignatureValue with node:crypto against the certificate in KeyInfo (or `options.certificate`). The certificate's
 * trust (chain, dates) is not judged here. Returns every problem found, not only the first.
 */
export function verifyXmlSignature(
  document: XmlTreeDocument,
  signature: XmlTreeElement,
  options: VerifyXmlSignatureOptions = {},
): XmlSignatureCheck {
  const parts = readSignature(signature);
  if (!parts.ok) return invalid(parts.error);
  const { signedInfo, canonicalization, signatureAlgorithm, signatureValue } = parts.value;
  const problems: string[] = [];
  const ids = indexElementIds(document.root);
  const context = { document, signature, ids, attachments: options.attachments ?? new Map<string, Buffer>() };
  const references = parts.value.references.map((reference) => checkReference(reference, context));
  for (const r of references)
    if (r.status !== "valid" && r.status !== "unresolved")
      problems.push(`reference ${r.uri || '""'}: ${r.message}`);
  const sha1 = [...parts.value.references.map((r) => DIGEST_ALGORITHMS.get(r.digestAlgorithm))].includes(
    "sha1",
  );
  if (options.allowSha1 !== true && (sha1 || SIGNATURE_ALGORITHMS.get(signatureAlgorithm)?.hash === "sha1"))
    problems.push("SHA-1 is not accepted");
  const c14n = C14N_ALGORITHMS.get(canonicalization.algorithm);
  const given = options.publicKey ?? options.certificate;
  const found = given ? undefined : signingCertificate(parts.value.keyInfo, ids);
  const certificate = options.certificate ?? (found?.ok ? found.value : undefined);
  const publicKey = options.publicKey ?? certificate?.publicKey;
  let signatureProblem: string | undefined;
  if (!c14n) signatureProblem = `unsupported canonicalisation ${canonicalization.algorithm}`;
  else if (!publicKey) signatureProblem = found && !found.ok ? found.error : "no signing certificate";
  else {
    const octets = canonicalize(signedInfo, {
      mode: c14n.mode,
      withComments: c14n.withComments,
      inclusivePrefixes: canonicalization.inclusivePrefixes,
    });
    signatureProblem = verifySignatureValue(octets, signatureValue, signatureAlgorithm, publicKey);
  }
  if (signatureProblem !== undefined) problems.push(signatureProblem);
  const unresolved = references.some((r) => r.status === "unresolved");
  return {
    status: problems.length > 0 ? "invalid" : unresolved ? "incomplete" : "valid",
    signatureValueValid: signatureProblem === undefined,
    problems,
    references,
    signatureAlgorithm,
    canonicalization: canonicalization.algorithm,
    ...(certificate ? { certificate } : {}),
  };
}

import type { X509Certificate } from "node:crypto";

/** Why a certificate chain is not accepted. */
export type ChainFailure = "not-yet-valid" | "expired" | "unknown-issuer" | "bad-signature" | "issuer-not-ca";

/** Options of {@link verifyCertificateChain}. */
export interface ChainOptions {
  /** The certificates trusted as issuers: a root, or an issuing CA such as the Peppol AP CA. */
  readonly trustAnchors: readonly X509Certificate[];
  /** Further certificates that may link the leaf to an anchor (e.g. an intermediate CA sent along). */
  readonly intermediates?: readonly X509Certificate[];
  /** The moment at which every certificate of the chain must be valid (passed in: no clock here). */
  readonly at: Date;
}

/** The outcome: the chain from the leaf to the anchor that vouches for it, or why there is none. */
export type ChainCheck =
  | { readonly ok: true; readonly chain: readonly X509Certificate[] }
  | {
      readonly ok: false;
      readonly failure: ChainFailure;
      readonly message: string;
      readonly chain: readonly X509Certificate[];
    };

const MAX_CHAIN = 8;

function subjectLine(certificate: X509Certificate): string {
  return certificate.subject.replace(/\n/g, ", ");
}

function validityProblem(certificate: X509Certificate, at: Date): ChainCheck | undefined {
  const from = Date.parse(certificate.validFrom);
  const to = Date.parse(certificate.validTo);
  const failure = at.getTime() < from ? "not-yet-valid" : at.getTime() > to ? "expired" : undefined;
  if (failure === undefined) return undefined;
  const when =
    failure === "expired" ? `expired on ${certificate.validTo}` : `valid only from ${certificate.validFrom}`;
  const message = `${subjectLine(certificate)}: ${when} (checked at ${at.toISOString()})`;
  return { ok: false, failure, message, chain: [] };
}

function issuerOf(certificate: X509Certificate, candidates: readonly X509Certificate[]) {
  const named = candidates.filter((candidate) => certificate.checkIssued(candidate));
  return { named, signer: named.find((candidate) => certificate.verify(candidate.publicKey)) };
}

/**
 * Checks that `leaf` chains to one of the trust anchors at the given moment: each certificate's validity dates,
 * each issuer's signature (node:crypto `verify(issuer.publicKey)`) and each issuer's CA flag. Revocation (CRL,
 * OCSP) is not checked: it needs the network. Returns the chain found or the first reason it breaks.
 */
export function verifyCertificateChain(leaf: X509Certificate, options: ChainOptions): ChainCheck {
  const chain: X509Certificate[] = [];
  let current = leaf;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    const expired = validityProblem(current, options.at);
    if (expired) return { ...expired, chain };
    chain.push(current);
    const anchor = issuerOf(current, options.trustAnchors);
    const intermediate = anchor.signer ? undefined : issuerOf(current, options.intermediates ?? []);
    const issuer = anchor.signer ?? intermediate?.signer;
    if (!issuer) {
      const named = anchor.named.length + (intermediate?.named.length ?? 0) > 0;
      const message = named
        ? `${subjectLine(current)}: the signature of its issuer does not verify`
        : `${subjectLine(current)}: issued by ${current.issuer.replace(/\n/g, ", ")}, not a trusted CA`;
      return { ok: false, failure: named ? "bad-signature" : "unknown-issuer", message, chain };
    }
    if (!issuer.ca) {
      const message = `${subjectLine(issuer)} is not a CA certificate`;
      return { ok: false, failure: "issuer-not-ca", message, chain };
    }
    if (anchor.signer) {
      const anchorExpired = validityProblem(issuer, options.at);
      return anchorExpired ? { ...anchorExpired, chain } : { ok: true, chain: [...chain, issuer] };
    }
    current = issuer;
  }
  return { ok: false, failure: "unknown-issuer", message: "the chain is longer than allowed", chain };
}

import type { X509Certificate } from "node:crypto";
import { err, ok, type Result } from "../../../core/result.ts";
import { checkCrl } from "./check-crl.ts";
import { verifyCertificateChain } from "./verify-certificate-chain.ts";

/** Whom a peer's certificate must chain to, at which moment, and the CRLs known for its issuers. */
export interface CertificateTrust {
  /** The CAs trusted as issuers (the Peppol AP CA, or the root with the AP CA as intermediate). */
  readonly trustAnchors: readonly X509Certificate[];
  readonly intermediates?: readonly X509Certificate[];
  readonly at: Date;
  /** CRLs (PEM or DER), each with the CA that issued it; a certificate is checked against its issuer's CRL. */
  readonly crls?: readonly { readonly crl: string | Uint8Array; readonly issuer: X509Certificate }[];
}

/**
 * Checks that a peer's certificate chains to a trust anchor at `trust.at` and, when a CRL of its issuer is given,
 * that it is not revoked. Returns the reason for refusal as a sentence.
 */
export async function checkCertificateTrust(
  certificate: X509Certificate,
  trust: CertificateTrust,
): Promise<Result<void, string>> {
  const chain = verifyCertificateChain(certificate, {
    trustAnchors: trust.trustAnchors,
    at: trust.at,
    ...(trust.intermediates ? { intermediates: trust.intermediates } : {}),
  });
  if (!chain.ok) return err(`the certificate is not trusted (${chain.failure}): ${chain.message}`);
  for (const entry of trust.crls ?? []) {
    if (!certificate.checkIssued(entry.issuer)) continue;
    const checked = await checkCrl(certificate, { crl: entry.crl, issuer: entry.issuer, at: trust.at });
    if (!checked.ok)
      return err(`the certificate is refused (${checked.error.failure}): ${checked.error.message}`);
  }
  return ok(undefined);
}

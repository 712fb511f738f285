import { X509Certificate } from "node:crypto";
import type { EndpointCertificate } from "../../app/ports/participant-directory.ts";
import { err, ok, type Result } from "../../core/result.ts";
import { checkCrl } from "../../documents/peppol/pki/check-crl.ts";
import { verifyCertificateChain } from "../../documents/peppol/pki/verify-certificate-chain.ts";

/** What an endpoint certificate is judged against. */
export interface EndpointTrust {
  /** The Peppol access point CA certificate(s). */
  readonly apCas: readonly X509Certificate[];
  /** The AP CA's current CRL (PEM or DER); without it revocation is not checked. */
  readonly apCrl?: string | Uint8Array;
}

function plain(certificate: X509Certificate): EndpointCertificate {
  return {
    pem: certificate.toString(),
    subject: certificate.subject.replace(/\n/g, ", "),
    issuer: certificate.issuer.replace(/\n/g, ", "),
    serialNumber: certificate.serialNumber,
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
  };
}

/**
 * Judges the certificate an SMP publishes for an access point (base64 DER): readable, within its dates at `at`,
 * chained to an access point CA, and not listed on the CA's CRL when one is given. The SMP's signature vouches for
 * the binding of URL and certificate; this check vouches that the certificate is a Peppol access point's, so that
 * a compromised or careless SMP cannot send invoices to a key of its own choosing.
 */
export async function checkEndpointCertificate(
  base64: string,
  trust: EndpointTrust,
  at: Date,
): Promise<Result<EndpointCertificate, string>> {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(base64.replace(/\s+/g, ""), "base64"));
  } catch (error) {
    return err(
      `the endpoint certificate cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const chain = verifyCertificateChain(certificate, { trustAnchors: trust.apCas, at });
  if (!chain.ok) return err(`the endpoint certificate is not accepted (${chain.failure}): ${chain.message}`);
  const issuer = chain.chain[1];
  if (trust.apCrl !== undefined && issuer) {
    const crl = await checkCrl(certificate, { crl: trust.apCrl, issuer, at });
    if (!crl.ok)
      return err(`the endpoint certificate is not accepted (${crl.error.failure}): ${crl.error.message}`);
  }
  return ok(plain(certificate));
}

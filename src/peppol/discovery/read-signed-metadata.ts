import type { X509Certificate } from "node:crypto";
import type { SmpServiceMetadata } from "../../core/peppol/smp-metadata.ts";
import { err, ok, type Result } from "../../core/result.ts";
import { verifyCertificateChain } from "../../documents/peppol/pki/verify-certificate-chain.ts";
import { readSmpServiceMetadata } from "../../documents/peppol/smp/read-smp-service-metadata.ts";
import { verifySmpSignature } from "../../documents/peppol/smp/verify-smp-signature.ts";
import { parseXmlTree } from "../../documents/peppol/xml/parse-xml-tree.ts";

/** A ServiceMetadata whose signature verified, with the certificate that signed it. */
export interface SignedMetadata {
  readonly metadata: SmpServiceMetadata;
  readonly signer: X509Certificate;
}

/**
 * Reads an SMP's SignedServiceMetadata answer and accepts it only when its one enveloped signature covers the whole
 * response, verifies, uses SHA-256 (SMP 1.4.0 no longer allows SHA-1) and was made with a certificate that chains to
 * one of the SMP CAs at `at`. An unsigned or badly signed answer is refused: it decides where invoices go.
 */
export function readSignedMetadata(
  body: Buffer,
  smpCas: readonly X509Certificate[],
  at: Date,
): Result<SignedMetadata, string> {
  const document = parseXmlTree(body);
  if (!document.ok) return err(`the SMP answer is not XML: ${document.error.message}`);
  const signature = verifySmpSignature(document.value, { allowSha1: false });
  if (signature.status !== "valid")
    return err(`the SMP answer's signature is not valid: ${signature.problems.join("; ")}`);
  const signer = signature.certificate;
  if (!signer) return err("the SMP answer's signature names no certificate");
  const chain = verifyCertificateChain(signer, { trustAnchors: smpCas, at });
  if (!chain.ok)
    return err(`the SMP's signing certificate is not accepted (${chain.failure}): ${chain.message}`);
  const metadata = readSmpServiceMetadata(document.value.root);
  if (!metadata.ok) return err(`the SMP answer cannot be read: ${metadata.error}`);
  return ok({ metadata: metadata.value, signer });
}

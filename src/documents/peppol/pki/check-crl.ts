import type { X509Certificate } from "node:crypto";
import * as pkijs from "pkijs";
import { err, ok, type Result } from "../../../core/result.ts";

/** Why a certificate is refused by a CRL check. */
export type CrlFailure =
  | "revoked"
  | "crl-unreadable"
  | "crl-wrong-issuer"
  | "crl-bad-signature"
  | "crl-outdated";

/** A refusal from {@link checkCrl}, with a sentence for people. */
export interface CrlProblem {
  readonly failure: CrlFailure;
  readonly message: string;
}

/** What {@link checkCrl} needs: the CRL (PEM or DER) published by the certificate's issuer, and the moment. */
export interface CrlCheckOptions {
  readonly crl: string | Uint8Array;
  readonly issuer: X509Certificate;
  readonly at: Date;
}

const PEM_CRL = /-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/;

function readCrl(crl: string | Uint8Array): pkijs.CertificateRevocationList | undefined {
  const der =
    typeof crl === "string" ? Buffer.from(PEM_CRL.exec(crl)?.[1]?.replace(/\s+/g, "") ?? "", "base64") : crl;
  if (der.length === 0) return undefined;
  try {
    return pkijs.CertificateRevocationList.fromBER(new Uint8Array(der));
  } catch {
    return undefined;
  }
}

function serialHex(bytes: Uint8Array | Buffer | string): string {
  const hex = typeof bytes === "string" ? bytes : Buffer.from(bytes).toString("hex");
  return hex.toLowerCase().replace(/^0+/, "");
}

/**
 * Checks `certificate` against a CRL of its issuer: the CRL must be readable, issued and signed by `issuer`, and
 * current at `at` (thisUpdate <= at <= nextUpdate when present); the certificate's serial must not be listed (a
 * revocation dated after `at` does not count). node:crypto cannot read CRLs, hence PKI.js.
 */
export async function checkCrl(
  certificate: X509Certificate,
  options: CrlCheckOptions,
): Promise<Result<void, CrlProblem>> {
  const crl = readCrl(options.crl);
  if (!crl) return err({ failure: "crl-unreadable", message: "the CRL cannot be read" });
  const issuer = pkijs.Certificate.fromBER(new Uint8Array(options.issuer.raw));
  if (!crl.issuer.isEqual(issuer.subject)) {
    const message = `the CRL is not issued by ${options.issuer.subject.replace(/\n/g, ", ")}`;
    return err({ failure: "crl-wrong-issuer", message });
  }
  if (!(await crl.verify({ issuerCertificate: issuer }))) {
    return err({
      failure: "crl-bad-signature",
      message: "the CRL signature does not verify with its issuer's key",
    });
  }
  const at = options.at.getTime();
  const nextUpdate = crl.nextUpdate?.value;
  if (crl.thisUpdate.value.getTime() > at || (nextUpdate && nextUpdate.getTime() < at)) {
    const until = nextUpdate ? ` to ${nextUpdate.toISOString()}` : "";
    const message = `the CRL is current from ${crl.thisUpdate.value.toISOString()}${until}, not at ${options.at.toISOString()}`;
    return err({ failure: "crl-outdated", message });
  }
  const serial = serialHex(certificate.serialNumber);
  const entry = (crl.revokedCertificates ?? []).find(
    (listed) => serialHex(listed.userCertificate.valueBlock.valueHexView) === serial,
  );
  if (entry && entry.revocationDate.value.getTime() <= at) {
    const subject = certificate.subject.replace(/\n/g, ", ");
    const message = `${subject} was revoked on ${entry.revocationDate.value.toISOString()}`;
    return err({ failure: "revoked", message });
  }
  return ok(undefined);
}

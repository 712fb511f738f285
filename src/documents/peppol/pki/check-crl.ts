import { createHash, type X509Certificate } from "node:crypto";
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

/** A CRL read and checked against its issuer: reading and verifying one costs far more than a lookup in it. */
interface ReadCrl {
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | undefined;
  /** Revocation dates by serial number (lower-case hex without leading zeros). */
  readonly revoked: ReadonlyMap<string, Date>;
}
type CheckedCrl = Result<ReadCrl, CrlProblem>;

const MAX_CACHED = 32;
const checked = new Map<string, Promise<CheckedCrl>>();

async function readAndVerify(crl: string | Uint8Array, issuerDer: Buffer): Promise<CheckedCrl> {
  const list = readCrl(crl);
  if (!list) return err({ failure: "crl-unreadable", message: "the CRL cannot be read" });
  const issuer = pkijs.Certificate.fromBER(new Uint8Array(issuerDer));
  if (!list.issuer.isEqual(issuer.subject))
    return err({ failure: "crl-wrong-issuer", message: "the CRL is not issued by the certificate's issuer" });
  if (!(await list.verify({ issuerCertificate: issuer })))
    return err({
      failure: "crl-bad-signature",
      message: "the CRL signature does not verify with its issuer's key",
    });
  const revoked = new Map<string, Date>();
  for (const entry of list.revokedCertificates ?? [])
    revoked.set(serialHex(entry.userCertificate.valueBlock.valueHexView), entry.revocationDate.value);
  return ok({ thisUpdate: list.thisUpdate.value, nextUpdate: list.nextUpdate?.value, revoked });
}

/** The CRL read and verified, from a small per-process cache keyed by the CRL's and the issuer's octets. */
function checkedCrl(crl: string | Uint8Array, issuer: X509Certificate): Promise<CheckedCrl> {
  const key = createHash("sha256").update(crl).update(issuer.raw).digest("base64");
  let entry = checked.get(key);
  if (!entry) {
    if (checked.size >= MAX_CACHED) checked.delete(checked.keys().next().value ?? "");
    entry = readAndVerify(crl, issuer.raw);
    checked.set(key, entry);
  }
  return entry;
}

/**
 * Checks `certificate` against a CRL of its issuer: the CRL must be readable, issued and signed by `issuer`, and
 * current at `at` (thisUpdate <= at <= nextUpdate when present); the certificate's serial must not be listed (a
 * revocation dated after `at` does not count). node:crypto cannot read CRLs, hence PKI.js. A CRL is read and
 * its signature verified once per process (cached by content), since every received message consults it.
 */
export async function checkCrl(
  certificate: X509Certificate,
  options: CrlCheckOptions,
): Promise<Result<void, CrlProblem>> {
  const read = await checkedCrl(options.crl, options.issuer);
  if (!read.ok) return read;
  const { thisUpdate, nextUpdate, revoked } = read.value;
  const at = options.at.getTime();
  if (thisUpdate.getTime() > at || (nextUpdate && nextUpdate.getTime() < at)) {
    const until = nextUpdate ? ` to ${nextUpdate.toISOString()}` : "";
    const message = `the CRL is current from ${thisUpdate.toISOString()}${until}, not at ${options.at.toISOString()}`;
    return err({ failure: "crl-outdated", message });
  }
  const revokedOn = revoked.get(serialHex(certificate.serialNumber));
  if (revokedOn && revokedOn.getTime() <= at) {
    const subject = certificate.subject.replace(/\n/g, ", ");
    const message = `${subject} was revoked on ${revokedOn.toISOString()}`;
    return err({ failure: "revoked", message });
  }
  return ok(undefined);
}

import { X509Certificate } from "node:crypto";
import { err, ok, type Result } from "../../../core/result.ts";

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

/** Reads every certificate of a PEM text (a bundle may hold several); an unreadable block is an error. */
export function readPemCertificates(pem: string): Result<X509Certificate[], string> {
  const certificates: X509Certificate[] = [];
  for (const match of pem.matchAll(PEM_BLOCK)) {
    try {
      certificates.push(new X509Certificate(Buffer.from((match[1] ?? "").replace(/\s+/g, ""), "base64")));
    } catch (error) {
      return err(`certificate ${certificates.length + 1} cannot be read: ${String(error)}`);
    }
  }
  return certificates.length > 0 ? ok(certificates) : err("no PEM certificate found");
}

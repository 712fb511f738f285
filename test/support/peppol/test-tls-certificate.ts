import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A TLS server key and certificate. */
export interface TlsIdentity {
  readonly keyPem: string;
  readonly certificatePem: string;
}

let cached: TlsIdentity | undefined;

/**
 * A self-signed TLS certificate for 127.0.0.1 (subjectAltName IP), made once per process with the openssl command
 * (Debian's ca-certificates depends on it). In the network an SMP's https certificate comes from a public CA, not
 * from the Peppol PKI, so the test SMP gets one apart too; the test PKI has no subjectAltName support to make it.
 */
export function testTlsCertificate(): TlsIdentity {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), "facteur-tls-"));
  try {
    const key = join(dir, "key.pem");
    const certificate = join(dir, "cert.pem");
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=facteur test SMP TLS",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        key,
        "-out",
        certificate,
      ],
      { stdio: "ignore" },
    );
    cached = { keyPem: readFileSync(key, "utf8"), certificatePem: readFileSync(certificate, "utf8") };
    return cached;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

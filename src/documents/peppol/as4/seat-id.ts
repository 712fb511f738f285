import type { X509Certificate } from "node:crypto";

/** The Peppol seat id of an access point certificate: its subject's CN (e.g. POP000001), or undefined. */
export function seatIdOf(certificate: X509Certificate): string | undefined {
  for (const line of certificate.subject.split("\n")) if (line.startsWith("CN=")) return line.slice(3);
  return undefined;
}

import {
  type CertificateSpec,
  type IssuingEntry,
  issueTestCertificate,
  issueTestCrl,
  type TestPkiEntry,
} from "./issue-test-certificate.ts";

export type { TestPkiEntry } from "./issue-test-certificate.ts";

/**
 * A Peppol-shaped test PKI generated in memory: a root CA, the AP and SMP CAs under it, access point seats, an SMP
 * certificate, a revoked seat (listed on {@link TestPki.apCrlPem}) and an expired one. Every certificate but the
 * expired seat is valid from 2025-01-01 to 2045-01-01, so tests may pass any present moment as `at`.
 */
export interface TestPki {
  readonly root: TestPkiEntry;
  readonly apCa: TestPkiEntry;
  readonly smpCa: TestPkiEntry;
  /** Access point seats (CN = Peppol seat id): POP000001 and POP000002. */
  readonly sender: TestPkiEntry;
  readonly receiver: TestPkiEntry;
  /** The SMP's signing certificate (CN = PSG000001), issued by the SMP CA. */
  readonly smp: TestPkiEntry;
  /** Seat POP000003, valid by its dates but listed on the AP CA's CRL (revoked on 2025-06-01). */
  readonly revoked: TestPkiEntry;
  /** Seat POP000004, valid from 2020-01-01 to 2024-12-31 only. */
  readonly expired: TestPkiEntry;
  /** The AP CA's CRL (PEM), current from 2025-01-01 to 2045-01-01, listing the revoked seat. */
  readonly apCrlPem: string;
}

const VALID_FROM = new Date("2025-01-01T00:00:00Z");
const VALID_TO = new Date("2045-01-01T00:00:00Z");

function strip({ certificatePem, privateKeyPem, certificate }: IssuingEntry): TestPkiEntry {
  return { certificatePem, privateKeyPem, certificate };
}

function ca(cn: string, serialNumber: number, issuer?: IssuingEntry): Promise<IssuingEntry> {
  const subject: CertificateSpec["subject"] = [
    ["C", "BE"],
    ["O", "facteur test PKI"],
    ["OU", "FOR TEST ONLY"],
    ["CN", cn],
  ];
  return issueTestCertificate(
    { subject, serialNumber, notBefore: VALID_FROM, notAfter: VALID_TO, ca: true },
    issuer,
  );
}

function seat(
  cn: string,
  unit: string,
  serialNumber: number,
  issuer: IssuingEntry,
  from = VALID_FROM,
  to = VALID_TO,
) {
  const subject: CertificateSpec["subject"] = [
    ["C", "BE"],
    ["O", `facteur test ${cn}`],
    ["OU", unit],
    ["CN", cn],
  ];
  return issueTestCertificate({ subject, serialNumber, notBefore: from, notAfter: to, ca: false }, issuer);
}

async function generate(): Promise<TestPki> {
  const root = await ca("facteur TEST PEPPOL ROOT CA", 1);
  const [apCa, smpCa] = await Promise.all([
    ca("facteur TEST PEPPOL ACCESS POINT CA", 2, root),
    ca("facteur TEST PEPPOL SERVICE METADATA PUBLISHER CA", 3, root),
  ]);
  const [sender, receiver, smp, revoked, expired] = await Promise.all([
    seat("POP000001", "PEPPOL TEST AP", 1001, apCa),
    seat("POP000002", "PEPPOL TEST AP", 1002, apCa),
    seat("PSG000001", "PEPPOL TEST SMP", 2001, smpCa),
    seat("POP000003", "PEPPOL TEST AP", 1003, apCa),
    seat(
      "POP000004",
      "PEPPOL TEST AP",
      1004,
      apCa,
      new Date("2020-01-01T00:00:00Z"),
      new Date("2024-12-31T23:59:59Z"),
    ),
  ]);
  const apCrlPem = await issueTestCrl(apCa, { thisUpdate: VALID_FROM, nextUpdate: VALID_TO }, [
    { serialNumber: 1003, revocationDate: new Date("2025-06-01T00:00:00Z") },
  ]);
  return {
    root: strip(root),
    apCa: strip(apCa),
    smpCa: strip(smpCa),
    sender: strip(sender),
    receiver: strip(receiver),
    smp: strip(smp),
    revoked: strip(revoked),
    expired: strip(expired),
    apCrlPem,
  };
}

let cached: Promise<TestPki> | undefined;

/** The process's test PKI, generated on first use (RSA key generation is slow) and shared afterwards. */
export function createTestPki(): Promise<TestPki> {
  cached ??= generate();
  return cached;
}

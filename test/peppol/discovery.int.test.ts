import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParticipantQuery } from "../../src/app/ports/participant-directory.ts";
import {
  BIS_BILLING_PROCESS,
  BIS_CREDIT_NOTE_DOCUMENT_TYPE,
  BIS_INVOICE_DOCUMENT_TYPE,
} from "../../src/core/peppol/peppol-identifiers.ts";
import { createPeppolParticipantDirectory } from "../../src/peppol/discovery/peppol-participant-directory.ts";
import { startTestPeppolNetwork, type TestPeppolNetwork } from "../support/peppol/test-peppol-network.ts";
import type { TestSmpService } from "../support/peppol/test-smp-server.ts";

// Valid Belgian enterprise numbers, one per scenario.
const REACHABLE = "0400000185";
const UNKNOWN = "0400000284";
const CREDIT_NOTES_ONLY = "0400000383";
const TAMPERED = "0400000482";
const REVOKED = "0400000581";
const EXPIRED = "0400000680";
const DNS_BROKEN = "0400000779";
const VAT_ONLY = "0400000878";
const SMP_DOWN = "0400000977";
const HTTP_SMP = "0400001076";
const AS2_ONLY = "0400001175";
const WITHDRAWN = "0400001274";

let network: TestPeppolNetwork;

function service(documentType: string, certificatePem: string): TestSmpService {
  return {
    documentType,
    process: BIS_BILLING_PROCESS,
    endpointUrl: "https://ap.receiver.test/as4",
    endpointCertificatePem: certificatePem,
  };
}

function query(participant: string, documentType = BIS_INVOICE_DOCUMENT_TYPE): ParticipantQuery {
  return { participant, documentType, process: BIS_BILLING_PROCESS };
}

function directory(options: { withCrl?: boolean; timeoutMs?: number; now?: () => Date } = {}) {
  return createPeppolParticipantDirectory({
    deps: network.discoveryDeps(options),
    positiveTtlMs: 3_600_000,
    negativeTtlMs: 300_000,
    ...(options.now ? { now: options.now } : {}),
  });
}

beforeAll(async () => {
  network = await startTestPeppolNetwork();
  const { receiver, revoked, expired } = network.pki;
  const both = [
    service(BIS_INVOICE_DOCUMENT_TYPE, receiver.certificatePem),
    service(BIS_CREDIT_NOTE_DOCUMENT_TYPE, receiver.certificatePem),
  ];
  network.register({ participant: `0208:${REACHABLE}`, services: both });
  network.register({
    participant: `0208:${CREDIT_NOTES_ONLY}`,
    services: [service(BIS_CREDIT_NOTE_DOCUMENT_TYPE, receiver.certificatePem)],
  });
  network.register({ participant: `0208:${TAMPERED}`, services: both, signature: "tampered" });
  network.register({
    participant: `0208:${REVOKED}`,
    services: [service(BIS_INVOICE_DOCUMENT_TYPE, revoked.certificatePem)],
  });
  network.register({
    participant: `0208:${EXPIRED}`,
    services: [service(BIS_INVOICE_DOCUMENT_TYPE, expired.certificatePem)],
  });
  network.register({ participant: `0208:${DNS_BROKEN}`, services: both });
  network.dns.fail(network.dnsName(`0208:${DNS_BROKEN}`), "SERVFAIL");
  network.register({ participant: `9925:be${VAT_ONLY}`, services: both });
  network.register({ participant: `0208:${SMP_DOWN}`, services: both });
  network.register({ participant: `0208:${HTTP_SMP}`, services: both }, "!^.*$!http://127.0.0.1:1!");
  const invoice = service(BIS_INVOICE_DOCUMENT_TYPE, receiver.certificatePem);
  network.register({
    participant: `0208:${AS2_ONLY}`,
    services: [{ ...invoice, transportProfile: "busdox-transport-as2-ver1p0" }],
  });
  network.register({
    participant: `0208:${WITHDRAWN}`,
    services: [{ ...invoice, serviceExpirationDate: "2025-12-31T23:59:59Z" }],
  });
});

afterAll(async () => {
  await network?.close();
});

describe("Peppol discovery over the loopback SML and SMP", () => {
  it("finds a registered participant: endpoint, its certificate and every document type", async () => {
    const outcome = await directory().lookup(query(`0208:${REACHABLE}`));
    if (outcome.kind !== "reachable") throw new Error(JSON.stringify(outcome));
    expect(outcome.participant).toBe(`0208:${REACHABLE}`);
    expect(outcome.tried).toEqual([`0208:${REACHABLE}`]);
    expect(outcome.smpUrl).toBe(network.smp.url);
    expect(outcome.endpoint).toMatchObject({
      url: "https://ap.receiver.test/as4",
      transportProfile: "peppol-transport-as4-v2_0",
      technicalContactUrl: "https://support.facteur.test",
    });
    expect(outcome.endpoint.certificate.subject).toContain("CN=POP000002");
    expect(outcome.endpoint.certificate.pem).toBe(network.pki.receiver.certificate.toString());
    expect(outcome.documentTypes).toEqual([BIS_INVOICE_DOCUMENT_TYPE, BIS_CREDIT_NOTE_DOCUMENT_TYPE]);
  });

  it("says not registered when the SML has neither 0208 nor 9925 (NXDOMAIN)", async () => {
    const before = network.dns.queries.length;
    const outcome = await directory().lookup(query(`0208:${UNKNOWN}`));
    expect(outcome).toEqual({ kind: "not-registered", tried: [`0208:${UNKNOWN}`, `9925:be${UNKNOWN}`] });
    expect(network.dns.queries.slice(before)).toEqual([
      network.dnsName(`0208:${UNKNOWN}`),
      network.dnsName(`9925:be${UNKNOWN}`),
    ]);
  });

  it("says which document types a participant takes when the invoice is not among them", async () => {
    const outcome = await directory().lookup(query(`0208:${CREDIT_NOTES_ONLY}`));
    expect(outcome).toMatchObject({
      kind: "document-type-not-supported",
      participant: `0208:${CREDIT_NOTES_ONLY}`,
      documentTypes: [BIS_CREDIT_NOTE_DOCUMENT_TYPE],
    });
  });

  it("refuses an SMP answer altered after signing", async () => {
    const outcome = await directory().lookup(query(`0208:${TAMPERED}`));
    expect(outcome).toMatchObject({ kind: "refused", participant: `0208:${TAMPERED}` });
    expect(outcome.kind === "refused" && outcome.reason).toMatch(/signature is not valid/);
  });

  it("refuses an endpoint whose certificate the AP CA revoked, and one that expired", async () => {
    const revoked = await directory().lookup(query(`0208:${REVOKED}`));
    expect(revoked.kind === "refused" && revoked.reason).toMatch(/\(revoked\).*POP000003/);
    const expired = await directory().lookup(query(`0208:${EXPIRED}`));
    expect(expired.kind === "refused" && expired.reason).toMatch(/\(expired\).*POP000004/);
  });

  it("accepts the revoked seat when no CRL is configured (revocation is only as good as the CRL given)", async () => {
    expect((await directory({ withCrl: false }).lookup(query(`0208:${REVOKED}`))).kind).toBe("reachable");
  });

  it("says try later on SERVFAIL, on no DNS answer and on SMP 5xx", async () => {
    const servfail = await directory().lookup(query(`0208:${DNS_BROKEN}`));
    expect(servfail).toMatchObject({ kind: "try-later", reason: expect.stringContaining("ESERVFAIL") });
    const name = network.dnsName(`0208:${DNS_BROKEN}`);
    network.dns.fail(name, "drop");
    const silent = await directory({ timeoutMs: 300 }).lookup(query(`0208:${DNS_BROKEN}`));
    expect(silent).toMatchObject({ kind: "try-later", reason: expect.stringContaining("ETIMEOUT") });
    network.dns.fail(name, "SERVFAIL");
    network.smp.fail(503);
    try {
      const down = await directory().lookup(query(`0208:${SMP_DOWN}`));
      expect(down).toMatchObject({ kind: "try-later", reason: expect.stringContaining("HTTP 503") });
    } finally {
      network.smp.fail(undefined);
    }
  });

  it("falls back from 0208 to 9925:BE<number>, whichever form is asked", async () => {
    const expected = { kind: "reachable", participant: `9925:be${VAT_ONLY}` };
    const tried = [`0208:${VAT_ONLY}`, `9925:be${VAT_ONLY}`];
    expect(await directory().lookup(query(`0208:${VAT_ONLY}`))).toMatchObject({ ...expected, tried });
    expect(await directory().lookup(query(`9925:BE${VAT_ONLY}`))).toMatchObject({ ...expected, tried });
  });

  it("refuses an SMP the SML publishes as plain http", async () => {
    const outcome = await directory().lookup(query(`0208:${HTTP_SMP}`));
    expect(outcome.kind === "refused" && outcome.reason).toMatch(/not an https URL/);
  });

  it("reuses one TLS connection to the SMP across look-ups instead of one handshake per request", async () => {
    const before = { connections: network.smp.tlsConnections(), requests: network.smp.requests.length };
    expect((await directory().lookup(query(`0208:${REACHABLE}`))).kind).toBe("reachable");
    expect((await directory().lookup(query(`0208:${CREDIT_NOTES_ONLY}`))).kind).toBe(
      "document-type-not-supported",
    );
    expect(network.smp.requests.length - before.requests).toBeGreaterThanOrEqual(4);
    // An earlier test may have left an idle connection to reuse: then none is opened at all.
    expect(network.smp.tlsConnections() - before.connections).toBeLessThanOrEqual(1);
  });

  it("answers a repeated lookup from the cache without a DNS query; try-later is never cached", async () => {
    const cached = directory();
    const first = await cached.lookup(query(`0208:${REACHABLE}`));
    const missing = await cached.lookup(query(`0208:${UNKNOWN}`));
    const before = network.dns.queries.length;
    expect(await cached.lookup(query(`0208:${REACHABLE}`))).toBe(first);
    expect(await cached.lookup(query(`0208:${UNKNOWN}`))).toBe(missing);
    expect(network.dns.queries.length).toBe(before);
    await cached.lookup(query(`0208:${DNS_BROKEN}`));
    await cached.lookup(query(`0208:${DNS_BROKEN}`));
    expect(network.dns.queries.length).toBe(before + 4);
    const other = await cached.lookup(query(`0208:${REACHABLE}`, BIS_CREDIT_NOTE_DOCUMENT_TYPE));
    expect(other.kind).toBe("reachable");
    expect(network.dns.queries.length).toBe(before + 5);
  });

  it("keeps a negative answer only for its shorter lifetime, by the injected clock", async () => {
    const clock = { now: Date.parse("2026-11-28T10:00:00Z") };
    const timed = directory({ now: () => new Date(clock.now) });
    await timed.lookup(query(`0208:${UNKNOWN}`));
    const before = network.dns.queries.length;
    clock.now += 299_000;
    await timed.lookup(query(`0208:${UNKNOWN}`));
    expect(network.dns.queries.length).toBe(before);
    clock.now += 1_000;
    await timed.lookup(query(`0208:${UNKNOWN}`));
    expect(network.dns.queries.length).toBe(before + 2);
  });

  it("makes one lookup for concurrent lookups of the same participant and document type", async () => {
    const shared = directory();
    const before = network.dns.queries.length;
    const outcomes = await Promise.all([1, 2, 3].map(() => shared.lookup(query(`0208:${REACHABLE}`))));
    expect(outcomes.map((o) => o.kind)).toEqual(["reachable", "reachable", "reachable"]);
    expect(network.dns.queries.length).toBe(before + 1);
  });

  it("says not supported when the only endpoint is not AS4, and refuses a withdrawn endpoint", async () => {
    expect(await directory().lookup(query(`0208:${AS2_ONLY}`))).toMatchObject({
      kind: "document-type-not-supported",
      reason: expect.stringContaining("peppol-transport-as4-v2_0"),
      documentTypes: [BIS_INVOICE_DOCUMENT_TYPE],
    });
    const withdrawn = await directory().lookup(query(`0208:${WITHDRAWN}`));
    expect(withdrawn.kind === "refused" && withdrawn.reason).toMatch(/endpoint is expired/);
  });

  it("refuses an SMP whose https certificate is not trusted", async () => {
    const deps = { ...network.discoveryDeps(), http: { timeoutMs: 5_000 } };
    const untrusted = createPeppolParticipantDirectory({ deps, positiveTtlMs: 1, negativeTtlMs: 1 });
    const outcome = await untrusted.lookup(query(`0208:${REACHABLE}`));
    expect(outcome.kind === "refused" && outcome.reason).toMatch(/certificate/i);
  });
});

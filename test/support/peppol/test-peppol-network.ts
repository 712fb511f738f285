import { Resolver } from "node:dns/promises";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PEPPOL_PARTICIPANT_SCHEME } from "../../../src/core/identifiers/peppol-id.ts";
import { createTestPki, type TestPki } from "../../../src/documents/peppol/testing/test-pki.ts";
import type { DiscoveryDeps } from "../../../src/peppol/discovery/discover-participant.ts";
import { participantDnsName } from "../../../src/peppol/discovery/participant-dns-name.ts";
import { startTestDnsServer, type TestDnsServer } from "./test-dns-server.ts";
import { startTestSmpServer, type TestSmpParticipant, type TestSmpServer } from "./test-smp-server.ts";

/** The SML zone of the test network. */
export const TEST_NETWORK_ZONE = "sml.facteur.test";

/** A loopback Peppol network for discovery: the test PKI, an SML (DNS) and one SMP. */
export interface TestPeppolNetwork {
  readonly pki: TestPki;
  readonly dns: TestDnsServer;
  readonly smp: TestSmpServer;
  /** The DNS name the SML uses for a participant (`ICD:value`). */
  dnsName(participant: string): string;
  /** Publishes the participant at the SMP and its U-NAPTR record (pointing at the SMP unless `regexp` says). */
  register(participant: TestSmpParticipant, regexp?: string): void;
  /** Discovery dependencies pointed at this network (a fresh Resolver each time: no shared state between tests). */
  discoveryDeps(options?: { withCrl?: boolean; timeoutMs?: number }): DiscoveryDeps;
  /** Writes the CA, CRL and TLS files to `dir` and returns the FACTEUR_PEPPOL_* variables for the CLI. */
  cliEnvironment(dir: string): Record<string, string>;
  close(): Promise<void>;
}

/** Starts the DNS server and the SMP (signing with the test PKI's SMP certificate). */
export async function startTestPeppolNetwork(): Promise<TestPeppolNetwork> {
  const pki = await createTestPki();
  const [dns, smp] = await Promise.all([startTestDnsServer(), startTestSmpServer(pki.smp)]);
  const dnsName = (participant: string) =>
    participantDnsName({ scheme: PEPPOL_PARTICIPANT_SCHEME, value: participant }, TEST_NETWORK_ZONE);
  return {
    pki,
    dns,
    smp,
    dnsName,
    register(participant, regexp) {
      smp.publish(participant);
      dns.setNaptr(dnsName(participant.participant), [{ regexp: regexp ?? `!^.*$!${smp.url}!` }]);
    },
    discoveryDeps(options = {}) {
      const resolver = new Resolver({ timeout: options.timeoutMs ?? 2_000, tries: 1 });
      resolver.setServers([dns.server]);
      return {
        resolver,
        zone: TEST_NETWORK_ZONE,
        http: { timeoutMs: options.timeoutMs ?? 5_000, extraCaPem: [smp.tlsCaPem] },
        smpCas: [pki.smpCa.certificate],
        endpointTrust: {
          apCas: [pki.apCa.certificate],
          ...(options.withCrl === false ? {} : { apCrl: pki.apCrlPem }),
        },
      };
    },
    cliEnvironment(dir) {
      const files = {
        FACTEUR_PEPPOL_SMP_CA_FILE: ["smp-ca.pem", pki.smpCa.certificatePem],
        FACTEUR_PEPPOL_AP_CA_FILE: ["ap-ca.pem", pki.apCa.certificatePem],
        FACTEUR_PEPPOL_AP_CRL_FILE: ["ap-ca.crl.pem", pki.apCrlPem],
        FACTEUR_PEPPOL_SMP_TLS_CA_FILE: ["smp-tls.pem", smp.tlsCaPem],
      } as const;
      const env: Record<string, string> = {
        FACTEUR_PEPPOL_SML_ZONE: TEST_NETWORK_ZONE,
        FACTEUR_PEPPOL_DNS_SERVERS: dns.server,
        FACTEUR_PEPPOL_LOOKUP_TIMEOUT: "2s",
      };
      for (const [variable, [name, content]] of Object.entries(files)) {
        writeFileSync(join(dir, name), content);
        env[variable] = join(dir, name);
      }
      return env;
    },
    close: async () => {
      await Promise.all([dns.close(), smp.close()]);
    },
  };
}

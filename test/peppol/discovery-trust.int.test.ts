import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIS_BILLING_PROCESS, BIS_INVOICE_DOCUMENT_TYPE } from "../../src/core/peppol/peppol-identifiers.ts";
import { createPeppolParticipantDirectory } from "../../src/peppol/discovery/peppol-participant-directory.ts";
import { startTestPeppolNetwork, type TestPeppolNetwork } from "../support/peppol/test-peppol-network.ts";
import { startTestSmpServer, type TestSmpServer } from "../support/peppol/test-smp-server.ts";

const ROGUE_SIGNER = "0400000185";
const REPLAYED = "0400000284";
const REDIRECTED = "0400000383";
const REDIRECTED_WRONG_UID = "0400000482";
const REDIRECTED_TO_ROGUE = "0400000581";

let network: TestPeppolNetwork;
let rogue: TestSmpServer;
let second: TestSmpServer;

async function lookup(participant: string) {
  const directory = createPeppolParticipantDirectory({
    deps: network.discoveryDeps(),
    positiveTtlMs: 60_000,
    negativeTtlMs: 60_000,
  });
  return directory.lookup({
    participant,
    documentType: BIS_INVOICE_DOCUMENT_TYPE,
    process: BIS_BILLING_PROCESS,
  });
}

beforeAll(async () => {
  network = await startTestPeppolNetwork();
  const { pki } = network;
  // An SMP signing with an access point seat's key: a real certificate, but not one the SMP CA issued.
  [rogue, second] = await Promise.all([startTestSmpServer(pki.sender), startTestSmpServer(pki.smp)]);
  const services = [
    {
      documentType: BIS_INVOICE_DOCUMENT_TYPE,
      process: BIS_BILLING_PROCESS,
      endpointUrl: "https://ap.receiver.test/as4",
      endpointCertificatePem: pki.receiver.certificatePem,
    },
  ];
  const at = (smp: TestSmpServer, id: string, extra = {}) => {
    smp.publish({ participant: `0208:${id}`, services, ...extra });
    network.dns.setNaptr(network.dnsName(`0208:${id}`), [{ regexp: `!^.*$!${smp.url}!` }]);
  };
  at(rogue, ROGUE_SIGNER);
  at(network.smp, REPLAYED, { answerAs: "0208:0400000680" });
  for (const id of [REDIRECTED, REDIRECTED_WRONG_UID, REDIRECTED_TO_ROGUE]) {
    second.publish({ participant: `0208:${id}`, services });
    rogue.publish({ participant: `0208:${id}`, services });
  }
  at(network.smp, REDIRECTED, { redirect: { to: second.url, certificateUid: "CN=PSG000001" } });
  at(network.smp, REDIRECTED_WRONG_UID, { redirect: { to: second.url, certificateUid: "CN=PSG999999" } });
  at(network.smp, REDIRECTED_TO_ROGUE, { redirect: { to: rogue.url, certificateUid: "CN=POP000001" } });
});

afterAll(async () => {
  await Promise.all([network?.close(), rogue?.close(), second?.close()]);
});

describe("Peppol discovery trusts only what the SMP CA vouches for", () => {
  it("refuses an answer signed by a certificate the SMP CA did not issue", async () => {
    const outcome = await lookup(`0208:${ROGUE_SIGNER}`);
    expect(outcome.kind === "refused" && outcome.reason).toMatch(/SMP's signing certificate is not accepted/);
  });

  it("refuses a validly signed answer about another participant", async () => {
    const outcome = await lookup(`0208:${REPLAYED}`);
    expect(outcome.kind === "refused" && outcome.reason).toMatch(/another participant or document type/);
  });

  it("follows one redirect to an SMP signed by the certificate it names", async () => {
    const outcome = await lookup(`0208:${REDIRECTED}`);
    expect(outcome).toMatchObject({ kind: "reachable", endpoint: { url: "https://ap.receiver.test/as4" } });
    expect(second.requests.some((path) => path.includes("/services/"))).toBe(true);
  });

  it("refuses a redirect whose target is signed by another certificate, or not under the SMP CA", async () => {
    const wrongUid = await lookup(`0208:${REDIRECTED_WRONG_UID}`);
    expect(wrongUid.kind === "refused" && wrongUid.reason).toMatch(/not signed by CN=PSG999999/);
    const toRogue = await lookup(`0208:${REDIRECTED_TO_ROGUE}`);
    expect(toRogue.kind === "refused" && toRogue.reason).toMatch(/signing certificate is not accepted/);
  });
});

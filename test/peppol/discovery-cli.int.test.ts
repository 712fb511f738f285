import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BIS_BILLING_PROCESS,
  BIS_CREDIT_NOTE_DOCUMENT_TYPE,
  BIS_INVOICE_DOCUMENT_TYPE,
} from "../../src/core/peppol/peppol-identifiers.ts";
import { startTestPeppolNetwork, type TestPeppolNetwork } from "../support/peppol/test-peppol-network.ts";
import { runFacteur } from "../support/run-facteur.ts";

const REACHABLE = "0400001175";
const VAT_ONLY = "0400001274";
const TAMPERED = "0400000185";
const BROKEN = "0400000284";

let network: TestPeppolNetwork;
let environment: Record<string, string>;

/** Runs the real `facteur` executable against the loopback network. */
const facteur = (env: Record<string, string>, ...args: string[]) => runFacteur(env, args);

beforeAll(async () => {
  network = await startTestPeppolNetwork();
  const services = [BIS_INVOICE_DOCUMENT_TYPE, BIS_CREDIT_NOTE_DOCUMENT_TYPE].map((documentType) => ({
    documentType,
    process: BIS_BILLING_PROCESS,
    endpointUrl: "https://ap.receiver.test/as4",
    endpointCertificatePem: network.pki.receiver.certificatePem,
  }));
  network.register({ participant: `0208:${REACHABLE}`, services });
  network.register({ participant: `9925:be${VAT_ONLY}`, services: services.slice(1) });
  network.register({ participant: `0208:${TAMPERED}`, services, signature: "tampered" });
  network.dns.fail(network.dnsName(`0208:${BROKEN}`), "SERVFAIL");
  const dir = mkdtempSync(join(tmpdir(), "facteur-lookup-"));
  environment = { FACTEUR_DATA_DIR: dir, ...network.cliEnvironment(dir) };
});

afterAll(async () => {
  await network?.close();
});

describe("facteur peppol lookup", () => {
  it("prints a reachable participant as JSON and exits 0", async () => {
    const result = await facteur(environment, "peppol", "lookup", `0208:${REACHABLE}`, "--json");
    expect(result.code).toBe(0);
    const outcome = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(outcome).toMatchObject({
      query: { participant: `0208:${REACHABLE}`, documentType: BIS_INVOICE_DOCUMENT_TYPE },
      kind: "reachable",
      endpoint: {
        url: "https://ap.receiver.test/as4",
        certificate: { subject: expect.stringContaining("POP000002") },
      },
    });
  }, 60_000);

  it("takes a Belgian VAT number, falls back to 9925 and prints for people", async () => {
    const result = await facteur(
      environment,
      "peppol",
      "lookup",
      `BE${VAT_ONLY}`,
      "--document-type",
      BIS_CREDIT_NOTE_DOCUMENT_TYPE,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`0208:${VAT_ONLY}: reachable as 9925:be${VAT_ONLY}`);
    expect(result.stdout).toContain("endpoint: https://ap.receiver.test/as4 (peppol-transport-as4-v2_0)");
  }, 60_000);

  it("exits 66 for a document type the participant does not take and for an unknown participant", async () => {
    const unsupported = await facteur(environment, "peppol", "lookup", `9925:BE${VAT_ONLY}`);
    expect(unsupported.code).toBe(66);
    expect(unsupported.stdout).toContain("no ServiceMetadata for the document type");
    const unknown = await facteur(environment, "peppol", "lookup", "0208:0400000383", "--json");
    expect(unknown.code).toBe(66);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ kind: "not-registered" });
  }, 60_000);

  it("exits 1 for a tampered SMP answer and 69 when DNS fails", async () => {
    const tampered = await facteur(environment, "peppol", "lookup", `0208:${TAMPERED}`);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain("refused");
    const broken = await facteur(environment, "peppol", "lookup", `0208:${BROKEN}`, "--json");
    expect(broken.code).toBe(69);
    expect(JSON.parse(broken.stdout)).toMatchObject({ kind: "try-later" });
  }, 60_000);

  it("exits 64 for a malformed id and 78 without the CA files", async () => {
    const malformed = await facteur(environment, "peppol", "lookup", "0208:123");
    expect(malformed.code).toBe(64);
    const bare = await facteur(
      { FACTEUR_DATA_DIR: environment.FACTEUR_DATA_DIR ?? "" },
      "peppol",
      "lookup",
      `0208:${REACHABLE}`,
    );
    expect(bare.code).toBe(78);
    expect(bare.stderr).toContain("FACTEUR_PEPPOL_SMP_CA_FILE is not set");
  }, 60_000);
});

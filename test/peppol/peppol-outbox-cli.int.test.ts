import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIS_BILLING_PROCESS, BIS_INVOICE_DOCUMENT_TYPE } from "../../src/core/peppol/peppol-identifiers.ts";
import {
  startTestReceivingAccessPoint,
  type TestReceivingAccessPoint,
} from "../support/peppol/test-access-points.ts";
import { startTestPeppolNetwork, type TestPeppolNetwork } from "../support/peppol/test-peppol-network.ts";
import { testTlsCertificate } from "../support/peppol/test-tls-certificate.ts";
import { runFacteur } from "../support/run-facteur.ts";

/** examples/customers.csv: C001 receives over Peppol under this id; C002 (Belgian, prefers e-mail) is not on Peppol. */
const C001 = "0208:0403457345";

let network: TestPeppolNetwork;
let ap: TestReceivingAccessPoint;
let env: Record<string, string>;

beforeAll(async () => {
  network = await startTestPeppolNetwork();
  ap = await startTestReceivingAccessPoint(network.pki, { participants: [C001] });
  network.register({
    participant: C001,
    services: [
      {
        documentType: BIS_INVOICE_DOCUMENT_TYPE,
        process: BIS_BILLING_PROCESS,
        endpointUrl: ap.receiver.url,
        endpointCertificatePem: network.pki.receiver.certificatePem,
      },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), "facteur-peppol-outbox-cli-"));
  const files = {
    FACTEUR_PEPPOL_AP_CERT_FILE: network.pki.sender.certificatePem,
    FACTEUR_PEPPOL_AP_KEY_FILE: network.pki.sender.privateKeyPem,
    FACTEUR_PEPPOL_AP_TLS_CA_FILE: testTlsCertificate().certificatePem,
  };
  env = {
    ...network.cliEnvironment(dir),
    FACTEUR_DATA_DIR: join(dir, "data"),
    // No relay listens here: the e-mail deliveries are deferred, which this test does not look at.
    FACTEUR_SMTP_URL: "smtp://127.0.0.1:9",
    FACTEUR_BOUNCE_DOMAIN: "bounces.seller.test",
    FACTEUR_VERP_SECRET: "a-test-secret-of-at-least-32-characters!!",
  };
  for (const [variable, content] of Object.entries(files)) {
    writeFileSync(join(dir, variable), content);
    env[variable] = join(dir, variable);
  }
});

afterAll(async () => {
  await Promise.all([ap?.close(), network?.close()]);
});

describe("Peppol through the CLI: send, worker, deliveries, proof", { timeout: 120_000 }, () => {
  it("queues the Peppol customer's invoice, the worker sends it with the seat, and the proof shows the receipt", async () => {
    const facteur = (args: string[]) => runFacteur(env, args);
    for (const file of ["customers.csv", "invoices.csv"])
      expect((await facteur(["import", file.split(".")[0] ?? "", `examples/${file}`])).code).toBe(0);
    const sent = await facteur(["send", "--unsent"]);
    expect(sent.stdout).toMatch(/INV-2026-0002: not-on-peppol/);
    const worker = await facteur(["worker", "--once"]);
    expect(worker.stderr).toMatch(/Peppol: sending as POP/);
    const listed = await facteur(["deliveries", "list", "--invoice", "INV-2026-0001"]);
    expect(listed.stdout).toMatch(new RegExp(`main\\s+accepted\\s+peppol ${C001}`));
    const proof = await facteur(["proof", "INV-2026-0001"]);
    expect(proof.code).toBe(0);
    expect(proof.stdout).toContain(`Peppol ${C001} (main, round 1): delivered, certain`);
    expect(proof.stdout).toContain("signed AS4 receipt from the buyer's access point, verified");
    const held = await facteur(["deliveries", "list", "--invoice", "INV-2026-0002", "--json"]);
    expect(held.stdout).not.toContain("INV-2026-0002");
  });
});

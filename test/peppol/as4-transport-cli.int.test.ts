import { spawn } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { seatOf, testInvoiceXml } from "../../src/documents/peppol/testing/as4-test-messages.ts";
import { createTestPki, type TestPki } from "../../src/documents/peppol/testing/test-pki.ts";
import { sendAs4 } from "../../src/peppol/as4/send-as4.ts";
import { servingCliEnvironment } from "../support/peppol/cli-environments.ts";
import {
  RECEIVING_PARTICIPANT,
  testApTrust,
  testMessageId,
  testSbdh,
} from "../support/peppol/test-access-points.ts";
import { testTlsCertificate } from "../support/peppol/test-tls-certificate.ts";
import { runFacteur } from "../support/run-facteur.ts";

const ROOT = join(import.meta.dirname, "../..");
let pki: TestPki;
let env: Record<string, string>;

beforeAll(async () => {
  pki = await createTestPki();
  env = await servingCliEnvironment(pki, "facteur-serve-", {
    FACTEUR_SELLER_PEPPOL_ID: RECEIVING_PARTICIPANT,
  });
});

describe("facteur peppol serve and inbox", () => {
  it("serves until SIGTERM, receives an invoice, and lists it in the inbox", async () => {
    const child = spawn(process.execPath, [join(ROOT, "bin/facteur.js"), "peppol", "serve"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", ...env },
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (!stdout.includes("listening on") && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const url = /listening on (\S+)/.exec(stdout)?.[1];
    expect(url).toBe(`https://${env.FACTEUR_PEPPOL_LISTEN}/`);
    const outcome = await sendAs4({
      endpoint: { url: url ?? "", certificate: { pem: pki.receiver.certificatePem } },
      seat: seatOf(pki.sender),
      trust: testApTrust(pki),
      sbdh: testSbdh(),
      payload: testInvoiceXml(2),
      messageId: testMessageId(),
      http: { extraCaPem: [testTlsCertificate().certificatePem] },
    });
    expect(outcome.kind).toBe("accepted");
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout).toContain(`received: ${outcome.evidence.messageId} invoice`);
    expect(stdout).toContain("stopped");
    const inbox = await runFacteur(env, ["peppol", "inbox", "--json"]);
    expect(inbox.code).toBe(0);
    const [line, ...others] = inbox.stdout.trim().split("\n");
    expect(others).toEqual([]);
    expect(JSON.parse(line ?? "{}")).toMatchObject({
      messageId: outcome.evidence.messageId,
      kind: "invoice",
      sender: "0208:0123456749",
    });
  }, 90_000);

  it("refuses to serve without a seat and names every missing setting", async () => {
    const result = await runFacteur({ FACTEUR_DATA_DIR: env.FACTEUR_DATA_DIR ?? "" }, ["peppol", "serve"]);
    expect(result.code).toBe(78);
    expect(result.stderr).toContain("FACTEUR_PEPPOL_AP_CERT_FILE and FACTEUR_PEPPOL_AP_KEY_FILE");
    expect(result.stderr).toContain("FACTEUR_PEPPOL_AP_CA_FILE must be set");
  }, 60_000);
});

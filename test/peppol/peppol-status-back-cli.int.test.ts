import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BIS_BILLING_PROCESS,
  BIS_INVOICE_DOCUMENT_TYPE,
  INVOICE_RESPONSE_DOCUMENT_TYPE,
  INVOICE_RESPONSE_PROCESS,
  MLS_DOCUMENT_TYPE,
  MLS_PROCESS,
} from "../../src/core/peppol/peppol-identifiers.ts";
import { seatOf, testInvoiceXml } from "../../src/documents/peppol/testing/as4-test-messages.ts";
import { sendAs4 } from "../../src/peppol/as4/send-as4.ts";
import { testApTrust, testMessageId, testSbdh } from "../support/peppol/test-access-points.ts";
import { startTestPeppolNetwork, type TestPeppolNetwork } from "../support/peppol/test-peppol-network.ts";
import { testTlsCertificate } from "../support/peppol/test-tls-certificate.ts";
import { runFacteur } from "../support/run-facteur.ts";

const ROOT = join(import.meta.dirname, "../..");
/** A: the seller (the configured default id), seat POP000001, service provider id 0242:000001. */
const SELLER = "0208:0123456749";
const SELLER_SP = "0242:000001";
/** B: the buyer C001 of examples/customers.csv, seat POP000002. */
const BUYER = "0208:0403457345";
/** A seller on Peppol for invoices only: an Invoice Response cannot reach it. */
const INVOICES_ONLY = "0208:0202239951";

interface Instance {
  readonly env: Record<string, string>;
  readonly url: string;
  serve?: ChildProcessWithoutNullStreams;
  log: string;
}

let network: TestPeppolNetwork;
let a: Instance;
let b: Instance;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function instance(name: string, participant: string, seat: "sender" | "receiver"): Promise<Instance> {
  const dir = mkdtempSync(join(tmpdir(), `facteur-status-back-${name}-`));
  const tls = testTlsCertificate();
  const port = await freePort();
  const env: Record<string, string> = {
    ...network.cliEnvironment(dir),
    FACTEUR_DATA_DIR: join(dir, "data"),
    FACTEUR_SELLER_PEPPOL_ID: participant,
    FACTEUR_PEPPOL_LISTEN: `127.0.0.1:${port}`,
    // No relay listens here: e-mail deliveries are deferred, which this test does not look at.
    FACTEUR_SMTP_URL: "smtp://127.0.0.1:9",
    FACTEUR_BOUNCE_DOMAIN: "bounces.seller.test",
    FACTEUR_VERP_SECRET: "a-test-secret-of-at-least-32-characters!!",
  };
  const files = {
    FACTEUR_PEPPOL_AP_CERT_FILE: network.pki[seat].certificatePem,
    FACTEUR_PEPPOL_AP_KEY_FILE: network.pki[seat].privateKeyPem,
    FACTEUR_PEPPOL_AP_TLS_CA_FILE: tls.certificatePem,
    FACTEUR_PEPPOL_TLS_CERT_FILE: tls.certificatePem,
    FACTEUR_PEPPOL_TLS_KEY_FILE: tls.keyPem,
  };
  for (const [variable, content] of Object.entries(files)) {
    writeFileSync(join(dir, variable), content);
    env[variable] = join(dir, variable);
  }
  return { env, url: `https://127.0.0.1:${port}/`, log: "" };
}

async function serve(target: Instance): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, "bin/facteur.js"), "peppol", "serve"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", ...target.env },
  });
  child.stdout.on("data", (chunk: Buffer) => {
    target.log += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    target.log += chunk.toString("utf8");
  });
  target.serve = child;
  const deadline = Date.now() + 60_000;
  while (!target.log.includes("listening on") && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  if (!target.log.includes("listening on")) throw new Error(`peppol serve did not start:\n${target.log}`);
}

async function stop(target: Instance | undefined): Promise<void> {
  const child = target?.serve;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.on("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

const facteur = (target: Instance, args: string[]) => runFacteur(target.env, args);

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .trim()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

beforeAll(async () => {
  network = await startTestPeppolNetwork();
  [a, b] = await Promise.all([instance("a", SELLER, "sender"), instance("b", BUYER, "receiver")]);
  const service = (documentType: string, process: string, target: Instance, seat: "sender" | "receiver") => ({
    documentType,
    process,
    endpointUrl: target.url,
    endpointCertificatePem: network.pki[seat].certificatePem,
  });
  network.register({
    participant: BUYER,
    services: [service(BIS_INVOICE_DOCUMENT_TYPE, BIS_BILLING_PROCESS, b, "receiver")],
  });
  network.register({
    participant: SELLER,
    services: [service(INVOICE_RESPONSE_DOCUMENT_TYPE, INVOICE_RESPONSE_PROCESS, a, "sender")],
  });
  network.register({
    participant: SELLER_SP,
    services: [service(MLS_DOCUMENT_TYPE, MLS_PROCESS, a, "sender")],
  });
  network.register({
    participant: INVOICES_ONLY,
    services: [service(BIS_INVOICE_DOCUMENT_TYPE, BIS_BILLING_PROCESS, a, "sender")],
  });
  await Promise.all([serve(a), serve(b)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([stop(a), stop(b)]);
  await network?.close();
});

describe("Peppol status back, end to end on loopback through the CLI", { timeout: 300_000 }, () => {
  let invoiceMessage = "";

  it("A sends an invoice to B (lookup, send, receive, receipt), B's worker sends the MLS back to A", async () => {
    for (const file of ["customers.csv", "invoices.csv"])
      expect((await facteur(a, ["import", file.split(".")[0] ?? "", `examples/${file}`])).code).toBe(0);
    expect((await facteur(a, ["send", "--unsent"])).stdout).toMatch(/^queued 3 invoice/);
    const sent = await facteur(a, ["worker", "--once"]);
    expect(sent.stderr).toContain("Peppol: sending as POP000001");
    const listed = await facteur(a, ["deliveries", "list", "--invoice", "INV-2026-0001"]);
    expect(listed.stdout).toMatch(new RegExp(`main\\s+accepted\\s+peppol ${BUYER}`));

    const received = jsonLines((await facteur(b, ["peppol", "inbox", "--json"])).stdout);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ kind: "invoice", sender: SELLER, receiver: BUYER });
    invoiceMessage = String(received[0]?.messageId);
    expect(received[0]?.answered).toMatchObject([
      { kind: "mls", responseCode: "AP", state: "queued", receiver: SELLER_SP },
    ]);
    expect(b.log).toContain(`MLS AP queued to ${SELLER_SP}`);

    const answered = await facteur(b, ["worker", "--once"]);
    expect(answered.stdout).toMatch(/accepted 1/);
    const table = await facteur(b, ["peppol", "inbox"]);
    expect(table.stdout).toContain("MLS AP delivered");

    const back = jsonLines((await facteur(a, ["peppol", "inbox", "--json"])).stdout);
    expect(back).toEqual([
      expect.objectContaining({ kind: "status-response", sender: "0242:000002", receiver: SELLER_SP }),
    ]);
  });

  it("B answers under query, then accepted; A's receiver stores both Invoice Responses", async () => {
    const query = await facteur(b, [
      "peppol",
      "respond",
      "INV-2026-0001",
      "--status",
      "under-query",
      "--reason",
      "REF",
      "--note",
      "Which order <PO> is this?",
    ]);
    expect(query.code).toBe(0);
    expect(query.stdout).toContain(`queued: Invoice Response UQ (under-query)`);
    expect((await facteur(b, ["worker", "--once"])).stdout).toMatch(/accepted 1/);
    const accepted = await facteur(b, ["peppol", "respond", invoiceMessage, "--status", "accepted"]);
    expect(accepted.code).toBe(0);
    expect((await facteur(b, ["worker", "--once"])).stdout).toMatch(/accepted 1/);

    const answers = jsonLines((await facteur(b, ["peppol", "inbox", "--json"])).stdout)[0]?.answered;
    expect(answers).toMatchObject([
      { kind: "mls", state: "delivered" },
      { kind: "invoice-response", responseCode: "UQ", state: "delivered", receiver: SELLER },
      { kind: "invoice-response", responseCode: "AP", state: "delivered", receiver: SELLER },
    ]);
    const back = jsonLines((await facteur(a, ["peppol", "inbox", "--json"])).stdout);
    expect(back.map((message) => [message.kind, message.sender, message.receiver])).toEqual([
      ["status-response", BUYER, SELLER],
      ["status-response", BUYER, SELLER],
      ["status-response", "0242:000002", SELLER_SP],
    ]);
    // A links them to its invoice: the proof shows every status and the buyer's latest; "under query" opened a query.
    const proof = await facteur(a, ["proof", "INV-2026-0001"]);
    expect(proof.stdout).toMatch(/Message Level Status \S+ from the buyer's access point: AP accepted/);
    expect(proof.stdout).toMatch(/Invoice Response \S+ from the buyer: UQ under query/);
    expect(proof.stdout).toMatch(/Invoice Response \S+ from the buyer: AP accepted/);
    expect(proof.stdout).toMatch(/buyer status: accepted \(AP/);
    // What the buyer's access point and the buyer wrote travels with the status: issue date and the query's reason.
    expect(proof.stdout).not.toContain("(no date)");
    expect(proof.stdout).toMatch(/UQ under query: .*REF.*\(issued 20\d\d-\d\d-\d\d/);
    const queries = jsonLines((await facteur(a, ["queries", "list", "--open", "--json"])).stdout);
    expect(queries).toEqual([expect.objectContaining({ invoiceNumber: "INV-2026-0001", open: true })]);
    expect(queries[0]?.reason).toContain("Which order <PO> is this?");
    // A status message is never answered with an MLS: nothing left for A's worker to send back.
    expect(back.every((message) => Array.isArray(message.answered) && message.answered.length === 0)).toBe(
      true,
    );
  });

  it("refuses a status T111 does not allow, an unknown reference, a message that is no invoice, and answers after a final one", async () => {
    const respond = (target: Instance, ...args: string[]) => facteur(target, ["peppol", "respond", ...args]);
    expect((await respond(b, "INV-2026-0001", "--status", "lost")).code).toBe(1);
    expect((await respond(b, "INV-2026-0001", "--status", "rejected")).stderr).toContain(
      "clarification code",
    );
    expect((await respond(b, "INV-2099-0001", "--status", "accepted")).code).toBe(66);
    const mls = jsonLines((await facteur(a, ["peppol", "inbox", "--json"])).stdout).at(-1)?.messageId;
    const notInvoice = await respond(a, String(mls), "--status", "accepted");
    expect([notInvoice.code, notInvoice.stderr]).toEqual([
      1,
      expect.stringContaining("not a received invoice"),
    ]);
    expect((await respond(b, "INV-2026-0001", "--status", "paid")).code).toBe(0);
    const after = await respond(b, "INV-2026-0001", "--status", "accepted");
    expect([after.code, after.stderr]).toEqual([75, expect.stringContaining("final")]);
  });

  it("records an Invoice Response to a participant not on Peppol for Invoice Responses as undeliverable", async () => {
    const outcome = await sendAs4({
      endpoint: { url: b.url, certificate: { pem: network.pki.receiver.certificatePem } },
      seat: seatOf(network.pki.sender),
      trust: testApTrust(network.pki),
      sbdh: testSbdh(BUYER, { sender: INVOICES_ONLY }),
      payload: testInvoiceXml(2),
      messageId: testMessageId(),
      http: { extraCaPem: [testTlsCertificate().certificatePem] },
    });
    expect(outcome.kind).toBe("accepted");
    const messageId = outcome.evidence.messageId;
    expect((await facteur(b, ["peppol", "respond", messageId, "--status", "accepted"])).code).toBe(0);
    const worker = await facteur(b, ["worker", "--once"]);
    expect(worker.stdout).toMatch(/failed 1/);
    const row = jsonLines((await facteur(b, ["peppol", "inbox", "--json"])).stdout).find(
      (message) => message.messageId === messageId,
    );
    expect(row?.answered).toMatchObject([
      {
        kind: "invoice-response",
        state: "undeliverable",
        attempts: 1,
        outcome: { lookup: "document-type-not-supported", tried: expect.arrayContaining([INVOICES_ONLY]) },
      },
    ]);
    // Not retried: the job is done.
    expect((await facteur(b, ["worker", "--once"])).stdout).toContain("worker done: 0 job(s)");
  });
});

import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAs4UserMessage } from "../../src/documents/peppol/as4/build-as4-user-message.ts";
import {
  seatOf,
  testInvoiceXml,
  testUserMessageInput,
} from "../../src/documents/peppol/testing/as4-test-messages.ts";
import { createTestPki, type TestPki } from "../../src/documents/peppol/testing/test-pki.ts";
import { sendAs4 } from "../../src/peppol/as4/send-as4.ts";
import { servingCliEnvironment } from "../support/peppol/cli-environments.ts";
import { startHalfSentPost } from "../support/peppol/slow-as4-post.ts";
import { testApTrust, testMessageId, testSbdh } from "../support/peppol/test-access-points.ts";
import { testTlsCertificate } from "../support/peppol/test-tls-certificate.ts";
import { runFacteur } from "../support/run-facteur.ts";

const ROOT = join(import.meta.dirname, "../..");
/** Served through FACTEUR_PEPPOL_PARTICIPANTS; the seller's own id is not in the list. */
const SERVED = ["0208:0202239951", "9925:be0123456749"];
const NOT_SERVED = "0208:0123456749";

let pki: TestPki;
let env: Record<string, string>;
let child: ChildProcessWithoutNullStreams | undefined;

beforeAll(async () => {
  pki = await createTestPki();
  env = await servingCliEnvironment(pki, "facteur-serve-participants-", {
    FACTEUR_SELLER_PEPPOL_ID: NOT_SERVED,
    FACTEUR_PEPPOL_PARTICIPANTS: " 0208:0202239951 , 9925:BE0123456749",
  });
});
afterAll(() => {
  if (child?.exitCode === null) child.kill("SIGKILL");
});

/** Starts `facteur peppol serve`; `until(text)` resolves once its output holds `text`. */
function serve() {
  const process_ = spawn(process.execPath, [join(ROOT, "bin/facteur.js"), "peppol", "serve"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  child = process_;
  let stdout = "";
  const waiting: { text: string; resolve: () => void }[] = [];
  process_.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
    for (const w of waiting.splice(0)) {
      if (stdout.includes(w.text)) w.resolve();
      else waiting.push(w);
    }
  });
  const exited = new Promise<number | null>((resolve) => process_.on("exit", (code) => resolve(code)));
  return {
    process: process_,
    exited,
    output: () => stdout,
    until: (text: string) =>
      new Promise<void>((resolve, reject) => {
        if (stdout.includes(text)) return resolve();
        waiting.push({ text, resolve });
        void exited.then((code) => reject(new Error(`serve exited (${code}) before "${text}":\n${stdout}`)));
      }),
  };
}

function sendTo(url: string, participant: string) {
  return sendAs4({
    endpoint: { url, certificate: { pem: pki.receiver.certificatePem } },
    seat: seatOf(pki.sender),
    trust: testApTrust(pki),
    sbdh: testSbdh(participant),
    payload: testInvoiceXml(2),
    messageId: testMessageId(),
    http: { extraCaPem: [testTlsCertificate().certificatePem] },
  });
}

describe("facteur peppol serve: served participants and shutdown", () => {
  it("receives for every participant of FACTEUR_PEPPOL_PARTICIPANTS, refuses others, and finishes a request in flight on SIGTERM", async () => {
    const server = serve();
    // The seat's own service provider id (0242) is served too, for Message Level Statuses.
    await server.until(`serving ${SERVED.join(", ")}, 0242:000002;`);
    const url = `https://${env.FACTEUR_PEPPOL_LISTEN}/`;

    for (const participant of SERVED) expect((await sendTo(url, participant)).kind).toBe("accepted");
    const refused = await sendTo(url, NOT_SERVED);
    expect(refused.kind).not.toBe("accepted");
    expect(
      refused.kind === "accepted" || refused.kind === "retry-later" ? "" : refused.error.detail,
    ).toContain(`PEPPOL:NOT_SERVICED: ${NOT_SERVED} is not served here`);

    const held = buildAs4UserMessage({
      ...testUserMessageInput(pki, testInvoiceXml(3)),
      sbdh: testSbdh(SERVED[1]),
      timestamp: new Date(),
    });
    if (!held.ok) throw new Error(held.error);
    const post = await startHalfSentPost(url, held.value, testTlsCertificate().certificatePem);
    server.process.kill("SIGTERM");
    await server.until("SIGTERM: stopping; finishing 1 request(s) in flight");
    const answer = await post.finish();
    expect(await server.exited).toBe(0);
    expect(answer.status).toBe(200);
    expect(answer.body.toString("utf8")).toContain(`<eb:RefToMessageId>${held.value.messageId}<`);
    expect(server.output()).toContain(`received: ${held.value.messageId} invoice`);
    expect(server.output()).toContain("stopped");

    const inbox = await runFacteur(env, ["peppol", "inbox", "--json"]);
    const receivers = inbox.stdout
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { receiver: string }).receiver);
    expect(receivers.sort()).toEqual([SERVED[0], SERVED[1], SERVED[1]].sort());
  }, 120_000);

  it("refuses to start with a malformed FACTEUR_PEPPOL_PARTICIPANTS, naming it", async () => {
    const result = await runFacteur({ ...env, FACTEUR_PEPPOL_PARTICIPANTS: "0208:0202239951,0208:12" }, [
      "peppol",
      "serve",
    ]);
    expect(result.code).toBe(78);
    expect(result.stderr).toContain("FACTEUR_PEPPOL_PARTICIPANTS");
  }, 60_000);
});

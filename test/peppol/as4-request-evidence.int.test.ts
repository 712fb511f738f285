import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessageArchive } from "../../src/app/ports/message-archive.ts";
import type { PeppolInbox } from "../../src/app/ports/peppol-inbox.ts";
import { createLocalArchive } from "../../src/archive/local-archive.ts";
import { seatOf, testInvoiceXml } from "../../src/documents/peppol/testing/as4-test-messages.ts";
import { createTestPki, type TestPki } from "../../src/documents/peppol/testing/test-pki.ts";
import { sendAs4 } from "../../src/peppol/as4/send-as4.ts";
import { type As4Receiver, startAs4Receiver } from "../../src/peppol/receiver/start-as4-receiver.ts";
import { createDatabase } from "../../src/store/create-database.ts";
import type { Database } from "../../src/store/database.ts";
import { archiveIndex } from "../../src/store/deliveries/archive-index.ts";
import { migrateToLatest } from "../../src/store/migrate-to-latest.ts";
import { createPeppolInbox } from "../../src/store/peppol-inbox/peppol-inbox-repository.ts";
import { describeEachEngine } from "../support/databases.ts";
import {
  RECEIVING_PARTICIPANT,
  testApTrust,
  testMessageId,
  testSbdh,
} from "../support/peppol/test-access-points.ts";
import { testTlsCertificate } from "../support/peppol/test-tls-certificate.ts";
import { runFacteur } from "../support/run-facteur.ts";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki();
});

/** A receiver for the test PKI's receiver seat over `db`, archiving into `archive`. */
function receiverOver(db: Kysely<Database>, archive: MessageArchive): Promise<As4Receiver> {
  const tls = testTlsCertificate();
  return startAs4Receiver({
    listen: { host: "127.0.0.1", port: 0 },
    tls: { keyPem: tls.keyPem, certificatePem: tls.certificatePem },
    accessPoint: {
      seat: seatOf(pki.receiver),
      seatId: "POP000002",
      trust: testApTrust(pki),
      participants: [RECEIVING_PARTICIPANT],
    },
    inbox: createPeppolInbox(db),
    archive,
    retentionYears: 10,
  });
}

/** Sends one invoice to `receiver` and returns what was POSTed and its MessageId. */
async function post(receiver: As4Receiver) {
  const outcome = await sendAs4({
    endpoint: { url: receiver.url, certificate: { pem: pki.receiver.certificatePem } },
    seat: seatOf(pki.sender),
    trust: testApTrust(pki),
    sbdh: testSbdh(),
    payload: testInvoiceXml(3),
    messageId: testMessageId(),
    http: { extraCaPem: [testTlsCertificate().certificatePem] },
  });
  expect(outcome.kind).toBe("accepted");
  return { messageId: outcome.evidence.messageId, posted: outcome.evidence.request };
}

describeEachEngine("the received AS4 request kept as evidence", (engine) => {
  let receiver: As4Receiver;
  let archive: MessageArchive;
  let inbox: PeppolInbox;
  beforeAll(async () => {
    archive = createLocalArchive(mkdtempSync(join(tmpdir(), "facteur-as4-request-")));
    inbox = createPeppolInbox(engine.db);
    receiver = await receiverOver(engine.db, archive);
  });
  afterAll(() => receiver?.close());

  it("archives the POSTed body byte for byte and records its hash and Content-Type on the inbox row", async () => {
    const { messageId, posted } = await post(receiver);
    const row = await inbox.byMessageId(messageId);
    expect(row?.request).toEqual({ sha256: sha256(posted.body), contentType: posted.contentType });
    const archived = await archive.get(row?.request?.sha256 ?? "");
    expect(archived && sha256(archived)).toBe(sha256(posted.body));
    expect(archived?.equals(posted.body)).toBe(true);
    // The request is not the document nor the receipt: three objects, three hashes.
    expect(new Set([row?.documentSha256, row?.receiptSha256, row?.request?.sha256]).size).toBe(3);
  });

  it("indexes the received document, its receipt and the request with their retention date (ten years on)", async () => {
    const { messageId } = await post(receiver);
    const row = await inbox.byMessageId(messageId);
    if (!row?.request) throw new Error("the received message is not in the inbox");
    const kept = new Map<string, string>();
    for await (const entry of archiveIndex(engine.db)) kept.set(entry.sha256, entry.retainUntil);
    const until = `${row.receivedAt.getUTCFullYear() + 10}${row.receivedAt.toISOString().slice(4, 10)}`;
    expect([row.documentSha256, row.receiptSha256, row.request.sha256].map((sha) => kept.get(sha))).toEqual([
      until,
      until,
      until,
    ]);
  });
});

describe("facteur peppol show", () => {
  it("writes the AS4 request exactly as it was POSTed, and says so for a request not kept and a message it does not know", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "facteur-peppol-show-"));
    const database = createDatabase({ kind: "sqlite", file: join(dataDir, "facteur.sqlite") });
    await migrateToLatest(database.db);
    const receiver = await receiverOver(database.db, createLocalArchive(join(dataDir, "archive")));
    const { messageId, posted } = await post(receiver).finally(() => receiver.close());
    // A message recorded before requests were kept: its row has no request.
    const earlier = await createPeppolInbox(database.db).byMessageId(messageId);
    if (!earlier) throw new Error("the received message is not in the inbox");
    const { request: _kept, ...withoutRequest } = earlier;
    await createPeppolInbox(database.db).record({
      ...withoutRequest,
      messageId: "earlier@ap.test",
      instanceId: "earlier-instance",
    });
    await database.destroy();
    const env = { FACTEUR_DATA_DIR: dataDir };
    const out = join(dataDir, "request.bin");
    const shown = await runFacteur(env, ["peppol", "show", messageId, "--request", out]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`message ${messageId}`);
    expect(shown.stdout).toContain(
      `AS4 request:   sha256 ${sha256(posted.body)} (Content-Type: ${posted.contentType})`,
    );
    expect(shown.stderr).toContain(`request written to ${out} (${posted.body.length} bytes`);
    expect(sha256(readFileSync(out))).toBe(sha256(posted.body));
    const listed = await runFacteur(env, ["peppol", "inbox", "--json"]);
    const rows = listed.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { messageId: string; request?: unknown });
    expect(rows.find((row) => row.messageId === messageId)).toMatchObject({
      request: { sha256: sha256(posted.body), contentType: posted.contentType },
    });
    expect(rows.find((row) => row.messageId === "earlier@ap.test")?.request).toBeUndefined();
    const unkept = await runFacteur(env, ["peppol", "show", "earlier@ap.test", "--request", out]);
    expect(unkept.code).toBe(66);
    expect(unkept.stderr).toContain("the AS4 request of earlier@ap.test was not kept");
    expect(sha256(readFileSync(out))).toBe(sha256(posted.body));
    const unknown = await runFacteur(env, ["peppol", "show", "no-such@message"]);
    expect(unknown.code).toBe(66);
    expect(unknown.stderr).toContain("no received Peppol message no-such@message");
  }, 90_000);
});

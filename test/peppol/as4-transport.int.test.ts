import { createHash } from "node:crypto";
import { createServer, request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seatOf, testInvoiceXml } from "../../src/documents/peppol/testing/as4-test-messages.ts";
import { createTestPki, type TestPki } from "../../src/documents/peppol/testing/test-pki.ts";
import type { As4SendOutcome } from "../../src/peppol/as4/as4-send-outcome.ts";
import { postAs4 } from "../../src/peppol/as4/post-as4.ts";
import { type SendAs4Input, sendAs4 } from "../../src/peppol/as4/send-as4.ts";
import {
  startTestReceivingAccessPoint,
  type TestReceivingAccessPoint,
  testApTrust,
  testMessageId,
  testSbdh,
} from "../support/peppol/test-access-points.ts";
import { testTlsCertificate } from "../support/peppol/test-tls-certificate.ts";

let pki: TestPki;
let ap: TestReceivingAccessPoint;
let invoice: string;

beforeAll(async () => {
  pki = await createTestPki();
  ap = await startTestReceivingAccessPoint(pki);
  invoice = testInvoiceXml(3);
});

afterAll(async () => {
  await ap?.close();
});

function send(overrides: Partial<SendAs4Input> = {}): Promise<As4SendOutcome> {
  return sendAs4({
    endpoint: { url: ap.receiver.url, certificate: { pem: pki.receiver.certificatePem } },
    seat: seatOf(pki.sender),
    trust: testApTrust(pki),
    sbdh: testSbdh(),
    payload: invoice,
    messageId: testMessageId(),
    http: { extraCaPem: [testTlsCertificate().certificatePem], timeoutMs: 10_000 },
    ...overrides,
  });
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function inboxCount(): Promise<number> {
  const page = await ap.inbox.list({ limit: 1000 });
  return page.messages.length;
}

describe("AS4 over https between two loopback access points", () => {
  it("delivers an invoice: the receiver stores it and answers a signed receipt the sender verifies", async () => {
    const sbdh = testSbdh();
    const outcome = await send({ sbdh });
    expect(outcome.kind).toBe("accepted");
    if (outcome.kind !== "accepted") return;
    expect(outcome.receipt.refToMessageId).toBe(outcome.evidence.messageId);
    expect(outcome.receipt.signer.subject).toContain("CN=POP000002");
    expect(outcome.receipt.nonRepudiationReferences).toBe(3);
    expect(outcome.evidence.signalVerified).toBe(true);
    const stored = await ap.inbox.byMessageId(outcome.evidence.messageId);
    expect(stored).toMatchObject({
      instanceId: sbdh.instanceIdentifier,
      sender: "0208:0123456749",
      receiver: "0208:0202239951",
      senderAccessPoint: "POP000001",
      kind: "invoice",
      validation: { status: "valid", fatal: 0 },
    });
    const document = await ap.archive.get(stored?.documentSha256 ?? "");
    expect(document?.toString("utf8")).toContain(sbdh.instanceIdentifier);
    expect(document?.toString("utf8")).toContain("<cbc:CustomizationID>");
    expect(await ap.archive.get(stored?.receiptSha256 ?? "")).toEqual(outcome.receipt.soap);
  });

  it("answers a MessageId received before with the same receipt, storing the message once", async () => {
    const messageId = testMessageId();
    const sbdh = testSbdh();
    const first = await send({ messageId, sbdh });
    expect(first.kind).toBe("accepted");
    const before = await inboxCount();
    const again = await send({ messageId, sbdh, previous: first.evidence.request });
    expect(again.kind).toBe("accepted");
    if (first.kind !== "accepted" || again.kind !== "accepted") return;
    expect(again.receipt.soap).toEqual(first.receipt.soap);
    expect(await inboxCount()).toBe(before);
  });

  it("a fresh build under a MessageId already received gets the first receipt, which does not echo it", async () => {
    const messageId = testMessageId();
    const sbdh = testSbdh();
    expect((await send({ messageId, sbdh })).kind).toBe("accepted");
    const rebuilt = await send({ messageId, sbdh });
    expect(rebuilt).toMatchObject({ kind: "rejected", error: { code: "EBMS:0302" } });
  });

  it("refuses the same SBDH instance id under another MessageId with an ebMS error", async () => {
    const sbdh = testSbdh();
    expect((await send({ sbdh })).kind).toBe("accepted");
    const other = await send({ sbdh });
    expect(other).toMatchObject({ kind: "rejected", error: { code: "EBMS:0004" } });
    if (other.kind !== "rejected") return;
    expect(other.error.detail).toContain(sbdh.instanceIdentifier);
    expect(other.evidence.signalVerified).toBe(true);
  });

  it("refuses a message whose signature does not hold (signed with a key that is not the certificate's)", async () => {
    const forged = { privateKey: seatOf(pki.receiver).privateKey, certificate: pki.sender.certificate };
    const outcome = await send({ seat: forged });
    expect(outcome).toMatchObject({ kind: "rejected", error: { code: "EBMS:0101" } });
  });

  it("refuses a message tampered with in transit: the signed header, then the encrypted payload", async () => {
    const built = await send();
    expect(built.kind).toBe("accepted");
    const { request, messageId } = built.evidence;
    const soapAt = request.body.indexOf("<eb:Action>") + 12;
    const header = Buffer.from(request.body);
    header[soapAt] = header[soapAt] === 0x61 ? 0x62 : 0x61;
    const headerOutcome = await send({ messageId: testMessageId(), previous: { ...request, body: header } });
    expect(headerOutcome.kind).toBe("rejected");
    const payload = Buffer.from(request.body);
    const at = payload.length - 200;
    payload[at] = (payload[at] ?? 0) ^ 0xff;
    const fresh = await send({ messageId, previous: { ...request, body: payload } });
    // The MessageId is known: the receiver answers its stored receipt only after the message opens, so not here.
    expect(fresh).toMatchObject({ kind: "rejected", error: { code: "EBMS:0102" } });
  });

  it("refuses a sender whose seat certificate is revoked or expired", async () => {
    const revoked = await send({ seat: seatOf(pki.revoked) });
    expect(revoked).toMatchObject({ kind: "rejected", error: { code: "EBMS:0101" } });
    if (revoked.kind === "rejected") expect(revoked.error.detail).toMatch(/revoked/);
    const expired = await send({ seat: seatOf(pki.expired) });
    expect(expired).toMatchObject({ kind: "rejected", error: { code: "EBMS:0101" } });
    if (expired.kind === "rejected") expect(expired.error.detail).toMatch(/expired/);
  });

  it("answers PEPPOL:NOT_SERVICED for a participant it does not serve: the sender looks up again", async () => {
    const outcome = await send({ sbdh: testSbdh("0208:0999999999") });
    expect(outcome).toMatchObject({ kind: "look-up-again", error: { code: "EBMS:0004" } });
    if (outcome.kind === "look-up-again") expect(outcome.error.detail).toContain("PEPPOL:NOT_SERVICED");
  });

  it("retries later while the receiver is down, then delivers the same MessageId once it is back", async () => {
    const messageId = testMessageId();
    const sbdh = testSbdh();
    await ap.stop();
    const down = await send({ messageId, sbdh });
    expect(down.kind).toBe("retry-later");
    if (down.kind === "retry-later") expect(down.reason).toMatch(/ECONNREFUSED|ECONNRESET/);
    await ap.restart();
    const back = await send({ messageId, sbdh, previous: down.evidence.request });
    expect(back.kind).toBe("accepted");
    expect(sha256(back.evidence.request.body)).toBe(sha256(down.evidence.request.body));
    expect(await ap.inbox.byMessageId(messageId)).toBeDefined();
  });

  it("marks a signal not signed by the receiver named by the SMP as unverified", async () => {
    const outcome = await send({
      endpoint: { url: ap.receiver.url, certificate: { pem: pki.sender.certificatePem } },
    });
    // Encrypted for the wrong key, the message cannot be opened; the refusal is signed by POP000002, not POP000001.
    expect(outcome).toMatchObject({ kind: "rejected", error: { code: "EBMS:0102" } });
    expect(outcome.evidence.signalVerified).toBe(false);
  });
});

describe("AS4 sender against misbehaving endpoints", () => {
  const tls = testTlsCertificate();
  async function endpoint(handler: Parameters<typeof createServer>[1]) {
    const server = createServer({ key: tls.keyPem, cert: tls.certificatePem }, handler);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `https://127.0.0.1:${port}/as4`,
      close: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    };
  }

  it("maps HTTP 503 to retry-later, 404 to look-up-again, a plain 200 to rejected", async () => {
    for (const [status, kind] of [
      [503, "retry-later"],
      [404, "look-up-again"],
      [200, "rejected"],
    ] as const) {
      const server = await endpoint((req, res) => {
        req.resume();
        req.on("end", () => res.writeHead(status, { "content-type": "text/plain" }).end("no"));
      });
      try {
        expect(
          (await send({ endpoint: { url: server.url, certificate: { pem: pki.receiver.certificatePem } } }))
            .kind,
        ).toBe(kind);
      } finally {
        await server.close();
      }
    }
  });

  it("gives up waiting after the timeout and retries later; refuses answers larger than the limit", async () => {
    const silent = await endpoint((req) => req.resume());
    try {
      const started = Date.now();
      const outcome = await send({
        endpoint: { url: silent.url, certificate: { pem: pki.receiver.certificatePem } },
        http: { extraCaPem: [tls.certificatePem], timeoutMs: 300 },
      });
      expect(outcome.kind).toBe("retry-later");
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await silent.close();
    }
    const flood = await endpoint((req, res) => {
      req.resume();
      req.on("end", () =>
        res.writeHead(200, { "content-type": "application/soap+xml" }).end(Buffer.alloc(70_000)),
      );
    });
    try {
      const outcome = await send({
        endpoint: { url: flood.url, certificate: { pem: pki.receiver.certificatePem } },
        http: { extraCaPem: [tls.certificatePem], maxResponseBytes: 65_536 },
      });
      expect(outcome).toMatchObject({ kind: "retry-later" });
      if (outcome.kind === "retry-later") expect(outcome.reason).toMatch(/more than 65536 bytes/);
    } finally {
      await flood.close();
    }
  });

  it("answers what is not an AS4 message with a signed EBMS:0007, and refuses oversized bodies before reading", async () => {
    const http = { extraCaPem: [testTlsCertificate().certificatePem] };
    const url = new URL(ap.receiver.url);
    const garbage = await postAs4(url, { contentType: "text/plain", body: Buffer.from("hello") }, http);
    expect(garbage).toMatchObject({ kind: "answered", status: 200 });
    if (garbage.kind === "answered") {
      expect(garbage.body.toString("utf8")).toContain('errorCode="EBMS:0007"');
      expect(garbage.body.toString("utf8")).toContain("<ds:SignatureValue>");
    }
    const huge = await new Promise<number>((resolve, reject) => {
      const req = httpsRequest(url, {
        method: "POST",
        headers: { "content-length": String(200 * 1024 * 1024), "content-type": "multipart/related" },
        ca: [testTlsCertificate().certificatePem],
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.write("--");
    });
    expect(huge).toBe(413);
  });

  it("does not talk to an endpoint whose https certificate is not trusted", async () => {
    const outcome = await send({
      endpoint: { url: ap.receiver.url, certificate: { pem: pki.receiver.certificatePem } },
      http: {},
    });
    expect(outcome.kind).toBe("retry-later");
    if (outcome.kind === "retry-later") expect(outcome.reason).toMatch(/self.signed|certificate/i);
    expect(outcome.evidence.response).toBeUndefined();
  });

  it("refuses a plain http endpoint without connecting", async () => {
    const outcome = await send({
      endpoint: { url: "http://127.0.0.1:1/as4", certificate: { pem: pki.receiver.certificatePem } },
    });
    expect(outcome).toMatchObject({ kind: "rejected", error: { code: "HTTPS" } });
  });
});

import { request } from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAs4UserMessage } from "../../src/documents/peppol/as4/build-as4-user-message.ts";
import {
  testInvoiceXml,
  testUserMessageInput,
} from "../../src/documents/peppol/testing/as4-test-messages.ts";
import { createTestPki, type TestPki } from "../../src/documents/peppol/testing/test-pki.ts";
import { startHalfSentPost } from "../support/peppol/slow-as4-post.ts";
import {
  startTestReceivingAccessPoint,
  type TestReceivingAccessPoint,
  testSbdh,
} from "../support/peppol/test-access-points.ts";
import { testTlsCertificate } from "../support/peppol/test-tls-certificate.ts";

let pki: TestPki;
let ap: TestReceivingAccessPoint;

beforeAll(async () => {
  pki = await createTestPki();
  ap = await startTestReceivingAccessPoint(pki);
});
afterAll(() => ap?.close());

/** A signed, encrypted invoice for the receiving access point, built now. */
function message() {
  const built = buildAs4UserMessage({
    ...testUserMessageInput(pki, testInvoiceXml(3)),
    sbdh: testSbdh(),
    timestamp: new Date(),
  });
  if (!built.ok) throw new Error(built.error);
  return built.value;
}

/** How a fresh connection to `url` ends: its HTTP status, or the connection error's code. */
function connect(url: string): Promise<string> {
  return new Promise((resolve) => {
    const req = request(url, { method: "GET", ca: testTlsCertificate().certificatePem, agent: false });
    req.on("response", (res) => {
      res.resume();
      resolve(String(res.statusCode));
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

describe("AS4 receiver shutdown", () => {
  it("stops accepting at once but finishes the request in flight: answered with a receipt and recorded", async () => {
    const sent = message();
    const url = ap.receiver.url;
    const post = await startHalfSentPost(url, sent, testTlsCertificate().certificatePem);
    expect(ap.receiver.inFlight()).toBe(1);
    const closing = ap.stop();
    expect(await connect(url)).toBe("ECONNREFUSED");
    const answer = await post.finish();
    await closing;
    expect(answer.status).toBe(200);
    expect(answer.body.toString("utf8")).toContain(
      `<eb:RefToMessageId>${sent.messageId}</eb:RefToMessageId>`,
    );
    expect(answer.body.toString("utf8")).toContain("Receipt");
    expect((await ap.inbox.byMessageId(sent.messageId))?.kind).toBe("invoice");
    expect(ap.receiver.inFlight()).toBe(0);
  });

  it("cuts a request still arriving when the grace period is over, and stops", async () => {
    const short = await startTestReceivingAccessPoint(pki, { shutdownGraceMs: 300 });
    try {
      const post = await startHalfSentPost(
        short.receiver.url,
        message(),
        testTlsCertificate().certificatePem,
      );
      expect(short.receiver.inFlight()).toBe(1);
      const started = performance.now();
      await short.stop();
      const waited = performance.now() - started;
      expect(waited).toBeGreaterThanOrEqual(250);
      expect(waited).toBeLessThan(10_000);
      await expect(post.outcome).rejects.toThrow();
      expect(short.receiver.inFlight()).toBe(0);
      expect((await short.inbox.list({ limit: 10 })).messages).toEqual([]);
    } finally {
      await short.close();
    }
  });
});

import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createSmtpTransport } from "../smtp/smtp-transport.ts";
import { DEMO_NOTICE, isDemoReply } from "./demo-reply.ts";
import { type CaptureRelay, startCaptureRelay } from "./start-capture-relay.ts";

const RAW = Buffer.from(
  "From: billing@demo-company.test\r\nTo: someone@client.test\r\nMessage-ID: <m1@demo-company.test>\r\n" +
    "Subject: demo\r\n\r\nbody line\r\n",
);

describe("the demo capture relay", () => {
  let relay: CaptureRelay | undefined;
  afterEach(() => relay?.close());

  it("keeps each message byte for byte as a .eml file and answers 250 with the demo tag", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "facteur-capture-")), "demo-outbox");
    relay = await startCaptureRelay(dir);
    expect(relay.host).toBe("127.0.0.1");
    const transport = createSmtpTransport({ host: relay.host, port: relay.port });
    try {
      const result = await transport.submit({
        raw: RAW,
        messageId: "m1@demo-company.test",
        envelope: { from: "bounces+t@bounces.demo.invalid", to: ["someone@client.test"] },
      });
      expect(result.kind).toBe("accepted");
      expect(result.reply?.code).toBe(250);
      expect(isDemoReply(result.reply?.text)).toBe(true);
    } finally {
      await transport.close();
    }
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/-000001\.eml$/);
    expect(readFileSync(join(dir, files[0] ?? "")).equals(RAW)).toBe(true);
    expect(relay.captured()).toBe(1);
  });

  it("tells a real relay's reply from the demo relay's", () => {
    expect(isDemoReply("Ok: queued as 4F8C21A0B2")).toBe(false);
    expect(isDemoReply(null)).toBe(false);
    expect(DEMO_NOTICE).toBe("demo: captured locally, not delivered");
  });
});

import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { OutgoingMessage } from "../../app/ports/mail-transport.ts";
import { createSmtpTransport, type SmtpTransportOptions } from "./smtp-transport.ts";
import { type FakeRelay, type FakeRelayBehaviour, smtpError, startFakeRelay } from "./testing/fake-relay.ts";

const message: OutgoingMessage = {
  raw: Buffer.from(
    "From: billing@demo.test\r\nTo: a@client.test\r\nSubject: t\r\nMessage-ID: <d1@demo.test>\r\n\r\n" +
      ".a line starting with a dot\r\n..two dots\r\nend\r\n",
  ),
  messageId: "d1@demo.test",
  envelope: { from: "bounces+tok@bounce.demo.test", to: ["a@client.test", "b@client.test"] },
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function relay(behaviour: FakeRelayBehaviour = {}): Promise<FakeRelay> {
  const started = await startFakeRelay(behaviour);
  cleanups.push(() => started.close());
  return started;
}

function transport(port: number, options: Partial<SmtpTransportOptions> = {}) {
  const created = createSmtpTransport({ host: "127.0.0.1", port, ...options });
  cleanups.unshift(() => created.close());
  return created;
}

describe("SMTP transport", () => {
  it("submits the exact bytes with the given envelope and reports the relay's 250 with its queue id", async () => {
    const server = await relay();
    const result = await transport(server.port).submit(message);
    expect(result).toEqual({
      kind: "accepted",
      reply: { code: 250, enhanced: "2.0.0", text: "Ok: queued as 4F8C21A0B2", queueId: "4F8C21A0B2" },
    });
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.raw.equals(message.raw)).toBe(true);
    expect(server.received[0]?.from).toBe("bounces+tok@bounce.demo.test");
    expect(server.received[0]?.to).toEqual(["a@client.test", "b@client.test"]);
  });

  it("rejects on a 5xx refusal of every recipient, keeping the reply", async () => {
    const server = await relay({
      rcpt: () => smtpError(554, "5.7.1 Recipient address rejected: Access denied"),
    });
    expect(await transport(server.port).submit(message)).toEqual({
      kind: "rejected",
      reply: {
        code: 554,
        enhanced: "5.7.1",
        text: "Recipient address rejected: Access denied",
        queueId: null,
      },
    });
  });

  it("rejects on a 5xx reply to the message data", async () => {
    const server = await relay({ data: () => smtpError(552, "5.3.4 Message size exceeds fixed limit") });
    const result = await transport(server.port).submit(message);
    expect(result).toMatchObject({ kind: "rejected", reply: { code: 552, enhanced: "5.3.4" } });
  });

  it("defers on a 4xx refusal of the recipients or of the data, keeping the reply", async () => {
    const atRcpt = await relay({ rcpt: () => smtpError(451, "4.3.0 Try again later") });
    expect(await transport(atRcpt.port).submit(message)).toEqual({
      kind: "deferred",
      reply: { code: 451, enhanced: "4.3.0", text: "Try again later", queueId: null },
      error: expect.stringMatching(/^EENVELOPE: /),
    });
    const atData = await relay({ data: () => smtpError(452, "4.3.1 Insufficient system storage") });
    expect(await transport(atData.port).submit(message)).toMatchObject({
      kind: "deferred",
      reply: { code: 452 },
    });
  });

  it("accepts when the relay takes some recipients, naming those it refused", async () => {
    const server = await relay({
      rcpt: (address) => (address === "b@client.test" ? smtpError(550, "5.1.1 User unknown") : null),
    });
    const result = await transport(server.port).submit(message);
    expect(result).toMatchObject({
      kind: "accepted",
      reply: { code: 250 },
      refused: [{ address: "b@client.test", reply: { code: 550, enhanced: "5.1.1", text: "User unknown" } }],
    });
    expect(server.received[0]?.to).toEqual(["a@client.test"]);
  });

  it("defers without a reply when nothing listens on the port", async () => {
    const server = await relay();
    const port = server.port;
    await server.close();
    cleanups.length = 0;
    const result = await transport(port).submit(message);
    expect(result).toMatchObject({ kind: "deferred", reply: null });
    expect(result.kind === "deferred" && result.error).toMatch(/ECONNREFUSED/);
  });

  it("defers after the greeting timeout when the relay accepts the connection but never speaks", async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(() => resolve(undefined)));
    });
    const address = silent.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    const started = Date.now();
    const result = await transport(port, { greetingTimeoutMs: 300 }).submit(message);
    expect(result).toMatchObject({
      kind: "deferred",
      reply: null,
      error: expect.stringMatching(/ETIMEDOUT/),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("defers when the relay offers STARTTLS with a certificate that does not verify", async () => {
    const server = await relay({ startTls: true });
    const result = await transport(server.port).submit(message);
    expect(result).toMatchObject({
      kind: "deferred",
      reply: null,
      error: expect.stringMatching(/^ESOCKET: .*certificate/),
    });
    expect(server.received).toHaveLength(0);
  });

  it("defers, not rejects, when the relay refuses our credentials", async () => {
    const server = await relay({ auth: () => false });
    const result = await transport(server.port, { auth: { user: "u", pass: "wrong" } }).submit(message);
    expect(result).toMatchObject({ kind: "deferred", reply: { code: 535, enhanced: "5.7.8" } });
  });

  it("asks for SMTPUTF8 only when an envelope address has a non-ASCII local part", async () => {
    const server = await relay();
    const smtp = transport(server.port);
    await smtp.submit({ ...message, envelope: { from: message.envelope.from, to: ["zoë@exämple.de"] } });
    await smtp.submit({ ...message, envelope: { from: message.envelope.from, to: ["a@xn--bcher-kva.de"] } });
    // smtp-server shows the IDN domain decoded; what matters is which transaction asked for SMTPUTF8.
    expect(server.received.map((m) => m.mailFromArgs.SMTPUTF8 === true)).toEqual([true, false]);
    expect(server.received[0]?.to).toEqual(["zoë@exämple.de"]);
  });

  it("shares at most maxConnections connections among many concurrent submissions", async () => {
    const server = await relay();
    const smtp = transport(server.port, { maxConnections: 2 });
    const results = await Promise.all(Array.from({ length: 20 }, () => smtp.submit(message)));
    expect(results.every((r) => r.kind === "accepted")).toBe(true);
    expect(server.received).toHaveLength(20);
    expect(server.peakConnections()).toBeLessThanOrEqual(2);
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { OutgoingMessage } from "../../src/app/ports/mail-transport.ts";
import { ensureMailLab, setFault, waitForMessages } from "../support/mail-lab.ts";
import { composer, labCustomer, labTransport, renderedInvoice, SELLER_DOMAIN } from "./lab-mail-kit.ts";

beforeAll(async () => {
  await ensureMailLab();
});

afterAll(async () => {
  await setFault("none");
});

async function message(): Promise<OutgoingMessage> {
  const rendered = await renderedInvoice();
  const deliveryId = randomUUID();
  return composer.compose({
    deliveryId,
    messageId: `${deliveryId}@${SELLER_DOMAIN}`,
    copy: false,
    to: [{ email: "alice@customer-a.test", name: "Alice" }],
    customer: labCustomer,
    document: rendered.document,
    pdf: rendered.pdf,
    ubl: rendered.ubl,
  });
}

/** Submits over a transport created after the fault was set, so its fresh connection sees the fault. */
async function submitUnder(mode: Parameters<typeof setFault>[0], outgoing: OutgoingMessage) {
  await setFault(mode);
  const transport = labTransport();
  try {
    return await transport.submit(outgoing);
  } finally {
    await transport.close();
  }
}

describe("relay refusals and outages", () => {
  test("a 5xx refusal at RCPT TO rejects the message with Postfix's reply kept", async () => {
    const result = await submitUnder("5xx", await message());
    expect(result).toMatchObject({
      kind: "rejected",
      reply: { code: 554, enhanced: "5.7.1", queueId: null },
    });
    expect(result.reply?.text).toMatch(/rejected/i);
  });

  test("a 5xx refusal after the message data rejects the message with the reply kept", async () => {
    const result = await submitUnder("5xx-data", await message());
    expect(result).toMatchObject({ kind: "rejected", reply: { code: 554, enhanced: "5.7.1" } });
  });

  test("a 4xx refusal, at RCPT TO or after the data, defers the message with the reply kept", async () => {
    expect(await submitUnder("4xx", await message())).toMatchObject({
      kind: "deferred",
      reply: { code: 451, enhanced: "4.3.0" },
    });
    expect(await submitUnder("4xx-data", await message())).toMatchObject({
      kind: "deferred",
      reply: { code: 451, enhanced: "4.3.0" },
    });
  });

  test("a relay that is down defers without a reply, and the same transport delivers once it is back", async () => {
    const outgoing = await message();
    await setFault("down");
    const transport = labTransport();
    try {
      const down = await transport.submit(outgoing);
      expect(down).toMatchObject({ kind: "deferred", reply: null });
      expect(down.kind === "deferred" ? down.error : "").toMatch(/ECONNREFUSED/);
      await setFault("none");
      const back = await transport.submit(outgoing);
      expect(back).toMatchObject({ kind: "accepted", reply: { code: 250 } });
      const delivered = await waitForMessages(
        "alice@customer-a.test",
        (m) => m.parsed.messageId === `<${outgoing.messageId}>`,
      );
      expect(delivered).toHaveLength(1);
    } finally {
      await transport.close();
    }
  });
});

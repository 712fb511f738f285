import { createHash, randomUUID } from "node:crypto";
import { dkimVerify } from "mailauth";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { MailTransport, OutgoingMessage } from "../../src/app/ports/mail-transport.ts";
import type { MessageToCompose } from "../../src/app/ports/message-composer.ts";
import { fakePdf } from "../../src/mail/compose/testing/build-message-input.ts";
import { headerNames } from "../../src/mail/compose/testing/header-fields.ts";
import { verifyVerpToken } from "../../src/mail/verp/verp-token.ts";
import { ensureMailLab, type LabMessage, labConfig, setFault, waitForMessages } from "../support/mail-lab.ts";
import {
  composer,
  dkimResolver,
  labCustomer,
  labTransport,
  renderedInvoice,
  SELLER_DOMAIN,
  VERP_SECRET,
} from "./lab-mail-kit.ts";

let transport: MailTransport;

beforeAll(async () => {
  await ensureMailLab();
  await setFault("none");
  transport = labTransport();
});

afterAll(async () => {
  await transport.close();
});

async function message(to: MessageToCompose["to"], copy = false, pdf?: Buffer): Promise<OutgoingMessage> {
  const rendered = await renderedInvoice(copy);
  const deliveryId = randomUUID();
  return composer.compose({
    deliveryId,
    messageId: `${deliveryId}@${SELLER_DOMAIN}`,
    copy,
    to,
    customer: labCustomer,
    document: rendered.document,
    pdf: pdf ?? rendered.pdf,
    ubl: copy ? null : rendered.ubl,
  });
}

function deliveryOf(outgoing: OutgoingMessage): string {
  return outgoing.messageId.split("@")[0] ?? "";
}

function ofDelivery(outgoing: OutgoingMessage) {
  return (m: LabMessage) => m.parsed.headers.get("x-facteur-delivery") === deliveryOf(outgoing);
}

async function received(user: string, outgoing: OutgoingMessage, timeoutMs?: number): Promise<LabMessage> {
  const [found] = await waitForMessages(user, ofDelivery(outgoing), timeoutMs);
  if (found === undefined) throw new Error(`nothing for ${user}`);
  return found;
}

function returnPath(delivered: LabMessage): string {
  return /^Return-Path: <([^>]*)>/m.exec(delivered.source.toString("utf8"))?.[1] ?? "";
}

async function dkimResult(delivered: LabMessage): Promise<string[]> {
  const verified = await dkimVerify(delivered.source, { resolver: dkimResolver });
  return verified.results.map((r) => r.status.result);
}

describe("invoice mail through the real relay", () => {
  test("a DKIM-signed main message reaches every main recipient with PDF and UBL, and its signature verifies", async () => {
    const rendered = await renderedInvoice();
    const outgoing = await message([
      { email: "invoices@customer-a.test", name: "Comptabilité Client A" },
      { email: "alice@customer-a.test", name: "Alice Martin" },
    ]);
    const result = await transport.submit(outgoing);
    expect(result).toMatchObject({ kind: "accepted", reply: { code: 250, enhanced: "2.0.0" } });
    expect(result.reply?.queueId).toMatch(/^[0-9A-Za-z]{6,}$/);
    for (const user of ["invoices@customer-a.test", "alice@customer-a.test"]) {
      const delivered = await received(user, outgoing);
      const { parsed } = delivered;
      expect(parsed.messageId).toBe(`<${outgoing.messageId}>`);
      expect(parsed.subject).toBe("Facture F-2026-0001 – Facteur Demo SRL");
      expect(parsed.from?.value[0]?.address).toBe(`billing@${SELLER_DOMAIN}`);
      expect(parsed.replyTo?.value[0]?.address).toBe(`accounts@${SELLER_DOMAIN}`);
      expect([parsed.to ?? []].flat().flatMap((t) => t.value.map((a) => a.address))).toEqual([
        "invoices@customer-a.test",
        "alice@customer-a.test",
      ]);
      expect(parsed.headers.get("x-facteur-invoice")).toBe("F-2026-0001");
      expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
        ["F-2026-0001.pdf", "application/pdf"],
        ["F-2026-0001.xml", "application/xml"],
      ]);
      expect(parsed.attachments[0]?.content.equals(rendered.pdf)).toBe(true);
      expect(parsed.attachments[1]?.content.toString("utf8")).toBe(rendered.ubl);
      expect(verifyVerpToken(returnPath(delivered), VERP_SECRET)).toEqual({
        ok: true,
        value: deliveryOf(outgoing),
      });
      expect(await dkimResult(delivered)).toEqual(["pass"]);
    }
  });

  test("a copy reaches its recipient marked as a copy, with the copy PDF and without the UBL", async () => {
    const outgoing = await message([{ email: "bob@customer-b.test", name: "Bob Peeters" }], true);
    expect(await transport.submit(outgoing)).toMatchObject({ kind: "accepted" });
    const delivered = await received("bob@customer-b.test", outgoing);
    expect(delivered.parsed.subject).toBe("COPIE / KOPIE / COPY: Facture F-2026-0001 – Facteur Demo SRL");
    expect(delivered.parsed.text?.startsWith("COPIE / KOPIE / COPY")).toBe(true);
    expect(delivered.parsed.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);
    expect(delivered.source.toString("latin1")).not.toContain("application/xml");
    expect(await dkimResult(delivered)).toEqual(["pass"]);
  });

  test("an unknown user is accepted by the relay, and the DSN comes back to a VERP address naming the delivery", async () => {
    const outgoing = await message([
      { email: `nobody-${randomUUID().slice(0, 8)}@customer-a.test`, name: null },
    ]);
    expect(await transport.submit(outgoing)).toMatchObject({ kind: "accepted", reply: { code: 250 } });
    const [dsn] = await waitForMessages(
      labConfig.bounceMailbox,
      (m) => m.parsed.to !== undefined && [m.parsed.to].flat().some((t) => t.text === outgoing.envelope.from),
    );
    const verpTo = /^Delivered-To: (\S+)/m.exec(dsn?.source.toString("utf8") ?? "")?.[1] ?? "";
    expect(verifyVerpToken(verpTo, VERP_SECRET)).toEqual({ ok: true, value: deliveryOf(outgoing) });
    expect(verifyVerpToken(verpTo, "another-secret-of-the-attacker")).toEqual({ ok: false, error: "forged" });
  });

  test("a display name carrying 'Bcc:' cannot add a recipient: only the intended mailbox receives the message", async () => {
    const outgoing = await message([
      {
        email: "bob@customer-b.test",
        name: "Evil\r\nBcc: alice@customer-a.test\r\nCc: invoices@customer-b.test",
      },
    ]);
    expect(outgoing.envelope.to).toEqual(["bob@customer-b.test"]);
    expect(await transport.submit(outgoing)).toMatchObject({ kind: "accepted" });
    const delivered = await received("bob@customer-b.test", outgoing);
    expect(headerNames(delivered.source)).not.toContain("bcc");
    expect(headerNames(delivered.source)).not.toContain("cc");
    expect(delivered.parsed.to).toMatchObject({ value: [{ address: "bob@customer-b.test" }] });
    // The relay has handed the message to LMTP by now; give it a moment more before looking elsewhere.
    for (const other of ["alice@customer-a.test", "invoices@customer-b.test"]) {
      await expect(waitForMessages(other, ofDelivery(outgoing), 2_000)).rejects.toThrow(/0 of 1 expected/);
    }
  });

  test("a message with a 30 MB PDF goes through the relay and arrives intact", async () => {
    const pdf = fakePdf(30 * 1024 * 1024);
    const outgoing = await message([{ email: "invoices@customer-b.test", name: null }], false, pdf);
    expect(await transport.submit(outgoing)).toMatchObject({ kind: "accepted" });
    const delivered = await received("invoices@customer-b.test", outgoing, 90_000);
    const digest = (b: Buffer | undefined) =>
      createHash("sha256")
        .update(b ?? Buffer.alloc(0))
        .digest("hex");
    expect(digest(delivered.parsed.attachments[0]?.content)).toBe(digest(pdf));
    expect(await dkimResult(delivered)).toEqual(["pass"]);
  }, 120_000);

  test("an address with a UTF-8 local part is submitted with SMTPUTF8 and accepted by the relay", async () => {
    const outgoing = await message([{ email: "zoë@customer-a.test", name: "Zoë" }]);
    expect(outgoing.envelope.to).toEqual(["zoë@customer-a.test"]);
    expect(await transport.submit(outgoing)).toMatchObject({ kind: "accepted", reply: { code: 250 } });
  });
});

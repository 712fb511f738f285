import { randomBytes } from "node:crypto";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  clearMailboxes,
  countMessages,
  ensureMailLab,
  type LabMessage,
  labConfig,
  setFault,
  verpAddress,
  waitForMessages,
} from "../support/mail-lab.ts";

/** Sends one message over a fresh connection (no pool), so a fault set just before applies to it. */
async function send(to: string, subject: string, from = verpAddress("plain")) {
  const transport = nodemailer.createTransport({
    host: labConfig.smtp.host,
    port: labConfig.smtp.port,
    secure: false,
    connectionTimeout: 5_000,
  });
  try {
    return await transport.sendMail({
      from: "Facteur lab <billing@facteur.test>",
      to,
      subject,
      text: `Invoice test body for ${subject}`,
      envelope: { from, to },
    });
  } finally {
    transport.close();
  }
}

function token(): string {
  return randomBytes(6).toString("hex");
}

/** Waits for the DSN sent back to the VERP address carrying `verpToken`, and returns its delivery-status text. */
async function dsnFor(verpToken: string, action = "failed", timeoutMs = 15_000): Promise<string> {
  const isDsn = (message: LabMessage) =>
    message.source.toString("utf8").includes(`To: ${verpAddress(verpToken)}`) &&
    deliveryStatus(message).includes(`Action: ${action}`);
  const [dsn] = await waitForMessages(labConfig.bounceMailbox, isDsn, timeoutMs);
  if (dsn === undefined) throw new Error("no DSN");
  expect(dsn.source.toString("utf8")).toMatch(
    /^Content-Type: multipart\/report; report-type=delivery-status;/m,
  );
  return deliveryStatus(dsn);
}

/** The message/delivery-status part, cut from the raw source (mailparser folds it into the text). */
function deliveryStatus(message: LabMessage): string {
  const match = /^Content-Type: message\/delivery-status\r?\n([\s\S]*?)^--/m.exec(
    message.source.toString("utf8"),
  );
  return match?.[1] ?? "";
}

async function sendError(to: string): Promise<{ responseCode?: number; code?: string; message: string }> {
  try {
    await send(to, `fault probe ${token()}`);
  } catch (error) {
    return error as { responseCode?: number; code?: string; message: string };
  }
  throw new Error("the relay accepted the message");
}

beforeAll(async () => {
  await ensureMailLab();
  await setFault("none");
});

afterAll(async () => {
  await setFault("none");
});

describe("the mail lab delivers and bounces for real", () => {
  test("a message to a known customer mailbox is accepted and can be read over IMAP", async () => {
    const subject = `delivered ${token()}`;
    const info = await send("alice@customer-a.test", subject, verpAddress("delivered"));
    expect(info.response).toMatch(/^250 2\.0\.0 Ok: queued as [0-9A-F]+/);

    const [message] = await waitForMessages("alice@customer-a.test", (m) => m.parsed.subject === subject);
    expect(message?.parsed.text).toContain(`Invoice test body for ${subject}`);
    expect(message?.parsed.headers.get("return-path")).toMatchObject({
      value: [{ address: verpAddress("delivered") }],
    });
  });

  test("an unknown user is accepted at SMTP time and a real DSN reaches the VERP address", async () => {
    const verpToken = token();
    const info = await send("nobody@customer-a.test", `unknown ${verpToken}`, verpAddress(verpToken));
    expect(info.accepted).toEqual(["nobody@customer-a.test"]);

    const status = await dsnFor(verpToken);
    expect(status).toContain("Final-Recipient: rfc822; nobody@customer-a.test");
    expect(status).toContain("Status: 5.1.1");
    expect(status).toMatch(/Diagnostic-Code: smtp; 550 5\.1\.1/);
  });

  test("a full mailbox bounces with a mailbox-full DSN", async () => {
    const verpToken = token();
    await send(labConfig.fullMailbox, `full ${verpToken}`, verpAddress(verpToken));

    const status = await dsnFor(verpToken);
    expect(status).toContain("Status: 5.2.2");
    expect(status).toMatch(/552 5\.2\.2 .*Quota exceeded/);
  });

  test("a domain that does not exist bounces with host not found", async () => {
    const verpToken = token();
    await send(`someone@${labConfig.nonexistentDomain}`, `nxdomain ${verpToken}`, verpAddress(verpToken));

    const status = await dsnFor(verpToken);
    expect(status).toContain("Status: 5.4.4");
    expect(status).toMatch(/Host or domain name not found/);
  });

  test("an unreachable customer server gives a delayed notice while Postfix keeps retrying", async () => {
    const verpToken = token();
    await send(`someone@${labConfig.unreachableDomain}`, `delayed ${verpToken}`, verpAddress(verpToken));

    // The delay notice waits for a queue scan after delay_warning_time; on a busy machine that took over 15 s once.
    const status = await dsnFor(verpToken, "delayed", 50_000);
    expect(status).toContain("Status: 4.4.1");
    expect(status).toMatch(/Will-Retry-Until: /);
  }, 60_000);
});

describe("the relay's fault modes", () => {
  test("fault 5xx refuses the recipient at SMTP time with a permanent reply", async () => {
    await setFault("5xx");
    const error = await sendError("alice@customer-a.test");
    expect(error.responseCode).toBe(554);
    expect(error.message).toMatch(/5\.7\.1/);
  });

  test("fault 4xx answers with a temporary reply", async () => {
    await setFault("4xx");
    const error = await sendError("alice@customer-a.test");
    expect(error.responseCode).toBe(451);
  });

  test("fault 4xx-data answers with a temporary reply after the message was sent", async () => {
    await setFault("4xx-data");
    const error = await sendError("alice@customer-a.test");
    expect(error.responseCode).toBe(451);
    expect(error.code).toBe("EMESSAGE");
  });

  test("fault down refuses connections", async () => {
    await setFault("down");
    const error = await sendError("alice@customer-a.test");
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  test("fault none restores normal delivery", async () => {
    await setFault("none");
    const subject = `restored ${token()}`;
    await send("bob@customer-b.test", subject);
    const messages = await waitForMessages("bob@customer-b.test", (m) => m.parsed.subject === subject);
    expect(messages).toHaveLength(1);
  });

  test("clearing the mailboxes empties them", async () => {
    const subject = `to clear ${token()}`;
    await send("invoices@customer-b.test", subject);
    await waitForMessages("invoices@customer-b.test", (m) => m.parsed.subject === subject);

    await clearMailboxes();
    expect(await countMessages("invoices@customer-b.test")).toBe(0);
    expect(await countMessages(labConfig.bounceMailbox)).toBe(0);
  });
});

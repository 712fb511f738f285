import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTransport } from "nodemailer";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type HandledBounce, handleBounce } from "../../src/app/handle-bounce.ts";
import type { IntakeEvent } from "../../src/mail/intake/intake-events.ts";
import { type SmtpIntake, startSmtpIntake } from "../../src/mail/intake/smtp-intake.ts";
import { createDatabase, type FacteurDatabase } from "../../src/store/create-database.ts";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";
import { migrateToLatest } from "../../src/store/migrate-to-latest.ts";
import { BOUNCE_DOMAIN, bounceDeps, returnPathOf, sentInvoice } from "../bounces/support/bounce-fixture.ts";
import { brokenEncodings, deepNesting, hugeMessage, manyParts } from "../bounces/support/hostile-messages.ts";
import { postfixDsn } from "../bounces/support/notices.ts";

const MAX_BYTES = 2 * 1024 * 1024;
let dir: string;
let database: FacteurDatabase;
let intake: SmtpIntake;
const events: IntakeEvent[] = [];
let failNext = false;

async function send(raw: Buffer, to: readonly string[]): Promise<string> {
  const transport = createTransport({
    host: intake.address.host,
    port: intake.address.port,
    secure: false,
    ignoreTLS: true,
  });
  try {
    const info = await transport.sendMail({ envelope: { from: "", to: [...to] }, raw });
    return String(info.response);
  } catch (error) {
    return String((error as { response?: string }).response ?? error);
  } finally {
    transport.close();
  }
}

/** Opens a connection and returns the first line the server says. */
function greeting(): Promise<{ line: string; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(intake.address.port, intake.address.host);
    socket.once("data", (data) => resolve({ line: data.toString("latin1"), socket }));
    socket.once("error", reject);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "facteur-bounce-smtp-"));
  database = createDatabase({ kind: "sqlite", file: join(dir, "facteur.db") });
  await migrateToLatest(database.db);
  const clock = { now: new Date("2026-12-01T08:05:00.000Z") };
  const deps = bounceDeps(database.db, clock, { actor: "intake:smtp" });
  intake = await startSmtpIntake({
    host: "127.0.0.1",
    port: 0,
    bounceDomain: BOUNCE_DOMAIN,
    maxBytes: MAX_BYTES,
    maxClients: 3,
    handle: async (raw, source): Promise<HandledBounce> => {
      if (failNext) {
        failNext = false;
        throw new Error("database is down");
      }
      return handleBounce(deps, raw, source);
    },
    onEvent: (event) => events.push(event),
  });
});

afterAll(async () => {
  await intake?.close();
  await database?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe("the SMTP intake of the bounce domain", () => {
  test("takes a DSN for a VERP address and bounces the delivery it names", async () => {
    const deps = bounceDeps(database.db, { now: new Date() });
    const sent = await sentInvoice(database.db, deps.archive, {
      number: "S-1",
      emails: ["nobody@client.test"],
    });
    const delivery = sent.deliveries[0];
    if (delivery === undefined) throw new Error("no delivery");
    const to = returnPathOf(delivery.id);
    const response = await send(
      postfixDsn({ to, recipient: "nobody@client.test", originalMessageId: `<${delivery.messageId}>` }),
      [to],
    );
    expect(response).toMatch(/^250 2\.0\.0 processed/);
    expect((await createDeliveryStore(database.db).getDelivery(delivery.id))?.state).toBe("bounced");
  });

  test("refuses mail for other domains: it relays nothing", async () => {
    const response = await send(Buffer.from("Subject: hi\r\n\r\nhello\r\n"), ["someone@elsewhere.test"]);
    expect(response).toMatch(/^550 5\.7\.1/);
  });

  test("answers 552 to a message over the size limit and handles nothing of it", async () => {
    const before = events.filter((e) => e.kind === "handled").length;
    const response = await send(hugeMessage("too big", 3), [`bounces@${BOUNCE_DOMAIN}`]);
    expect(response).toMatch(/^552 5\.3\.4/);
    expect(events.filter((e) => e.kind === "handled")).toHaveLength(before);
  });

  test("handles 10,000 MIME parts, 100-deep nesting and broken encodings without a crash", async () => {
    for (const raw of [manyParts("parts", 10_000), deepNesting("deep", 100), brokenEncodings("broken")]) {
      const started = Date.now();
      expect(await send(raw, [`bounces@${BOUNCE_DOMAIN}`])).toMatch(/^250 2\.0\.0 unmatched/);
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  });

  test("answers 451 when the notice cannot be recorded, so the sending server tries again later", async () => {
    failNext = true;
    expect(await send(brokenEncodings("retry me"), [`bounces@${BOUNCE_DOMAIN}`])).toMatch(/^451 4\.3\.0/);
  });

  test("refuses connections beyond its limit with 421", async () => {
    const open = await Promise.all([greeting(), greeting(), greeting()]);
    const extra = await greeting();
    try {
      expect(open.map((o) => o.line.slice(0, 3))).toEqual(["220", "220", "220"]);
      expect(extra.line.slice(0, 3)).toBe("421");
    } finally {
      for (const o of [...open, extra]) o.socket.destroy();
    }
  });
});

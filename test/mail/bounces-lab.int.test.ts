import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_DELIVERY_SETTINGS } from "../../src/app/delivery-settings.ts";
import { handleBounce } from "../../src/app/handle-bounce.ts";
import { listUndelivered } from "../../src/app/list-undelivered.ts";
import type { MailTransport } from "../../src/app/ports/mail-transport.ts";
import { proveDelivery } from "../../src/app/prove-delivery.ts";
import { runWorker } from "../../src/app/run-worker.ts";
import { sendInvoices } from "../../src/app/send-invoices.ts";
import { createLocalArchive } from "../../src/archive/local-archive.ts";
import type { Delivery } from "../../src/core/delivery/delivery.ts";
import { channelSeller } from "../../src/core/peppol/channel-policy.ts";
import { invoiceRenderer } from "../../src/documents/invoice-renderer.ts";
import { createBounceReader } from "../../src/mail/intake/create-bounce-reader.ts";
import { createImapIntake, type ImapIntakeOptions } from "../../src/mail/intake/imap-intake.ts";
import { createBounceStore } from "../../src/store/bounces/create-bounce-store.ts";
import { createDatabase, type FacteurDatabase } from "../../src/store/create-database.ts";
import { createStore } from "../../src/store/create-store.ts";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";
import { migrateToLatest } from "../../src/store/migrate-to-latest.ts";
import { brokenEncodings, deepNesting, hugeMessage, manyParts } from "../bounces/support/hostile-messages.ts";
import { customer, invoice, recipient, seed } from "../delivery/support/delivery-fixtures.ts";
import { ensureMailLab, labConfig } from "../support/mail-lab.ts";
import { routeByPreference } from "../support/route-by-preference.ts";
import { defaultSeller } from "../support/seller.ts";
import { bounceMailbox } from "./bounce-mailbox-kit.ts";
import { composer, labTransport, VERP_SECRET } from "./lab-mail-kit.ts";

const run = randomUUID().slice(0, 8);
const mailbox = bounceMailbox(run);
const FOLDERS = mailbox.folders;
const clock = { now: new Date() };
let dir: string;
let database: FacteurDatabase;
let transport: MailTransport;

const INVOICES = {
  unknown: `LAB-${run}-1`,
  full: `LAB-${run}-2`,
  nxdomain: `LAB-${run}-3`,
};
const ADDRESSES = {
  unknown: `nobody-${run}@customer-a.test`,
  full: labConfig.fullMailbox,
  nxdomain: `billing-${run}@${labConfig.nonexistentDomain}`,
};

function bounceDeps() {
  return {
    store: createBounceStore(database.db),
    archive: createLocalArchive(join(dir, "archive")),
    reader: createBounceReader([VERP_SECRET]),
    settings: {
      bounceDomain: labConfig.bounceDomain,
      softRetry: { afterMs: 6 * 3_600_000, max: 1 },
      retentionYears: 10,
    },
    now: () => clock.now,
    newId: randomUUID,
    actor: "intake:imap",
  };
}

/** The IMAP intake on this run's folder; `overrides` change its handler, poll interval or event listener. */
function intake(overrides: Partial<ImapIntakeOptions> = {}) {
  const deps = bounceDeps();
  return createImapIntake({
    ...mailbox.imap,
    mailbox: mailbox.intake,
    folders: FOLDERS,
    maxBytes: 10 * 1024 * 1024,
    pollMs: 1_000,
    recorded: (ref) => deps.store.inboundBySourceRef(ref),
    handle: (raw, source) => handleBounce(deps, raw, source),
    ...overrides,
  });
}

async function deliver(): Promise<void> {
  await runWorker(
    {
      store: createDeliveryStore(database.db),
      archive: createLocalArchive(join(dir, "archive")),
      transport,
      composer,
      renderer: invoiceRenderer,
      seller: defaultSeller(),
      settings: DEFAULT_DELIVERY_SETTINGS,
      now: () => clock.now,
      worker: "worker:lab",
    },
    { concurrency: 1, batchSize: 10, pollMs: 100, once: true },
  );
}

async function mainDelivery(number: string): Promise<Delivery> {
  const [delivery] = await createDeliveryStore(database.db).deliveriesOfInvoice(number);
  if (delivery === undefined) throw new Error(`${number} has no delivery`);
  return delivery;
}

beforeAll(async () => {
  await ensureMailLab();
  transport = labTransport();
  dir = mkdtempSync(join(tmpdir(), "facteur-bounce-lab-"));
  database = createDatabase({ kind: "sqlite", file: join(dir, "facteur.db") });
  await migrateToLatest(database.db);
  const customers = Object.keys(INVOICES).map((key) => customer(`C-${run}-${key}`));
  const recipients = (Object.keys(INVOICES) as (keyof typeof INVOICES)[]).map((key) =>
    recipient(`C-${run}-${key}`, "invoice-mailbox", ADDRESSES[key]),
  );
  recipients.push(recipient(`C-${run}-unknown`, "person", "alice@customer-a.test"));
  const invoices = (Object.keys(INVOICES) as (keyof typeof INVOICES)[]).map((key) =>
    invoice(INVOICES[key], `C-${run}-${key}`),
  );
  await seed(database.db, { customers, recipients, invoices });
  await mailbox.create();
});

afterAll(async () => {
  await mailbox.remove();
  await transport?.close();
  await database?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe("bounces through the real relay and the bounce mailbox", () => {
  test("invoices to an unknown user and a nonexistent domain end bounced with the right reason and their addresses suspended; a full mailbox is sent again, then bounced; the undelivered queue lists all three", async () => {
    clock.now = new Date();
    await sendInvoices(
      {
        store: createDeliveryStore(database.db),
        now: () => clock.now,
        newId: randomUUID,
        newMessageId: () => `${randomUUID()}@facteur.test`,
        route: routeByPreference,
      },
      { selection: { kind: "numbers", numbers: Object.values(INVOICES) }, actor: "test" },
    );
    await deliver();
    const sent = await Promise.all(Object.values(INVOICES).map(mainDelivery));
    expect(sent.map((d) => d.state)).toEqual(["accepted", "accepted", "accepted"]);
    await mailbox.collectDsns(
      sent.map((d) => d.archive?.envelopeFrom ?? ""),
      3,
    );

    const first = await intake().drain();
    expect(first).toEqual({ processed: 3, unmatched: 0, quarantined: 0 });
    expect(await mailbox.countIn(FOLDERS.processed)).toBe(3);
    expect(await mailbox.countIn(mailbox.intake)).toBe(0);

    const unknown = await mainDelivery(INVOICES.unknown);
    const nxdomain = await mainDelivery(INVOICES.nxdomain);
    const deliveries = createDeliveryStore(database.db);
    for (const [d, reason, status] of [
      [unknown, "userunknown", "5.1.1"],
      [nxdomain, "hostunknown", "5.4.4"],
    ] as const) {
      expect(d.state).toBe("bounced");
      expect((await deliveries.timeline(d.id)).at(-1)?.evidence).toMatchObject({
        reason,
        status,
        hard: true,
      });
    }
    const registry = createStore(database.db);
    const suspended = async (key: keyof typeof INVOICES) =>
      (await registry.listRecipients(`C-${run}-${key}`)).find((r) => r.email === ADDRESSES[key]);
    expect(await suspended("unknown")).toMatchObject({
      status: "suspended",
      statusReason: expect.stringContaining("5.1.1"),
    });
    expect(await suspended("nxdomain")).toMatchObject({
      status: "suspended",
      statusReason: expect.stringContaining("5.4.4"),
    });

    const full = await mainDelivery(INVOICES.full);
    expect(full).toMatchObject({ state: "queued" });
    expect((await deliveries.timeline(full.id)).at(-1)).toMatchObject({
      event: "retry",
      evidence: { reason: "mailboxfull", status: "5.2.2", hard: false, retry: 1 },
    });
    expect((await suspended("full"))?.status).toBe("active");

    clock.now = new Date(clock.now.getTime() + 6 * 3_600_000 + 1_000);
    await deliver();
    expect((await mainDelivery(INVOICES.full)).state).toBe("accepted");
    await mailbox.collectDsns([full.archive?.envelopeFrom ?? ""], 1);
    expect(await intake().drain()).toEqual({ processed: 1, unmatched: 0, quarantined: 0 });
    expect((await mainDelivery(INVOICES.full)).state).toBe("bounced");
    expect(await suspended("full")).toMatchObject({
      status: "suspended",
      statusReason: expect.stringContaining("still failing after 1 resend"),
    });

    const queue = await listUndelivered({
      store: createBounceStore(database.db),
      seller: channelSeller(defaultSeller()),
    });
    expect(
      queue.invoices
        .filter((i) => (Object.values(INVOICES) as string[]).includes(i.invoiceNumber))
        .map((i) => [i.invoiceNumber, i.reasons.map((r) => [r.code, r.reason, r.address])]),
    ).toEqual([
      [INVOICES.unknown, [["bounced", "userunknown", ADDRESSES.unknown]]],
      [INVOICES.full, [["bounced", "mailboxfull", ADDRESSES.full]]],
      [INVOICES.nxdomain, [["bounced", "hostunknown", ADDRESSES.nxdomain]]],
    ]);
    const proof = await proveDelivery(
      { store: createBounceStore(database.db), now: () => clock.now },
      INVOICES.unknown,
    );
    expect(proof).toMatchObject({ verdict: "bounced", confidence: "certain" });
    expect(proof.recipients[0]?.steps.map((step) => step.event)).toEqual([
      "queue",
      "archive",
      "accept",
      "bounce",
    ]);
  }, 240_000);

  test("a forged bounce is quarantined and a bounce for a message facteur never sent is kept as unmatched; neither changes anything", async () => {
    const unknown = await mainDelivery(INVOICES.unknown);
    const genuine = unknown.archive?.envelopeFrom ?? "";
    const at = genuine.indexOf("@");
    const forged = `${genuine.slice(0, at - 6)}${genuine[at - 6] === "a" ? "b" : "a"}${genuine.slice(at - 5)}`;
    const timeline = await createDeliveryStore(database.db).timeline(unknown.id);
    const dsn = (await createBounceStore(database.db).inboundOfDeliveries([unknown.id]))[0];
    const original = await createLocalArchive(join(dir, "archive")).get(dsn?.sha256 ?? "");
    if (original === null) throw new Error("the archived DSN is missing");
    await mailbox.append(Buffer.from(original.toString("latin1").split(genuine).join(forged), "latin1"));
    await mailbox.append(
      Buffer.from(
        original
          .toString("latin1")
          .split(genuine)
          .join(labConfig.bounceMailbox)
          .split(unknown.messageId)
          .join(`never-sent-${run}@facteur.test`),
        "latin1",
      ),
    );

    expect(await intake().drain()).toEqual({ processed: 0, unmatched: 1, quarantined: 1 });
    expect(await createDeliveryStore(database.db).timeline(unknown.id)).toEqual(timeline);
    expect(await mailbox.countIn(FOLDERS.quarantined)).toBe(1);
  }, 60_000);

  test("a message handled before a crash is only moved: the same UID is not handled twice", async () => {
    await mailbox.append(deepNesting(`crash-${run}`, 4));
    const client = new ImapFlow({ ...mailbox.imap, logger: false, disableAutoIdle: true });
    await client.connect();
    try {
      const lock = await client.getMailboxLock(mailbox.intake);
      try {
        const opened = client.mailbox;
        const message = await client.fetchOne("*", { uid: true, source: true });
        if (opened === false || message === false || message.source === undefined)
          throw new Error("nothing appended");
        const ref = `imap:${mailbox.intake}:${opened.uidValidity}:${message.uid}`;
        await handleBounce(bounceDeps(), message.source, { kind: "imap", ref });
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
    const handled: string[] = [];
    const deps = bounceDeps();
    const tally = await intake({
      handle: async (raw, source) => {
        handled.push(source.ref ?? "");
        return handleBounce(deps, raw, source);
      },
    }).drain();
    expect(tally).toEqual({ processed: 0, unmatched: 1, quarantined: 0 });
    expect(handled).toEqual([]);
  }, 60_000);

  test("a 50 MB bounce, 10,000 MIME parts, 100-deep nesting and broken encodings are handled without a crash", async () => {
    await mailbox.append(hugeMessage(`huge-${run}`, 50));
    await mailbox.append(manyParts(`parts-${run}`, 10_000));
    await mailbox.append(deepNesting(`deep-${run}`, 100));
    await mailbox.append(brokenEncodings(`broken-${run}`));
    const started = Date.now();
    expect(await intake().drain()).toEqual({ processed: 0, unmatched: 4, quarantined: 0 });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await mailbox.countIn(mailbox.intake)).toBe(0);
    const records = await createBounceStore(database.db).listInbound({ outcome: "unmatched", limit: 10 });
    expect(records.find((r) => r.size >= 50 * 1024 * 1024)).toMatchObject({
      truncated: true,
      outcome: "unmatched",
    });
  }, 120_000);

  test("running, it picks up new mail through IDLE within seconds, not at the next poll", async () => {
    const seen: string[] = [];
    const stop = new AbortController();
    const running = intake({
      pollMs: 120_000,
      onEvent: (event) => {
        if (event.kind === "handled") seen.push(event.ref);
        if (event.kind === "connected") seen.push(event.message);
      },
    }).run(stop.signal);
    try {
      const deadline = Date.now() + 10_000;
      while (!seen.some((s) => s.includes("IDLE on")) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(seen.some((s) => s.includes("IDLE on"))).toBe(true);
      await new Promise((r) => setTimeout(r, 1_500));
      const appended = Date.now();
      await mailbox.append(brokenEncodings(`idle-${run}`));
      while (!seen.some((s) => s.startsWith("imap:")) && Date.now() - appended < 20_000) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(seen.filter((s) => s.startsWith("imap:"))).toHaveLength(1);
      expect(Date.now() - appended).toBeLessThan(15_000);
    } finally {
      stop.abort();
    }
    expect(await running).toEqual({ processed: 0, unmatched: 1, quarantined: 0 });
  }, 60_000);
});

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalArchive } from "../../src/archive/local-archive.ts";
import { pdfPageCount, pdfText } from "../../src/documents/pdf/testing/poppler.ts";
import { createDatabase, type FacteurDatabase } from "../../src/store/create-database.ts";
import { migrateToLatest } from "../../src/store/migrate-to-latest.ts";
import { runFacteur } from "../support/run-facteur.ts";
import {
  BOUNCE_DOMAIN,
  returnPathOf,
  type SentInvoice,
  sentInvoice,
  VERP_SECRET,
} from "./support/bounce-fixture.ts";
import { postfixDsn } from "./support/notices.ts";

const data = mkdtempSync(join(tmpdir(), "facteur-bounce-cli-"));
const env = {
  PATH: process.env.PATH ?? "",
  FACTEUR_DATA_DIR: data,
  FACTEUR_VERP_SECRET: VERP_SECRET,
  FACTEUR_BOUNCE_DOMAIN: BOUNCE_DOMAIN,
};

const facteur = (...args: string[]) => runFacteur(env, args);

let database: FacteurDatabase;
let bounced: SentInvoice;

beforeAll(async () => {
  database = createDatabase({ kind: "sqlite", file: join(data, "facteur.sqlite") });
  await migrateToLatest(database.db);
  const archive = createLocalArchive(join(data, "archive"));
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
  bounced = await sentInvoice(database.db, archive, {
    number: "CLI-1",
    emails: ["nobody@client.test", "alice@client.test"],
    at: threeDaysAgo,
  });
  await sentInvoice(database.db, archive, {
    number: "CLI-2",
    emails: ["here@client.test"],
    at: threeDaysAgo,
  });
  await database.destroy();
});

afterAll(async () => {
  await database?.destroy();
});

describe("the bounce commands", () => {
  it("handles a saved DSN, lists the invoice as undelivered, resends it to a fixed address, prints, digests and proves", async () => {
    const delivery = bounced.deliveries[0];
    const nobody = bounced.recipients[0];
    if (delivery === undefined || nobody === undefined) throw new Error("nothing sent");
    const file = join(data, "dsn.eml");
    writeFileSync(
      file,
      postfixDsn({
        to: returnPathOf(delivery.id),
        recipient: "nobody@client.test",
        originalMessageId: `<${delivery.messageId}>`,
      }),
    );

    const handled = await facteur("bounces", "handle", file, "--json");
    expect(handled.code).toBe(0);
    expect(JSON.parse(handled.stdout)).toMatchObject({
      outcome: "processed",
      matchedBy: "verp",
      invoiceNumber: "CLI-1",
      suspended: ["nobody@client.test"],
    });
    const again = await facteur("bounces", "handle", file);
    expect(again.stdout).toContain("duplicate");
    const received = await facteur("bounces", "list");
    expect(received.stdout).toMatch(/processed +file +dsn\/rfc3464/);

    const list = await facteur("undelivered", "list", "--json");
    const page = JSON.parse(list.stdout) as {
      invoices: { invoiceNumber: string; reasons: { text: string }[]; actions: string[] }[];
    };
    expect(page.invoices.map((i) => i.invoiceNumber)).toEqual(["CLI-1"]);
    expect(page.invoices[0]?.reasons[0]?.text).toContain("5.1.1");
    expect((await facteur("undelivered", "list")).stdout).toContain(
      "actions: fix-address, other-recipient, paper",
    );

    const proof = await facteur("proof", "CLI-1", "--json");
    expect(JSON.parse(proof.stdout)).toMatchObject({ verdict: "bounced", confidence: "certain" });
    const quiet = await facteur("proof", "CLI-2");
    expect(quiet.stdout).toContain("did the customer get it? delivered (confidence: high)");
    expect(quiet.stdout).toContain("accepted by the relay 3 days ago and no bounce since");
    const pdfFile = join(data, "proof.pdf");
    expect((await facteur("proof", "CLI-1", "--pdf", pdfFile)).code).toBe(0);
    expect(pdfText(readFileSync(pdfFile))).toContain("nobody@client.test");

    const resend = await facteur(
      "undelivered",
      "resend",
      "CLI-1",
      "--fix",
      `${nobody.id}=somebody@client.test`,
      "--reason",
      "new address by phone",
    );
    expect(resend.code).toBe(0);
    expect(resend.stdout).toContain("round 2 queued for somebody@client.test");
    expect((await facteur("customers", "history", "K-CLI-1")).stdout).toContain("new address by phone");

    const batch = join(data, "batch.pdf");
    const paper = await facteur("undelivered", "paper", "CLI-2", "--out", batch);
    expect(paper.code).toBe(0);
    expect(pdfPageCount(readFileSync(batch))).toBe(1);

    const digest = await facteur(
      "undelivered",
      "digest",
      "--since",
      new Date(Date.now() - 3_600_000).toISOString(),
    );
    expect(digest.stdout).toContain("Invoice CLI-1 - customer K-CLI-1");
    expect(digest.stdout).toMatch(/nobody@client\.test: bounced: 5\.1\.1 userunknown/);

    const unconfigured = await runFacteur({ ...env, FACTEUR_BOUNCE_IMAP_URL: "" }, [
      "bounces",
      "imap",
      "--once",
    ]);
    expect(unconfigured).toMatchObject({
      code: 78,
      stderr: expect.stringContaining("FACTEUR_BOUNCE_IMAP_URL"),
    });
  }, 180_000);
});

import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDatabase } from "../../src/store/create-database.ts";
import { createDeliveryStore } from "../../src/store/deliveries/create-delivery-store.ts";
import { receiveStatusResponse } from "../support/peppol/received-status-messages.ts";
import { statusResponseXml } from "../support/peppol/status-response-xml.ts";
import { runFacteur } from "../support/run-facteur.ts";

const BUYER = "0208:0202239951";
const STRANGER = "0208:0200000043";

/** Runs the real `facteur` executable with its own data folder. */
const facteur = (dataDir: string, ...args: string[]) => runFacteur({ FACTEUR_DATA_DIR: dataDir }, args);

const lines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/**
 * Writes into the command's SQLite file what the Peppol side would: a Peppol delivery of `number` to the buyer, the
 * buyer's Invoice Response "under query" received for it through the inbox, and a stranger's "paid".
 */
async function buyerQueries(dataDir: string, number: string): Promise<void> {
  const database = createDatabase({ kind: "sqlite", file: join(dataDir, "facteur.sqlite") });
  try {
    const invoice = await database.db
      .selectFrom("invoices")
      .select(["id", "customer_number"])
      .where("number", "=", number)
      .executeTakeFirstOrThrow();
    await createDeliveryStore(database.db).transaction((unit) =>
      unit.createDeliveries(
        [
          {
            id: randomUUID(),
            invoiceId: invoice.id,
            invoiceNumber: number,
            customerNumber: invoice.customer_number,
            role: "main",
            round: 1,
            target: "main",
            messageId: `${randomUUID()}@seller.test`,
            recipients: [],
            peppol: { participant: BUYER },
          },
        ],
        new Date("2026-11-20T09:00:00.000Z"),
        "cli:test",
      ),
    );
    const receive = async (sender: string, id: string, code: string, at: string, description: string) => {
      const xml = statusResponseXml({
        kind: "invoice-response",
        id,
        code,
        reference: number,
        issueDate: at.slice(0, 10),
        issueTime: `${at.slice(11, 19)}Z`,
        description,
      });
      return (await receiveStatusResponse(database.db, xml, { sender, receivedAt: new Date(at) })).outcome;
    };
    expect(await receive(BUYER, "IR-7", "UQ", "2026-11-21T10:00:05.000Z", "Order reference unknown")).toEqual(
      {
        kind: "recorded",
      },
    );
    // A stranger who knows the number changes nothing: kept unmatched.
    expect(await receive(STRANGER, "IR-666", "PD", "2026-11-22T10:00:00.000Z", "paid, trust me")).toEqual({
      kind: "recorded",
    });
  } finally {
    await database.destroy();
  }
}

describe("facteur queries", () => {
  const data = mkdtempSync(join(tmpdir(), "facteur-queries-"));

  it("opens a query by hand, refuses a second while it is open, lists it, settles it once", async () => {
    expect((await facteur(data, "import", "customers", "examples/customers.csv")).code).toBe(0);
    expect((await facteur(data, "import", "invoices", "examples/invoices.json")).code).toBe(0);

    const opened = await facteur(
      data,
      "queries",
      "open",
      "CN-2026-0001",
      "--reason",
      "amount disputed",
      "--by",
      "alice",
    );
    expect(opened.code).toBe(0);
    expect(opened.stdout).toContain(
      "Q-000001 opened on CN-2026-0001 (customer C001) by alice: amount disputed",
    );
    const twice = await facteur(data, "queries", "open", "CN-2026-0001", "--reason", "again", "--by", "bob");
    expect(twice.code).toBe(75);
    expect(twice.stderr).toContain("has an open query already: Q-000001");
    expect((await facteur(data, "queries", "open", "NOPE-1", "--reason", "x", "--by", "bob")).code).toBe(66);

    const open = await facteur(data, "queries", "list", "--open", "--json");
    expect(lines(open.stdout)).toEqual([
      expect.objectContaining({
        id: "Q-000001",
        invoiceNumber: "CN-2026-0001",
        open: true,
        source: "manual",
        openedBy: "alice",
        reason: "amount disputed",
        settledAt: null,
      }),
    ]);

    const settled = await facteur(
      data,
      "queries",
      "settle",
      "Q-000001",
      "--by",
      "bob",
      "--note",
      "credit note sent",
    );
    expect(settled.code).toBe(0);
    expect(settled.stdout).toMatch(
      /Q-000001 on CN-2026-0001 settled by bob after \d+ minutes? open: credit note sent/,
    );
    const again = await facteur(data, "queries", "settle", "Q-000001", "--by", "carol", "--note", "again");
    expect(again.code).toBe(75);
    expect(again.stderr).toContain("a query is settled once");
    expect((await facteur(data, "queries", "settle", "Q-000404", "--by", "bob", "--note", "x")).code).toBe(
      66,
    );

    expect((await facteur(data, "queries", "list", "--open")).stdout).toContain("no open query");
    const [all] = lines((await facteur(data, "queries", "list", "--json")).stdout);
    expect(all).toMatchObject({
      id: "Q-000001",
      open: false,
      settledBy: "bob",
      settlementNote: "credit note sent",
    });
    expect(typeof all?.openForMs).toBe("number");
    const table = await facteur(data, "queries", "list");
    expect(table.stdout).toMatch(/Q-000001\s+CN-2026-0001\s+C001\s+settled/);

    const verify = await facteur(data, "audit", "verify", "--json");
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
  }, 300_000);

  it("shows the query an Invoice Response under query opened, the buyer status, and the status in the proof", async () => {
    await buyerQueries(data, "INV-2026-0005");
    const [query] = lines((await facteur(data, "queries", "list", "--open", "--json")).stdout);
    expect(query).toMatchObject({
      id: "Q-000002",
      invoiceNumber: "INV-2026-0005",
      source: "peppol-invoice-response",
      openedBy: `peppol:${BUYER}`,
      openedAt: "2026-11-21T10:00:05.000Z",
    });
    expect(String(query?.reason)).toContain("Order reference unknown");

    const show = await facteur(data, "invoices", "show", "INV-2026-0005");
    expect(show.stdout).toContain(
      "buyer status: under query (UQ, Invoice Response IR-7 issued 2026-11-21 10:00:05Z",
    );
    expect(show.stdout).toContain("open query Q-000002");
    const list = lines((await facteur(data, "invoices", "list", "--json")).stdout);
    expect(
      list.map((i) => [i.number, (i.buyerStatus as { status?: string } | null)?.status ?? null]),
    ).toEqual([
      ["CN-2026-0001", null],
      ["INV-2026-0005", "under-query"],
    ]);

    const proof = await facteur(data, "proof", "INV-2026-0005", "--json");
    expect(proof.code).toBe(0);
    const parsed = JSON.parse(proof.stdout) as Record<string, unknown>;
    expect(parsed.buyerStatus).toMatchObject({
      status: "under-query",
      responseCode: "UQ",
      responseId: "IR-7",
    });
    expect(parsed.statusMessages).toEqual([
      expect.objectContaining({
        kind: "invoice-response",
        responseCode: "UQ",
        status: "under-query",
        description: "Order reference unknown",
        at: "2026-11-21T10:00:05.000Z",
        issued: "2026-11-21 10:00:05Z",
        sender: BUYER,
      }),
    ]);
    const responses = await facteur(data, "invoices", "responses", "INV-2026-0005");
    expect(responses.stdout).toMatch(/invoice-response\s+UQ under query\s+INV-2026-0005\s+0208:0202239951/);
    const unmatched = lines((await facteur(data, "invoices", "responses", "--unmatched", "--json")).stdout);
    expect(unmatched).toEqual([
      expect.objectContaining({
        responseId: "IR-666",
        sender: STRANGER,
        reference: "INV-2026-0005",
        invoiceId: null,
      }),
    ]);
    const text = await facteur(data, "proof", "INV-2026-0005");
    expect(text.stdout).toContain(
      "Invoice Response IR-7 from the buyer: UQ under query: Order reference unknown",
    );
    expect(text.stdout).toContain("buyer status: under query");
  }, 300_000);
});

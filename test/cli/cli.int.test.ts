import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { runFacteur } from "../support/run-facteur.ts";

/** Runs the real `facteur` executable with its own data folder. */
const facteur = (dataDir: string, ...args: string[]) => runFacteur({ FACTEUR_DATA_DIR: dataDir }, args);

describe("the facteur command", () => {
  const data = mkdtempSync(join(tmpdir(), "facteur-cli-"));

  it("imports the examples, lists them as JSON and keeps the audit chain intact", async () => {
    expect((await facteur(data, "import", "customers", "examples/customers.csv")).code).toBe(0);
    expect((await facteur(data, "import", "invoices", "examples/invoices.json")).code).toBe(0);
    const list = await facteur(data, "invoices", "list", "--json");
    const invoices = list.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { number: string; payable: string });
    expect(invoices.map((i) => [i.number, i.payable])).toEqual([
      ["CN-2026-0001", "145.20"],
      ["INV-2026-0005", "667.32"],
    ]);
    const verify = await facteur(data, "audit", "verify", "--json");
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
  }, 60_000);

  it("exits 1 and writes nothing for a file with a bad row, naming file, line and column", async () => {
    const bad = join(data, "bad.csv");
    writeFileSync(bad, "customer_number,legal_name,language,country\nZ1,Zed,fr,BE\nZ2,Zed,fr,Belgium\n");
    const result = await facteur(data, "import", "customers", bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.csv:3: country: /);
    expect((await facteur(data, "customers", "show", "Z1")).code).toBe(66);
  }, 60_000);

  it("records a recipient change with who and why, and shows it in the customer's history", async () => {
    const set = await facteur(
      data,
      "customers",
      "set-recipient",
      "C004",
      "--email",
      "compta@lambert.test",
      "--role",
      "reminders",
      "--reason",
      "asked by phone",
    );
    expect(set.code).toBe(0);
    const history = await facteur(data, "customers", "history", "C004", "--json");
    const last = JSON.parse(history.stdout.trim().split("\n").pop() ?? "{}") as {
      actor: { kind: string };
      reason: string;
    };
    expect(last).toMatchObject({ actor: { kind: "cli" }, reason: "asked by phone" });
    const twice = await facteur(
      data,
      "customers",
      "set-recipient",
      "C001",
      "--email",
      "other@brasserie-dupont.test",
      "--role",
      "invoice-mailbox",
    );
    expect(twice.code).toBe(75);
    expect(twice.stderr).toMatch(/already has an active invoice mailbox/);
  }, 60_000);

  it("names the tampered record when someone edits the audit log behind facteur's back", async () => {
    const db = new Database(join(data, "facteur.sqlite"));
    db.exec("drop trigger audit_log_no_update");
    db.prepare("update audit_log set new_value = ? where seq = 3").run(JSON.stringify("forged"));
    db.close();
    const verify = await facteur(data, "audit", "verify");
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(/BROKEN at record 3/);
  }, 60_000);

  it("refuses an invalid configuration with every problem at once and exit code 78", async () => {
    const { code, stderr } = await runFacteur(
      { FACTEUR_SELLER_COUNTRY: "Belgium", FACTEUR_LOG_LEVEL: "chatty" },
      ["customers", "list"],
    );
    expect(code).toBe(78);
    expect(stderr).toMatch(/FACTEUR_SELLER_COUNTRY/);
    expect(stderr).toMatch(/FACTEUR_LOG_LEVEL/);
  }, 60_000);
});

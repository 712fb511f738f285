import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runFacteur } from "../support/run-facteur.ts";

const facteur = (dataDir: string, args: string[]) => runFacteur({ FACTEUR_DATA_DIR: dataDir }, args);

describe("the legal channel through the CLI", { timeout: 120_000 }, () => {
  const data = mkdtempSync(join(tmpdir(), "facteur-held-"));

  it("holds the Belgian B2B invoices instead of e-mailing them, says so, and lists them as held", async () => {
    for (const file of ["customers.csv", "invoices.csv"])
      expect((await facteur(data, ["import", file.split(".")[0] ?? "", `examples/${file}`])).code).toBe(0);
    const sent = await facteur(data, ["send", "--unsent", "--demo"]);
    expect(sent.code).toBe(1);
    expect(sent.stdout).toMatch(/held: 2 \(see `facteur invoices held`\)/);
    expect(sent.stdout).toMatch(/INV-2026-0002: peppol-not-configured: .*must go over Peppol/);
    expect(sent.stdout).toMatch(/queued 2 invoice\(s\)/);

    const held = await facteur(data, ["invoices", "held", "--json"]);
    expect(held.code).toBe(0);
    const rows = held.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { invoiceNumber: string; customerNumber: string; reason: string });
    expect(rows.map((r) => [r.invoiceNumber, r.customerNumber, r.reason])).toEqual([
      ["INV-2026-0001", "C001", "peppol-not-configured"],
      ["INV-2026-0002", "C002", "peppol-not-configured"],
    ]);
    const deliveries = await facteur(data, ["deliveries", "list", "--invoice", "INV-2026-0002", "--json"]);
    expect(deliveries.code).toBe(0);
    expect(deliveries.stdout).not.toContain("INV-2026-0002");
    const consumer = await facteur(data, ["deliveries", "list", "--invoice", "INV-2026-0004", "--json"]);
    expect(consumer.stdout).toContain("INV-2026-0004");
  });

  it("holds a Belgian B2B invoice again when asked to resend it, instead of e-mailing it", async () => {
    const resent = await facteur(data, ["undelivered", "resend", "INV-2026-0002"]);
    expect(resent.code).toBe(1);
    expect(resent.stdout).toMatch(/INV-2026-0002: held \(peppol-not-configured\): .*must go over Peppol/);
    const deliveries = await facteur(data, ["deliveries", "list", "--invoice", "INV-2026-0002", "--json"]);
    expect(deliveries.stdout).not.toContain("INV-2026-0002");
  });
});

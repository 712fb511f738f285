import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pdfAttachments, pdfText } from "../../src/documents/pdf/testing/poppler.ts";
import { runFacteur } from "../support/run-facteur.ts";

/** Runs the real `facteur` executable with an empty data folder (render needs no database). */
const facteur = (...args: string[]) =>
  runFacteur({ FACTEUR_DATA_DIR: mkdtempSync(join(tmpdir(), "facteur-render-data-")) }, args);

const line = { name: "Onderhoud", quantity: "2", unitCode: "HUR", price: "65.00", vatRate: "21" };

describe("facteur render", () => {
  it("renders the example invoices as UBL that breaks no EN 16931 rule and as PDFs in each customer's language with the UBL attached", async () => {
    const out = mkdtempSync(join(tmpdir(), "facteur-render-"));
    const rendered = await facteur(
      "render",
      "examples/invoices.csv",
      "--customers",
      "examples/customers.csv",
      "--out",
      out,
    );
    expect(rendered.code).toBe(0);
    const numbers = ["INV-2026-0001", "INV-2026-0002", "INV-2026-0003", "INV-2026-0004"];
    expect(readdirSync(out).sort()).toEqual(numbers.flatMap((n) => [`${n}.pdf`, `${n}.xml`]));
    const validate = await facteur("validate", "--json", ...numbers.map((n) => join(out, `${n}.xml`)));
    const results = validate.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { valid: boolean; findings: { rule: string; severity: string }[] });
    // C001 is on Peppol: its invoice passes every rule. The others go by e-mail, where only EN 16931 binds them, so
    // `validate` (which knows no channel) may report Peppol rules for them, but no EN 16931 rule.
    expect(results[0]?.valid).toBe(true);
    const en16931Fatal = results.flatMap((r) =>
      r.findings.filter((f) => f.severity === "fatal" && !f.rule.startsWith("PEPPOL-")),
    );
    expect(en16931Fatal).toEqual([]);
    const titles = ["FACTURE", "FACTUUR", "RECHNUNG", "FACTURE"];
    numbers.forEach((number, i) => {
      const pdf = readFileSync(join(out, `${number}.pdf`));
      const text = pdfText(pdf);
      expect(text).toContain(titles[i]);
      expect(text).toContain(number);
      expect(pdfAttachments(pdf)).toEqual([
        { name: `${number}.xml`, content: readFileSync(join(out, `${number}.xml`)) },
      ]);
    });
  }, 120_000);

  it("writes nothing for an invoice with a blocking finding, prints its rule and exits 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "facteur-render-"));
    const invoices = join(dir, "invoices.json");
    writeFileSync(
      invoices,
      JSON.stringify({
        invoices: [
          { number: "R-1", customer: "C002", issueDate: "2026-11-10", lines: [line] },
          // C001 is on Peppol, where a buyer reference or an order reference is required (PEPPOL-EN16931-R003).
          { number: "R-2", customer: "C001", issueDate: "2026-11-10", lines: [line] },
          { number: "R-3", customer: "C999", issueDate: "2026-11-10", lines: [line] },
        ],
      }),
    );
    const out = join(dir, "out");
    const result = await facteur(
      "render",
      invoices,
      "--customers",
      "examples/customers.csv",
      "--out",
      out,
      "--lang",
      "en",
      "--copy",
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/R-2: not rendered\n {2}fatal {3}PEPPOL-EN16931-R003 {2}\/Invoice\n/);
    expect(result.stderr).toMatch(
      /R-3: not rendered\n {2}invoices\.json:\$\.invoices\[2\]\.customer: .*C999/,
    );
    expect(readdirSync(out).sort()).toEqual(["R-1.pdf", "R-1.xml"]);
    const text = pdfText(readFileSync(join(out, "R-1.pdf")));
    expect(text).toContain("INVOICE");
    expect(text).toContain("COPY");
  }, 60_000);

  it("renders nothing when the customers file has a problem, naming its place", async () => {
    const dir = mkdtempSync(join(tmpdir(), "facteur-render-"));
    const customers = join(dir, "customers.csv");
    writeFileSync(customers, "customer_number,legal_name,language,country\nZ1,Zed,fr,Belgium\n");
    const out = join(dir, "out");
    const result = await facteur("render", "examples/invoices.csv", "--customers", customers, "--out", out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/customers\.csv:2: country: /);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

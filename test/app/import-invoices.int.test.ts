import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import type { Store } from "../../src/app/ports/store.ts";
import { verifyAuditChain } from "../../src/app/verify-audit-chain.ts";
import { importInvoiceFile } from "../../src/cli/invoice-import/import-invoice-file.ts";
import { createStore } from "../../src/store/create-store.ts";
import { buildCustomer } from "../support/build-customer.ts";
import { describeEachEngine } from "../support/databases.ts";
import { defaultSeller } from "../support/seller.ts";

const SELLER = defaultSeller();

const dir = mkdtempSync(join(tmpdir(), "facteur-import-"));
const AT = new Date("2026-11-28T10:00:00.000Z");
const HEADER =
  "invoice_number,customer_number,issue_date,item_name,quantity,unit_price,vat_category,vat_rate,exemption_reason\n";

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A CSV of `count` invoices with two lines each, for customers K1..K3. */
function invoicesCsv(count: number, prefix = "INV", badAt = -1): string {
  let text = HEADER;
  for (let i = 1; i <= count; i++) {
    const qty = i === badAt ? "3,5" : "3"; // an unquoted decimal comma: one field too many
    text += `${prefix}-${i},K${(i % 3) + 1},2026-11-01,Widget,${qty},19.99,S,21,\n`;
    text += `${prefix}-${i},K${(i % 3) + 1},2026-11-01,Export service,1,100,G,0,Export outside the EU\n`;
  }
  return text;
}

// Every scenario runs with the validation in this thread (small files) and in a worker thread (large ones).
for (const thread of [false, true])
  describeEachEngine(
    `importInvoices (${thread ? "validated in a worker thread" : "in one thread"})`,
    (engine) => {
      let store: Store;
      const run = (path: string) =>
        importInvoiceFile(
          { store, now: () => AT, newId: randomUUID, seller: SELLER },
          { path, actor: { kind: "cli", id: "test" }, thread },
        );

      beforeAll(async () => {
        store = createStore(engine.db);
        await store.transaction(async (unit) => {
          for (const n of ["K1", "K2", "K3"]) await unit.upsertCustomer(buildCustomer(n), AT);
        });
      });

      it("imports a file, computes totals and audits each invoice with the file as actor", async () => {
        const report = await run(file("ok.csv", invoicesCsv(3)));
        expect(report).toMatchObject({ read: 3, created: 3, unchanged: 0, committed: true, issues: [] });
        const invoice = await store.getInvoice("INV-2");
        expect(invoice?.content.lines).toHaveLength(2);
        expect(invoice?.structuredCommunication).toMatch(/^\d{12}$/);
        const page = await store.listInvoices({ customerNumber: "K3" });
        // 3 x 19.99 = 59.97 + 21% = 12.59 -> 72.56, plus 100.00 exempt = 172.56
        expect(page.invoices.map((i) => [i.number, i.payable])).toEqual([["INV-2", 17256n]]);
        const history = await store.history({ type: "invoice", id: "INV-1" });
        expect(history[0]?.actor).toEqual({ kind: "import", id: "ok.csv (cli:test)" });
        expect((await verifyAuditChain({ auditChain: store })).ok).toBe(true);
      });

      it("is idempotent: the same file again changes nothing and audits nothing", async () => {
        const before = (await verifyAuditChain({ auditChain: store })) as { count: number };
        const report = await run(file("ok.csv", invoicesCsv(3)));
        expect(report).toMatchObject({ read: 3, created: 0, unchanged: 3, committed: true });
        const after = (await verifyAuditChain({ auditChain: store })) as { count: number };
        expect(after.count).toBe(before.count);
      });

      it("refuses a changed invoice under an existing number, naming it", async () => {
        const report = await run(
          file(
            "changed.csv",
            invoicesCsv(3).replace("INV-2,K3,2026-11-01,Widget,3", "INV-2,K3,2026-11-01,Widget,4"),
          ),
        );
        expect(report.committed).toBe(false);
        expect(report.issues).toEqual([
          expect.objectContaining({ field: "number", message: expect.stringMatching(/credit note/) }),
        ]);
      });

      it("writes nothing when one row in the middle of a large file is bad, and names its line and column", async () => {
        const report = await run(file("large.csv", invoicesCsv(3000, "BIG", 1700)));
        expect(report.committed).toBe(false);
        // Every record was read to look for more problems: 3000 invoices plus the unreadable row itself.
        expect(report.read).toBe(3001);
        expect(report.issues).toEqual([
          expect.objectContaining({
            source: "large.csv",
            at: String(2 * 1700),
            message: expect.stringMatching(/decimal comma/),
          }),
        ]);
        expect(
          (await store.listInvoices({ after: "BIG", limit: 5 })).invoices.filter((i) =>
            i.number?.startsWith("BIG"),
          ),
        ).toEqual([]);
      });

      it("reports unknown customers and duplicate numbers together, and writes nothing", async () => {
        const text = `${HEADER}X-1,K1,2026-11-01,A,1,1,S,21,\nX-2,NOPE,2026-11-01,A,1,1,S,21,\nX-3,K1,2026-11-01,A,1,1,S,21,\nX-1,K1,2026-11-01,A,1,1,S,21,\n`;
        const report = await run(file("mixed.csv", text));
        expect(report.committed).toBe(false);
        expect(report.issues.map((i) => [i.at, i.field])).toEqual([
          ["5", "invoice_number"],
          ["3", "customer"],
        ]);
        expect(await store.getInvoice("X-1")).toBeNull();
      });

      it("refuses to issue an invoice that breaks an EN 16931 rule, naming the rule, the field and why", async () => {
        const text = `${HEADER}E-1,K1,2026-11-01,Training,1,500,E,0,\n`;
        const report = await run(file("exempt.csv", text));
        expect(report.committed).toBe(false);
        expect(report.issues).toContainEqual(
          expect.objectContaining({
            at: "2",
            field: "BR-E-10",
            message: expect.stringMatching(/exemption reason.*cannot be issued/s),
          }),
        );
        expect(await store.getInvoice("E-1")).toBeNull();
      });

      it("reads the JSON example format with allowances, charges and a credit note", async () => {
        const report = await run(
          file(
            "inv.json",
            JSON.stringify({
              invoices: [
                {
                  number: "J-1",
                  customer: "K1",
                  issueDate: "2026-11-10",
                  lines: [
                    {
                      name: "Glass",
                      quantity: "48",
                      price: "2.3750",
                      vatRate: "21",
                      allowances: [{ amount: "5.00", reason: "Loyalty" }],
                    },
                  ],
                  charges: [{ amount: "15.00", reason: "Transport", vatCategory: "S", vatRate: "21" }],
                },
                {
                  number: "J-2",
                  kind: "credit-note",
                  customer: "K1",
                  issueDate: "2026-11-12",
                  precedingInvoices: [{ number: "J-1" }],
                  lines: [{ name: "Glass", quantity: "2", price: "2.375", vatRate: "21" }],
                },
              ],
            }),
          ),
        );
        expect(report).toMatchObject({ created: 2, committed: true });
        // 48 x 2.375 = 114.00 - 5.00 = 109.00 + 15.00 = 124.00; VAT 26.04; total 150.04
        expect(
          (await store.listInvoices({ after: "J-0", limit: 2 })).invoices.map((i) => [
            i.number,
            i.payable,
            i.kind,
          ]),
        ).toEqual([
          ["J-1", 15004n, "invoice"],
          ["J-2", 575n, "credit-note"],
        ]);
      });
      it("imports a file of several batches whole, and a second run of it changes nothing", async () => {
        const path = file("batches.csv", invoicesCsv(700, "MB"));
        expect(await run(path)).toMatchObject({ read: 700, created: 700, committed: true, issues: [] });
        expect(await run(path)).toMatchObject({ read: 700, created: 0, unchanged: 700, committed: true });
        expect((await store.getInvoice("MB-700"))?.content.lines).toHaveLength(2);
        expect((await verifyAuditChain({ auditChain: store })).ok).toBe(true);
      });

      it("names a conflict in a later batch by its line, and writes nothing of the file", async () => {
        const text = invoicesCsv(800, "MB").replace(
          "MB-600,K1,2026-11-01,Widget,3",
          "MB-600,K1,2026-11-01,Widget,4",
        );
        const report = await run(file("batches-changed.csv", text));
        expect(report.committed).toBe(false);
        expect(report.issues).toEqual([expect.objectContaining({ at: "1200", field: "number" })]);
        expect(await store.getInvoice("MB-701")).toBeNull();
      });

      it("refuses a number that comes back batches later, naming the second place", async () => {
        const invoice = (n: number, number = `JL-${n}`) =>
          JSON.stringify({
            number,
            customer: "K1",
            issueDate: "2026-11-01",
            lines: [{ name: "Widget", quantity: "1", price: "10", vatRate: "21" }],
          });
        const lines = Array.from({ length: 600 }, (_, i) => invoice(i + 1, i === 549 ? "JL-3" : undefined));
        const report = await run(file("repeat.jsonl", `${lines.join("\n")}\n`));
        expect(report.committed).toBe(false);
        expect(report.issues).toEqual([
          expect.objectContaining({ message: "invoice number JL-3 appears twice in the file" }),
        ]);
        expect(report.issues[0]?.at).toMatch(/550/);
        expect(await store.getInvoice("JL-1")).toBeNull();
      });
    },
  );

import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { importInvoices } from "../../src/app/import-invoices.ts";
import type { InvoiceStage } from "../../src/app/ports/invoice-stage.ts";
import type { Store } from "../../src/app/ports/store.ts";
import { verifyAuditChain } from "../../src/app/verify-audit-chain.ts";
import { importInvoiceFile } from "../../src/cli/invoice-import/import-invoice-file.ts";
import { BATCHES_IN_FLIGHT } from "../../src/cli/invoice-import/stage-messages.ts";
import { startStageThread } from "../../src/cli/invoice-import/stage-thread.ts";
import { createStore } from "../../src/store/create-store.ts";
import { buildCustomer } from "../support/build-customer.ts";
import { describeEachEngine } from "../support/databases.ts";
import { defaultSeller } from "../support/seller.ts";

const SELLER = defaultSeller();
const AT = new Date("2026-11-28T10:00:00.000Z");
const dir = mkdtempSync(join(tmpdir(), "facteur-stage-thread-"));
const HEADER =
  "invoice_number,customer_number,issue_date,item_name,quantity,unit_price,vat_category,vat_rate\n";
const FAILING_WORKER = new URL("../support/failing-stage-worker.ts", import.meta.url);

function invoicesCsv(name: string, count: number, prefix: string, badAt = -1): string {
  let text = HEADER;
  for (let i = 1; i <= count; i++) {
    for (let l = 1; l <= 5; l++) {
      // An unquoted decimal comma in the first row of invoice `badAt`: one field too many.
      const qty = i === badAt && l === 1 ? "3,5" : "3";
      text += `${prefix}-${i},K${(i % 3) + 1},2026-11-01,Item ${l},${qty},19.99,S,21\n`;
    }
  }
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describeEachEngine("invoice import validated in a worker thread", (engine) => {
  let store: Store;
  const deps = () => ({ store, now: () => AT, newId: randomUUID, seller: SELLER });
  const actor = { kind: "cli", id: "test" } as const;
  const invoiceCount = async (prefix: string) =>
    (await store.listInvoices({ after: prefix, limit: 1000 })).invoices.filter((i) =>
      i.number?.startsWith(prefix),
    ).length;

  beforeAll(async () => {
    store = createStore(engine.db);
    await store.transaction(async (unit) => {
      for (const n of ["K1", "K2", "K3"]) await unit.upsertCustomer(buildCustomer(n), AT);
    });
  });

  it("imports a file of many batches whole", async () => {
    const path = invoicesCsv("big.csv", 2500, "T");
    const report = await importInvoiceFile(deps(), { path, actor, thread: true });
    expect(report).toMatchObject({ read: 2500, created: 2500, committed: true, issues: [] });
    expect((await verifyAuditChain({ auditChain: store })).ok).toBe(true);
  });

  it("rolls everything back when a row deep in a large file is bad, naming its line", async () => {
    const path = invoicesCsv("bad-deep.csv", 2500, "D", 2100);
    const report = await importInvoiceFile(deps(), { path, actor, thread: true });
    expect(report.committed).toBe(false);
    expect(report.read).toBe(2501);
    expect(report.issues).toEqual([
      expect.objectContaining({ source: "bad-deep.csv", at: String(5 * 2099 + 2) }),
    ]);
    expect(await invoiceCount("D-")).toBe(0);
  });

  it("reports a file the thread cannot read as an issue, like the one-thread path", async () => {
    const path = join(dir, `${engine.dialect}-a-directory.csv`);
    mkdirSync(path);
    const report = await importInvoiceFile(deps(), { path, actor, thread: true });
    expect(report).toMatchObject({ committed: false, read: 0 });
    expect(report.issues).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/not a file/) }),
    ]);
  });

  for (const [how, said] of [
    ["throw", /invoice validation thread failed: the validator broke/],
    ["exit", /invoice validation thread stopped \(exit code 3\)/],
    ["fail-later", /invoice validation thread failed: the validator broke/],
  ] as const)
    it(`rolls the import back when the thread dies (${how})`, async () => {
      const thread = startStageThread({ path: how, source: "x.csv", seller: SELLER }, FAILING_WORKER);
      const before = await verifyAuditChain({ auditChain: store });
      try {
        await expect(importInvoices(deps(), { stage: thread.start, source: "x.csv", actor })).rejects.toThrow(
          said,
        );
      } finally {
        await thread.close();
      }
      expect(await verifyAuditChain({ auditChain: store })).toEqual(before);
    });

  it("stays at most two batches ahead of a slow writer", async () => {
    const path = invoicesCsv("slow.csv", 3000, "S");
    const thread = startStageThread({ path, source: "slow.csv", seller: SELLER });
    let written = 0;
    let ahead = 0;
    try {
      const report = await importInvoices(deps(), {
        source: "slow.csv",
        actor,
        stage: (context) => {
          const stage = thread.start(context);
          const slow: InvoiceStage = {
            ...stage,
            written: async (seq, conflicts) => {
              // Time enough for an unchecked thread to send every batch of the file.
              await new Promise((resolve) => setTimeout(resolve, 100));
              ahead = Math.max(ahead, thread.received() - written);
              written++;
              return stage.written(seq, conflicts);
            },
          };
          return slow;
        },
      });
      expect(report).toMatchObject({ created: 3000, committed: true });
    } finally {
      await thread.close();
    }
    expect(written).toBe(13);
    expect(ahead).toBe(BATCHES_IN_FLIGHT);
  });
});

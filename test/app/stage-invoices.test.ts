import { expect, it } from "vitest";
import type { SourcedRecord } from "../../src/app/ports/sourced-record.ts";
import { stageInvoices } from "../../src/app/stage-invoices.ts";
import { buildCustomer } from "../support/build-customer.ts";
import { defaultSeller } from "../support/seller.ts";

const record = (number: string, customer: string, line: number): SourcedRecord => ({
  source: "t.json",
  raw: {
    number,
    customer,
    issueDate: "2026-11-01",
    lines: [{ name: "Widget", quantity: "1", price: "10", vatRate: "21" }],
  },
  locate: () => ({ at: String(line) }),
});

async function* chunks(records: readonly SourcedRecord[]): AsyncGenerator<readonly SourcedRecord[]> {
  for (let i = 0; i < records.length; i += 1000) yield records.slice(i, i + 1000);
}

it("keeps the known customers of a batch when the customers it remembers are forgotten (past 10,000)", async () => {
  // 10,000 customers fill what the stage remembers; the next batch bills one of them and 249 new ones.
  const records: SourcedRecord[] = [];
  for (let i = 1; i <= 10_000; i++) records.push(record(`A-${i}`, `K${i}`, i));
  records.push(record("B-1", "K1", 10_001));
  for (let i = 2; i <= 250; i++) records.push(record(`B-${i}`, `K${10_000 + i}`, 10_000 + i));
  let asked = 0;
  const batches = stageInvoices(
    {
      seller: defaultSeller(),
      validator: { validate: () => [] },
      encodeContent: (content) => JSON.stringify(content),
    },
    { records: chunks(records), source: "t.json" },
    {
      at: "2026-11-28T10:00:00.000Z",
      audit: {
        at: "2026-11-28T10:00:00.000Z",
        actorKind: "import",
        actorId: "t.json (cli:test)",
        entityType: "invoice",
        field: null,
        action: "create",
        oldValue: null,
        reason: null,
      },
      firstOgm: 1n,
      customers: async (numbers) => {
        asked += numbers.length;
        return numbers.map((n) => buildCustomer(n));
      },
    },
  );
  let staged = 0;
  for await (const { batch } of batches) {
    expect(batch.issues).toEqual([]);
    staged += batch.invoices.count;
  }
  expect(staged).toBe(10_250);
  // K1 was asked twice: once in the first batch, again after everything was forgotten.
  expect(asked).toBe(10_250);
});

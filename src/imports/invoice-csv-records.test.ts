import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SourcedRecord } from "../app/ports/sourced-record.ts";
import { INVOICE_CSV_COLUMNS } from "./invoice-csv-columns.ts";
import { build, buildRaw, columnIndex } from "./invoice-csv-records.ts";
import { readInvoiceRecordBatches, readInvoiceRecords } from "./read-invoice-records.ts";

const dir = mkdtempSync(join(tmpdir(), "facteur-invoice-csv-"));
const HEADER = "invoice_number,customer_number,issue_date,item_name,quantity,unit_price,vat_rate\n";

function file(name: string, rows: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, HEADER + rows.map((number) => `${number},C1,2026-11-01,Item,1,10,21\n`).join(""));
  return path;
}

async function records(path: string): Promise<SourcedRecord[]> {
  const out: SourcedRecord[] = [];
  for await (const record of readInvoiceRecords(path)) out.push(record);
  return out;
}

describe("invoice CSV records", () => {
  it("groups consecutive rows and refuses an invoice whose rows come back after another's", async () => {
    const read = await records(file("split.csv", ["A", "A", "B", "A", "C"]));
    expect(read.map((r) => r.unreadable ?? (r.raw as { number: string }).number)).toEqual([
      "A",
      "B",
      "the rows of invoice A must be consecutive; it appeared before",
      "C",
    ]);
    expect(read[2]?.locate([])).toEqual({ at: "5", field: "invoice_number" });
    expect((read[0]?.raw as { lines?: unknown[] } | undefined)?.lines).toHaveLength(2);
  });

  it("remembers the last 10,000 invoices for that, not more", async () => {
    const numbers = Array.from({ length: 10_001 }, (_, i) => `N${i}`);
    const read = await records(file("many.csv", [...numbers, "N1", "N0"]));
    expect(read.slice(-2).map((r) => r.unreadable ?? (r.raw as { number: string }).number)).toEqual([
      "the rows of invoice N1 must be consecutive; it appeared before",
      "N0",
    ]);
  });

  it("places an invoice's number at its first row without building its other places, as they would", async () => {
    const read = await records(file("places.csv", ["A", "B", "B"]));
    expect(read[1]?.locate(["number"])).toEqual({ at: "3", field: "invoice_number" });
    // The same answer once the places are built (asking for a line's place builds them).
    expect(read[1]?.locate(["lines", 1, "price"])).toEqual({ at: "4", field: "unit_price" });
    expect(read[1]?.locate(["number"])).toEqual({ at: "3", field: "invoice_number" });
    expect(read[1]?.locate(["number", "x"])).toEqual({ at: "3", field: "invoice_number" });
  });

  it("hands on the same records in batches", async () => {
    const path = file("batches.csv", ["A", "B", "B", "C"]);
    const flat: SourcedRecord[] = [];
    for await (const batch of readInvoiceRecordBatches(path)) flat.push(...batch);
    expect(flat.map((r) => r.raw)).toEqual((await records(path)).map((r) => r.raw));
  });

  it("builds the same invoice input with places as without, key order included", () => {
    const all = [...INVOICE_CSV_COLUMNS.required, ...INVOICE_CSV_COLUMNS.optional];
    // A header of some of the columns in any order, and rows of empty, blank-padded or category-like cells.
    const header = fc.shuffledSubarray(all, { minLength: 1 });
    const cell = fc.constantFrom("", "", "x", " y ", "S", "Z", "12.50");
    fc.assert(
      fc.property(
        header.chain((names) =>
          fc.tuple(
            fc.constant(names),
            fc.array(fc.array(cell, { minLength: names.length, maxLength: names.length }), {
              minLength: 1,
              maxLength: 4,
            }),
          ),
        ),
        ([names, cells]) => {
          const columns = new Map(names.map((name, i) => [name, i]));
          const rows = cells.map((c, i) => ({ line: i + 2, cells: c, columns }));
          const at = columnIndex(columns);
          const places = build(rows, at, new Map());
          const fast = buildRaw(rows, at);
          expect(fast).toStrictEqual(places);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(places));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

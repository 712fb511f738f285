import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RecordSourceError } from "../app/ports/record-source-error.ts";
import { cellOf, readCsvRows } from "./csv-rows.ts";

const dir = mkdtempSync(join(tmpdir(), "facteur-csv-"));
const columns = { required: ["customer_number", "legal_name"], optional: ["country"] };

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A row as its line, its fields by column and its problem, to compare whole. */
type ReadRow = { line: number; values: Record<string, string | undefined>; problem?: string };

async function rows(path: string): Promise<ReadRow[]> {
  const out: ReadRow[] = [];
  for await (const row of readCsvRows(path, columns)) {
    const values = Object.fromEntries([...row.columns.keys()].map((column) => [column, cellOf(row, column)]));
    out.push({ line: row.line, values, ...(row.problem !== undefined ? { problem: row.problem } : {}) });
  }
  return out;
}

async function failure(path: string): Promise<RecordSourceError> {
  try {
    await rows(path);
  } catch (error) {
    if (error instanceof RecordSourceError) return error;
    throw error;
  }
  throw new Error("expected an RecordSourceError");
}

describe("readCsvRows", () => {
  it("reads comma files with a BOM and Windows line endings", async () => {
    const out = await rows(
      file(
        "bom.csv",
        '\uFEFFcustomer_number,legal_name\r\nC1,Société Générale\r\nC2,"Smith, Jones & Co"\r\n',
      ),
    );
    expect(out).toEqual([
      { line: 2, values: { customer_number: "C1", legal_name: "Société Générale" } },
      { line: 3, values: { customer_number: "C2", legal_name: "Smith, Jones & Co" } },
    ]);
  });

  it("detects the semicolon delimiter of Belgian spreadsheet exports and normalises header spelling", async () => {
    const out = await rows(file("semi.csv", "Customer Number;Legal-Name;COUNTRY\nC1;Acme;BE\n"));
    expect(out[0]?.values).toEqual({ customer_number: "C1", legal_name: "Acme", country: "BE" });
  });

  it("refuses an empty file", async () => {
    expect((await failure(file("empty.csv", ""))).issue.message).toMatch(/empty/);
  });

  it("refuses a header without data rows", async () => {
    expect((await failure(file("header.csv", "customer_number,legal_name\n"))).issue.message).toMatch(
      /no data rows/,
    );
  });

  it("names missing and unknown columns", async () => {
    const error = await failure(file("cols.csv", "customer_number,legal_nam\nC1,Acme\n"));
    expect(error.issue).toMatchObject({ source: "cols.csv", at: "1" });
    expect(error.issue.message).toMatch(/missing required column\(s\): legal_name/);
    expect(error.issue.message).toMatch(/unknown column\(s\): legal_nam/);
  });

  it("flags each row with a missing or extra delimiter and goes on reading", async () => {
    const out = await rows(file("short.csv", "customer_number,legal_name\nC1,Acme\nC2\nC3,Foo\nC4,1,5\n"));
    expect(out.map((r) => [r.line, r.problem !== undefined])).toEqual([
      [2, false],
      [3, true],
      [4, false],
      [5, true],
    ]);
    expect(out[1]?.problem).toMatch(/1 fields where the header has 2/);
    // A short row's missing field reads as empty; an extra one is dropped.
    expect(out[1]?.values).toEqual({ customer_number: "C2", legal_name: "" });
    expect(out[3]?.values).toEqual({ customer_number: "C4", legal_name: "1" });
  });

  it("names the line each row ends on, across quoted line breaks, empty lines and thousands of rows", async () => {
    let text = 'customer_number,legal_name\nC1,"Two\nlines"\n\nC2,Acme\n';
    for (let i = 3; i <= 3000; i++) text += `C${i},Name ${i}\n`;
    const out = await rows(file("lines.csv", text));
    expect(out.slice(0, 3).map((r) => [r.values.customer_number, r.line])).toEqual([
      ["C1", 3],
      ["C2", 5],
      ["C3", 6],
    ]);
    expect(out.at(-1)).toEqual({ line: 3003, values: { customer_number: "C3000", legal_name: "Name 3000" } });
    expect(out.every((r, i) => i < 2 || r.line === i + 4)).toBe(true);
  });

  it("refuses Latin-1 text and names the line of the first bad byte", async () => {
    const latin1 = Buffer.from("customer_number,legal_name\nC1,Acme\nC2,Soci\xe9t\xe9\n", "latin1");
    const error = await failure(file("latin1.csv", latin1));
    expect(error.issue.at).toBe("3");
    expect(error.issue.message).toMatch(/not UTF-8/);
  });

  it("refuses a binary blob quickly instead of reading it as one giant row", async () => {
    const blob = Buffer.concat([
      Buffer.from("customer_number,legal_name\n"),
      Buffer.alloc(3 * 1024 * 1024, 0x41),
    ]);
    const error = await failure(file("blob.csv", blob));
    expect(error.issue.message).toMatch(/larger than/);
  });
});

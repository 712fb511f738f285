import { basename } from "node:path";
import type { SourcedRecord } from "../app/ports/sourced-record.ts";
import { type CsvRow, readCsvRowBatches } from "./csv-rows.ts";
import { INVOICE_CSV_COLUMNS } from "./invoice-csv-columns.ts";

type Place = { line: number; column: string };

/**
 * Builds one invoice input object from its consecutive rows and, when `places` is given, records which cell fed which
 * field. Places are only needed to report a problem, so {@link assemble} builds them on the first question: they are
 * a map of some sixty entries per invoice, which for a valid file would be pure garbage.
 */
function build(rows: readonly CsvRow[], places: Map<string, Place> | undefined): Record<string, unknown> {
  const first = rows[0] as CsvRow;
  const raw: Record<string, unknown> = {};
  const put = (target: Record<string, unknown>, key: string, path: string, row: CsvRow, column: string) => {
    const value = row.values[column];
    if (value === undefined || value === "") return;
    target[key] = value;
    places?.set(path ? `${path}.${key}` : key, { line: row.line, column });
  };
  put(raw, "number", "", first, "invoice_number");
  put(raw, "kind", "", first, "kind");
  put(raw, "customer", "", first, "customer_number");
  put(raw, "issueDate", "", first, "issue_date");
  put(raw, "dueDate", "", first, "due_date");
  put(raw, "currency", "", first, "currency");
  put(raw, "buyerReference", "", first, "buyer_reference");
  put(raw, "orderReference", "", first, "order_reference");
  put(raw, "structuredCommunication", "", first, "structured_communication");
  put(raw, "prepaid", "", first, "prepaid");
  if (first.values.note) {
    raw.notes = [first.values.note];
    places?.set("notes", { line: first.line, column: "note" });
  }
  if (first.values.preceding_invoice) {
    const preceding: Record<string, unknown> = {};
    put(preceding, "number", "precedingInvoices.0", first, "preceding_invoice");
    put(preceding, "issueDate", "precedingInvoices.0", first, "preceding_invoice_date");
    raw.precedingInvoices = [preceding];
  }
  places?.set("", { line: first.line, column: "invoice_number" });

  const exemptions: Record<string, string> = {};
  raw.lines = rows.map((row, i) => {
    const path = `lines.${i}`;
    const line: Record<string, unknown> = {};
    places?.set(path, { line: row.line, column: "item_name" });
    put(line, "id", path, row, "line_id");
    put(line, "name", path, row, "item_name");
    put(line, "description", path, row, "item_description");
    put(line, "sellersItemId", path, row, "item_id");
    put(line, "quantity", path, row, "quantity");
    put(line, "unitCode", path, row, "unit_code");
    put(line, "price", path, row, "unit_price");
    put(line, "baseQuantity", path, row, "base_quantity");
    put(line, "vatCategory", path, row, "vat_category");
    put(line, "vatRate", path, row, "vat_rate");
    put(line, "orderLineReference", path, row, "order_line_reference");
    for (const [kind, amountColumn, reasonColumn] of [
      ["allowances", "line_allowance_amount", "line_allowance_reason"],
      ["charges", "line_charge_amount", "line_charge_reason"],
    ] as const) {
      if (!row.values[amountColumn] && !row.values[reasonColumn]) continue;
      const entry: Record<string, unknown> = {};
      put(entry, "amount", `${path}.${kind}.0`, row, amountColumn);
      put(entry, "reason", `${path}.${kind}.0`, row, reasonColumn);
      places?.set(`${path}.${kind}.0`, { line: row.line, column: amountColumn });
      line[kind] = [entry];
    }
    const reason = row.values.exemption_reason;
    if (reason) {
      const category = row.values.vat_category || "S";
      exemptions[category] = reason;
      places?.set(`exemptionReasons.${category}`, { line: row.line, column: "exemption_reason" });
    }
    return line;
  });
  if (Object.keys(exemptions).length) raw.exemptionReasons = exemptions;
  return raw;
}

/** How many finished invoice numbers the reader remembers to explain rows that are not consecutive. */
const RECENT_GROUPS = 10_000;

/** One invoice record from its consecutive rows; its places are built when first asked for. */
function assemble(source: string, rows: readonly CsvRow[]): SourcedRecord {
  const first = rows[0] as CsvRow;
  let places: Map<string, Place> | undefined;
  return {
    source,
    raw: build(rows, undefined),
    locate: (path) => {
      if (places === undefined) {
        places = new Map();
        build(rows, places);
      }
      for (let n = path.length; n >= 0; n--) {
        const place = places.get(path.slice(0, n).map(String).join("."));
        if (place) return { at: String(place.line), field: place.column };
      }
      return { at: String(first.line) };
    },
  };
}

/**
 * Streams invoices from an invoice CSV file (one row per line, consecutive rows per invoice), each as a record that
 * the shared invoice schema validates and whose errors point at line and column. An invoice number that reappears
 * after other invoices is reported, since its rows would otherwise be split into two invoices.
 */
export async function* readInvoiceCsvRecords(path: string): AsyncGenerator<SourcedRecord> {
  const source = basename(path);
  let group: CsvRow[] = [];
  // The numbers of the last groups read, oldest first. Rows out of order are nearly always close together; a number
  // repeated further apart is refused by the import as appearing twice. A set of every number would grow with the file.
  const finished = new Set<string>();
  for await (const batch of readCsvRowBatches(path, INVOICE_CSV_COLUMNS)) {
    for (const row of batch) {
      if (row.problem) {
        yield { source, raw: undefined, locate: () => ({ at: String(row.line) }), unreadable: row.problem };
        continue;
      }
      const number = row.values.invoice_number ?? "";
      const current = group[0]?.values.invoice_number;
      if (group.length && number !== current) {
        finished.add(current ?? "");
        if (finished.size > RECENT_GROUPS) finished.delete(finished.values().next().value as string);
        yield assemble(source, group);
        group = [];
      }
      if (group.length === 0 && finished.has(number)) {
        yield {
          source,
          raw: undefined,
          locate: () => ({ at: String(row.line), field: "invoice_number" }),
          unreadable: `the rows of invoice ${number} must be consecutive; it appeared before`,
        };
        continue;
      }
      group.push(row);
    }
  }
  if (group.length) yield assemble(source, group);
}

import { basename } from "node:path";
import type { SourcedRecord } from "../app/ports/sourced-record.ts";
import { type CsvRow, cellOf, readCsvRows } from "./csv-rows.ts";

const FIELDS = {
  customer_number: "number",
  legal_name: "legalName",
  enterprise_number: "enterpriseNumber",
  vat_number: "vatNumber",
  peppol_id: "peppolId",
  language: "language",
  channel: "preferredChannel",
  payment_terms_days: "paymentTermsDays",
} as const;

const ADDRESS = {
  street: "street",
  additional_street: "additionalStreet",
  city: "city",
  postal_code: "postalCode",
  country_subdivision: "countrySubdivision",
  country: "country",
} as const;

/** Recipient columns: each holds one or more addresses, separated by ';' or ',' (`Marie Dupont <marie@x.be>; ...`). */
const RECIPIENTS = {
  invoice_mailbox: "invoice-mailbox",
  person_emails: "person",
  copy_emails: "copy",
  reminder_emails: "reminders",
} as const;

/** Required and optional columns of the customer CSV format. */
export const CUSTOMER_CSV_COLUMNS = {
  required: ["customer_number", "legal_name", "language", "country"],
  optional: [...Object.keys(FIELDS), ...Object.keys(ADDRESS), ...Object.keys(RECIPIENTS)].filter(
    (c) => !["customer_number", "legal_name", "language", "country"].includes(c),
  ),
};

/** Splits `Name <addr>; addr2` into recipients. A comma inside a display name is not supported in CSV cells. */
function splitAddresses(cell: string): { email: string; name?: string }[] {
  return cell
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(.*?)\s*<([^<>]*)>$/.exec(part);
      if (!match) return { email: part };
      const name = (match[1] ?? "").replace(/^"|"$/g, "").trim();
      return { email: (match[2] ?? "").trim(), ...(name ? { name } : {}) };
    });
}

function assemble(source: string, row: CsvRow): SourcedRecord {
  const raw: Record<string, unknown> = {};
  const address: Record<string, unknown> = {};
  const columnOf = new Map<string, string>();
  for (const [column, field] of Object.entries(FIELDS)) {
    const v = cellOf(row, column);
    if (v) raw[field] = v;
    columnOf.set(field, column);
  }
  for (const [column, field] of Object.entries(ADDRESS)) {
    const v = cellOf(row, column);
    if (v) address[field] = v;
    columnOf.set(`address.${field}`, column);
  }
  raw.address = address;
  const present = Object.keys(RECIPIENTS).some((c) => row.columns.has(c));
  if (present) {
    const recipients: unknown[] = [];
    for (const [column, role] of Object.entries(RECIPIENTS)) {
      for (const r of splitAddresses(cellOf(row, column) ?? "")) {
        columnOf.set(`recipients.${recipients.length}`, column);
        recipients.push({ role, ...r });
      }
    }
    raw.recipients = recipients;
  }
  return {
    source,
    raw,
    locate: (path) => {
      for (let n = path.length; n > 0; n--) {
        const column = columnOf.get(path.slice(0, n).map(String).join("."));
        if (column) return { at: String(row.line), field: column };
      }
      return { at: String(row.line) };
    },
  };
}

/** Streams customers from a customer CSV file, one row per customer, errors pointing at line and column. */
export async function* readCustomerCsvRecords(path: string): AsyncGenerator<SourcedRecord> {
  const source = basename(path);
  for await (const row of readCsvRows(path, CUSTOMER_CSV_COLUMNS)) {
    yield row.problem
      ? { source, raw: undefined, locate: () => ({ at: String(row.line) }), unreadable: row.problem }
      : assemble(source, row);
  }
}

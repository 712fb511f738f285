import type { Kysely, Transaction } from "kysely";
import type { InvoiceSummary } from "../../app/ports/invoice-store.ts";
import type { Customer } from "../../core/customer/customer.ts";
import type { Recipient } from "../../core/customer/recipient.ts";
import { customerFromRow } from "../customers/customer-mapper.ts";
import type { Database } from "../database.ts";
import { invoiceSummaryFromRow } from "../invoices/invoice-mapper.ts";
import { recipientFromRow } from "../recipients/recipient-mapper.ts";

/** Values per IN list: far below both engines' parameter limits. */
const IN_CHUNK = 500;

async function chunked<T, R>(items: readonly T[], run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const result: R[] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) result.push(...(await run(items.slice(i, i + IN_CHUNK))));
  return result;
}

/** The invoices among `numbers`, as summaries (the content is not needed to decide what to send). */
export async function invoicesByNumber(
  trx: Transaction<Database>,
  numbers: readonly string[],
): Promise<InvoiceSummary[]> {
  const rows = await chunked(numbers, (chunk) =>
    trx.selectFrom("invoices").selectAll().where("number", "in", chunk).execute(),
  );
  return rows.map(invoiceSummaryFromRow);
}

/** The customers among `numbers`, by number. */
export async function customersByNumber(
  trx: Transaction<Database>,
  numbers: readonly string[],
): Promise<Map<string, Customer>> {
  const rows = await chunked(numbers, (chunk) =>
    trx.selectFrom("customers").selectAll().where("number", "in", chunk).execute(),
  );
  return new Map(rows.map((row) => [row.number, customerFromRow(row)]));
}

/** Every recipient of these customers (oldest first), grouped by customer number. */
export async function recipientsOf(
  db: Kysely<Database>,
  customerNumbers: readonly string[],
): Promise<Map<string, Recipient[]>> {
  const rows = await chunked(customerNumbers, (chunk) =>
    db
      .selectFrom("recipients")
      .selectAll()
      .where("customer_number", "in", chunk)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
  );
  const grouped = new Map<string, Recipient[]>();
  for (const row of rows) {
    const recipient = recipientFromRow(row);
    const list = grouped.get(recipient.customerNumber);
    if (list === undefined) grouped.set(recipient.customerNumber, [recipient]);
    else list.push(recipient);
  }
  return grouped;
}

/** Numbers of issued invoices that have no delivery at all, in number order, one page. */
export async function unsentInvoices(
  db: Kysely<Database>,
  query: {
    readonly customerNumber?: string;
    readonly from?: string;
    readonly to?: string;
    readonly after?: string;
    readonly limit: number;
  },
): Promise<string[]> {
  let select = db
    .selectFrom("invoices")
    .select("invoices.number")
    .where("invoices.status", "=", "issued")
    .where("invoices.number", "is not", null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("deliveries")
            .select("deliveries.id")
            .whereRef("deliveries.invoice_id", "=", "invoices.id"),
        ),
      ),
    );
  if (query.customerNumber !== undefined)
    select = select.where("invoices.customer_number", "=", query.customerNumber);
  if (query.from !== undefined) select = select.where("invoices.issue_date", ">=", query.from);
  if (query.to !== undefined) select = select.where("invoices.issue_date", "<=", query.to);
  if (query.after !== undefined) select = select.where("invoices.number", ">", query.after);
  const rows = await select.orderBy("invoices.number").limit(query.limit).execute();
  return rows.map((row) => row.number).filter((n): n is string => n !== null);
}

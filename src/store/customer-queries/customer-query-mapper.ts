import type { Insertable, Selectable } from "kysely";
import { AppError } from "../../core/errors/app-error.ts";
import { type CustomerQuery, QUERY_SOURCES } from "../../core/queries/customer-query.ts";
import { fromDbCode, fromDbInstant, toDbInstant } from "../db-values.ts";
import type { CustomerQueriesTable } from "../tables/customer-queries.ts";

/** A new query as a row: the settlement columns are written later, once. */
export function queryToRow(query: CustomerQuery): Insertable<CustomerQueriesTable> {
  return {
    id: query.id,
    invoice_id: query.invoiceId,
    invoice_number: query.invoiceNumber,
    customer_number: query.customerNumber,
    opened_at: toDbInstant(query.openedAt),
    opened_by: query.openedBy,
    source: query.source,
    response_message_id: query.responseMessageId,
    reason: query.reason,
    settled_at: null,
    settled_by: null,
    settlement_note: null,
  };
}

/** A row back into the query; the CHECK constraint makes the three settlement columns null or set together. */
export function queryFromRow(row: Selectable<CustomerQueriesTable>): CustomerQuery {
  const { settled_at: at, settled_by: by, settlement_note: note } = row;
  if ((at === null) !== (by === null) || (at === null) !== (note === null))
    throw new AppError("integrity-violation", `customer_queries ${row.id} holds half a settlement`);
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
    customerNumber: row.customer_number,
    openedAt: fromDbInstant(row.opened_at, "customer_queries.opened_at"),
    openedBy: row.opened_by,
    source: fromDbCode(row.source, QUERY_SOURCES, "customer_queries.source"),
    responseMessageId: row.response_message_id,
    reason: row.reason,
    settlement:
      at === null || by === null || note === null
        ? null
        : { at: fromDbInstant(at, "customer_queries.settled_at"), by, note },
  };
}

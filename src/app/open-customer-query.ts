import type { AuditActor } from "../core/audit/audit-entry.ts";
import { AppError } from "../core/errors/app-error.ts";
import type { CustomerQuery } from "../core/queries/customer-query.ts";
import { queryOpenedEntry } from "../core/queries/query-audit.ts";
import type { CustomerQueryStore } from "./ports/customer-queries.ts";

export interface OpenCustomerQueryDeps {
  readonly store: CustomerQueryStore;
  readonly now: () => Date;
  /** Who runs the command, for the audit trail. */
  readonly actor: AuditActor;
}

/**
 * Opens a query on an issued invoice by hand (a customer called, wrote, disputes it): one transaction writes the
 * query and its audit entry. Refused with `not-found` for an unknown invoice and with `conflict` while the invoice has
 * an open query (one dispute at a time: settle it first), and with `invalid-input` without a reason or a name.
 */
export async function openCustomerQuery(
  deps: OpenCustomerQueryDeps,
  input: { readonly invoiceNumber: string; readonly reason: string; readonly by: string },
): Promise<CustomerQuery> {
  const reason = input.reason.trim();
  const by = input.by.trim();
  if (reason === "") throw new AppError("invalid-input", "say why the query is opened (--reason)");
  if (by === "") throw new AppError("invalid-input", "say who opens the query (--by)");
  return deps.store.transaction(async (unit) => {
    const invoice = await unit.getInvoice(input.invoiceNumber);
    if (invoice === null || invoice.number === null)
      throw new AppError("not-found", `no invoice ${input.invoiceNumber}`);
    await unit.lockInvoice(invoice.id);
    const { queries } = await unit.listQueries({ invoiceId: invoice.id, open: true, limit: 1 });
    const [open] = queries;
    if (open !== undefined)
      throw new AppError(
        "conflict",
        `invoice ${invoice.number} has an open query already: ${open.id}, opened ${open.openedAt.toISOString()} by ${open.openedBy}; settle it first`,
      );
    const query: CustomerQuery = {
      id: await unit.nextQueryId(),
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      customerNumber: invoice.customerNumber,
      openedAt: deps.now(),
      openedBy: by,
      source: "manual",
      responseMessageId: null,
      reason,
      settlement: null,
    };
    await unit.insertQuery(query);
    await unit.audit.append([queryOpenedEntry(query, deps.actor)]);
    return query;
  });
}

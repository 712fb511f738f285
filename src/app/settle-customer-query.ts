import type { AuditActor } from "../core/audit/audit-entry.ts";
import { AppError } from "../core/errors/app-error.ts";
import { type CustomerQuery, checkSettlement } from "../core/queries/customer-query.ts";
import { querySettledEntry } from "../core/queries/query-audit.ts";
import type { CustomerQueryStore } from "./ports/customer-queries.ts";

export interface SettleCustomerQueryDeps {
  readonly store: CustomerQueryStore;
  readonly now: () => Date;
  /** Who runs the command, for the audit trail. */
  readonly actor: AuditActor;
}

/**
 * Settles a query once, with who settled it and how: the settlement and its audit entry commit together. A query
 * settled already is refused with `conflict` (the database refuses a second settlement too, whoever asks), an
 * unknown one with `not-found`.
 */
export async function settleCustomerQuery(
  deps: SettleCustomerQueryDeps,
  input: { readonly id: string; readonly by: string; readonly note: string },
): Promise<CustomerQuery> {
  return deps.store.transaction(async (unit) => {
    const query = await unit.getQuery(input.id);
    if (query === null) throw new AppError("not-found", `no query ${input.id}`);
    const checked = checkSettlement(query, { at: deps.now(), by: input.by, note: input.note });
    if (!checked.ok)
      throw new AppError(query.settlement === null ? "invalid-input" : "conflict", checked.error);
    await unit.settleQuery(query.id, checked.value);
    await unit.audit.append([querySettledEntry(query, checked.value, deps.actor)]);
    return { ...query, settlement: checked.value };
  });
}

import type { StatusMessage } from "../peppol/status-message.ts";
import { err, ok, type Result } from "../result.ts";

/** How a query was opened: by the buyer's Invoice Response "under query", or by a person. */
export const QUERY_SOURCES = ["peppol-invoice-response", "manual"] as const;
export type QuerySource = (typeof QUERY_SOURCES)[number];

/** How a query was settled: once, by someone, with a note. */
export interface QuerySettlement {
  readonly at: Date;
  readonly by: string;
  readonly note: string;
}

/** A customer's query on an invoice: opened once, settled at most once. */
export interface CustomerQuery {
  /** `Q-000001`. */
  readonly id: string;
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly customerNumber: string;
  readonly openedAt: Date;
  /** `cli:<login>`, or `peppol:<participant>` for an Invoice Response. */
  readonly openedBy: string;
  readonly source: QuerySource;
  /** The MessageId of the Invoice Response that opened it; null when opened by hand. */
  readonly responseMessageId: string | null;
  readonly reason: string;
  readonly settlement: QuerySettlement | null;
}

/** The id of the n-th query: `Q-` and at least six digits. */
export function queryId(n: bigint): string {
  return `Q-${n.toString().padStart(6, "0")}`;
}

/** How long the query was open: until its settlement, or until `now` while it is open. */
export function openForMs(query: Pick<CustomerQuery, "openedAt" | "settlement">, now: Date): number {
  const until = query.settlement?.at ?? now;
  return Math.max(until.getTime() - query.openedAt.getTime(), 0);
}

/**
 * Checks a settlement before it is written: a query is settled once, by someone, with a note saying how, and not
 * before it was opened. The error says which.
 */
export function checkSettlement(
  query: CustomerQuery,
  settlement: QuerySettlement,
): Result<QuerySettlement, string> {
  if (query.settlement !== null)
    return err(
      `query ${query.id} was settled already on ${query.settlement.at.toISOString()} by ${query.settlement.by}; a query is settled once`,
    );
  if (settlement.by.trim() === "") return err("say who settles the query (--by)");
  if (settlement.note.trim() === "") return err("say how the query was settled (--note)");
  if (settlement.at < query.openedAt)
    return err(
      `query ${query.id} was opened on ${query.openedAt.toISOString()}, after ${settlement.at.toISOString()}`,
    );
  return ok({ at: settlement.at, by: settlement.by.trim(), note: settlement.note.trim() });
}

/**
 * The reason of a query opened by an Invoice Response: its description, then each status reason with its code and
 * the conditions (the business term and value the buyer questions), so that the query says what the buyer said.
 */
export function queryReasonOf(message: StatusMessage): string {
  const reasons = (message.issues ?? []).map((issue) => {
    const code = [issue.reasonListId, issue.reasonCode].filter((p) => p !== undefined).join(" ");
    const conditions = issue.conditions
      .map((c) => (c.description === undefined ? c.attributeId : `${c.attributeId} ${c.description}`))
      .join(", ");
    return [code, issue.description, conditions === "" ? undefined : `(${conditions})`]
      .filter((p) => p !== undefined && p !== "")
      .join(" ");
  });
  const parts = [message.description, ...reasons].filter((p): p is string => p !== undefined && p !== "");
  const said = parts.length === 0 ? "no reason given" : parts.join("; ");
  return `Invoice Response ${message.responseId} ${message.responseCode} (under query): ${said}`;
}

import type { Kysely } from "kysely";
import type {
  ChannelDecisionLog,
  ChannelDecisionToRecord,
  HeldInvoice,
  RecordedChannelDecision,
} from "../../app/ports/channel-decision-log.ts";
import type { Database } from "../database.ts";
import { channelDecisionFromRow, channelDecisionToRow } from "./channel-decision-mapper.ts";

/** Appends decisions (inside the caller's transaction when given one). */
export async function insertChannelDecisions(
  db: Kysely<Database>,
  decisions: readonly ChannelDecisionToRecord[],
): Promise<void> {
  if (decisions.length === 0) return;
  await db.insertInto("channel_decisions").values(decisions.map(channelDecisionToRow)).execute();
}

/** Every decision of an invoice, oldest first. */
export async function channelDecisionsOf(
  db: Kysely<Database>,
  invoiceNumber: string,
): Promise<RecordedChannelDecision[]> {
  const rows = await db
    .selectFrom("channel_decisions")
    .selectAll()
    .where("invoice_number", "=", invoiceNumber)
    .orderBy("decided_at")
    .orderBy("id")
    .execute();
  return rows.map(channelDecisionFromRow);
}

/**
 * The invoices whose latest decision is a hold. "Latest" is by decision time, then id, so that two decisions in the
 * same millisecond still have one latest.
 */
export async function heldInvoices(
  db: Kysely<Database>,
  query: { readonly after?: string; readonly limit: number },
): Promise<{ readonly invoices: HeldInvoice[]; readonly next: string | null }> {
  let select = db
    .selectFrom("channel_decisions as d")
    .selectAll("d")
    .where("d.outcome", "=", "hold")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("channel_decisions as later")
            .select("later.id")
            .whereRef("later.invoice_id", "=", "d.invoice_id")
            .where((later) =>
              later.or([
                later("later.decided_at", ">", later.ref("d.decided_at")),
                later.and([
                  later("later.decided_at", "=", later.ref("d.decided_at")),
                  later("later.id", ">", later.ref("d.id")),
                ]),
              ]),
            ),
        ),
      ),
    );
  if (query.after !== undefined) select = select.where("d.invoice_number", ">", query.after);
  const rows = await select
    .orderBy("d.invoice_number")
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit).map(channelDecisionFromRow);
  const invoices = page.flatMap((record): HeldInvoice[] =>
    record.decision.kind === "hold"
      ? [
          {
            invoiceId: record.invoiceId,
            invoiceNumber: record.invoiceNumber,
            customerNumber: record.customerNumber,
            heldAt: record.decidedAt,
            reason: record.decision.reason,
            explanation: record.decision.explanation,
            participant: record.participant,
          },
        ]
      : [],
  );
  return { invoices, next: rows.length > query.limit ? (page.at(-1)?.invoiceNumber ?? null) : null };
}

/** The channel decision log on one database. */
export function createChannelDecisionLog(db: Kysely<Database>): ChannelDecisionLog {
  return {
    record: (decisions) => insertChannelDecisions(db, decisions),
    decisionsOf: (invoiceNumber) => channelDecisionsOf(db, invoiceNumber),
    held: (query) => heldInvoices(db, query),
  };
}

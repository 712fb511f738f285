import type { Insertable, Selectable } from "kysely";
import type {
  ChannelDecisionToRecord,
  RecordedChannelDecision,
} from "../../app/ports/channel-decision-log.ts";
import type { JsonObject } from "../../core/audit/json-value.ts";
import { CHANNELS } from "../../core/customer/customer.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { CHANNEL_SCOPES, type ChannelDecision, HOLD_REASONS } from "../../core/peppol/channel-policy.ts";
import { fromDbCode, fromDbInstant, toDbInstant } from "../db-values.ts";
import type { ChannelDecisionsTable } from "../tables/channel-decisions.ts";

/** A decision as a row: the union is flattened into outcome + channel or hold reason, as the CHECK constraint says. */
export function channelDecisionToRow(record: ChannelDecisionToRecord): Insertable<ChannelDecisionsTable> {
  const { decision } = record;
  return {
    id: record.id,
    invoice_id: record.invoiceId,
    invoice_number: record.invoiceNumber,
    customer_number: record.customerNumber,
    decided_at: toDbInstant(record.decidedAt),
    actor: record.actor,
    outcome: decision.kind,
    channel: decision.kind === "send" ? decision.channel : null,
    hold_reason: decision.kind === "hold" ? decision.reason : null,
    scope: decision.scope,
    peppol_required: decision.peppolRequired ? 1n : 0n,
    courtesy_copy: decision.kind === "send" && decision.courtesyCopy !== undefined ? 1n : 0n,
    explanation: decision.explanation,
    participant: record.participant,
    lookup: record.lookup === null ? null : JSON.stringify(record.lookup),
  };
}

function lookupFromRow(text: string | null): JsonObject | null {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AppError("integrity-violation", "channel_decisions.lookup does not hold a JSON object");
  }
  return value as JsonObject;
}

/** A row back into the decision it records. */
export function channelDecisionFromRow(row: Selectable<ChannelDecisionsTable>): RecordedChannelDecision {
  const scope = fromDbCode(row.scope, CHANNEL_SCOPES, "channel_decisions.scope");
  const peppolRequired = row.peppol_required === 1n;
  const decision: ChannelDecision =
    row.outcome === "hold"
      ? {
          kind: "hold",
          reason: fromDbCode(row.hold_reason ?? "", HOLD_REASONS, "channel_decisions.hold_reason"),
          scope,
          peppolRequired,
          explanation: row.explanation,
        }
      : {
          kind: "send",
          channel: fromDbCode(row.channel ?? "", CHANNELS, "channel_decisions.channel"),
          scope,
          peppolRequired,
          ...(row.courtesy_copy === 1n
            ? { courtesyCopy: { channel: "email", legalInvoice: false } as const }
            : {}),
          explanation: row.explanation,
        };
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
    customerNumber: row.customer_number,
    decidedAt: fromDbInstant(row.decided_at, "channel_decisions.decided_at"),
    actor: row.actor,
    decision,
    participant: row.participant,
    lookup: lookupFromRow(row.lookup),
  };
}

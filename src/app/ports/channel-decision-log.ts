import type { JsonObject } from "../../core/audit/json-value.ts";
import type { ChannelDecision, HoldReason } from "../../core/peppol/channel-policy.ts";

/** A channel decision to append, for one issued invoice. */
export interface ChannelDecisionToRecord {
  readonly id: string;
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly customerNumber: string;
  readonly decidedAt: Date;
  /** Who asked: `cli:alice`. */
  readonly actor: string;
  readonly decision: ChannelDecision;
  /** The Peppol participant id looked up, if any. */
  readonly participant: string | null;
  /** What the lookup answered, if one was made. */
  readonly lookup: JsonObject | null;
}

/** A recorded decision, as read back. */
export type RecordedChannelDecision = ChannelDecisionToRecord;

/** An invoice whose latest decision holds it: it waits for someone (or a later lookup) to let it go. */
export interface HeldInvoice {
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly customerNumber: string;
  readonly heldAt: Date;
  readonly reason: HoldReason;
  readonly explanation: string;
  readonly participant: string | null;
}

/** The append-only log of channel decisions. */
export interface ChannelDecisionLog {
  /** Appends decisions; they are never changed afterwards. */
  record(decisions: readonly ChannelDecisionToRecord[]): Promise<void>;
  /** Every decision taken for an invoice, oldest first. */
  decisionsOf(invoiceNumber: string): Promise<readonly RecordedChannelDecision[]>;
  /** The invoices whose latest decision is a hold, in invoice number order, a page at a time. */
  held(query: { readonly after?: string; readonly limit: number }): Promise<{
    readonly invoices: readonly HeldInvoice[];
    readonly next: string | null;
  }>;
}

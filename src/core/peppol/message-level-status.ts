import { latestStatusMessage, type StatusMessage } from "./status-message.ts";

/** What the buyer's access point said of our message: confirmed (AB, AP) or rejected (RE), and by which status. */
export interface MessageLevelOutcome {
  readonly outcome: "confirmed" | "rejected";
  readonly message: StatusMessage;
}

/**
 * The verdict of the Message Level Status (or Message Level Response) messages received for one Peppol delivery:
 * the latest by issue time decides. RE means the receiving access point refused the invoice after its receipt (for
 * instance for validation errors): the buyer does not have it. AB and AP confirm the invoice was taken on.
 * Invoice Responses speak of the invoice, not of the message, and do not count. Undefined when none was received.
 */
export function messageLevelOutcome(messages: readonly StatusMessage[]): MessageLevelOutcome | undefined {
  const latest = latestStatusMessage(messages.filter((m) => m.kind === "mls" || m.kind === "mlr"));
  if (latest === undefined) return undefined;
  return { outcome: latest.status === "rejected" ? "rejected" : "confirmed", message: latest };
}

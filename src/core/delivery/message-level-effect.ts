import type { JsonObject } from "../audit/json-value.ts";
import type { StatusMessage } from "../peppol/status-message.ts";
import type { DeliveryEvent, DeliveryState } from "./delivery-state.ts";
import { statusSaidText } from "./status-message-steps.ts";

/** What a Message Level Status (or Response) does to the Peppol delivery it names. */
export interface MessageLevelEffect {
  readonly event: Extract<DeliveryEvent, "bounce" | "confirm">;
  readonly from: DeliveryState;
  readonly to: DeliveryState;
  readonly evidence: JsonObject;
}

/**
 * The delivery state change an MLS/MLR brings, so that the outbox's own views (the undelivered queue, the delivery
 * summary, resend) see what the buyer's access point said, as they see a bounce for e-mail: RE after our receipt
 * settles the delivery as `bounced` (the access point took the message but refused the invoice: the buyer does not
 * have it), AP as `delivered`. AB (acknowledged, a decision still to come) changes nothing, nor does a status for a
 * delivery that is not `accepted` (not yet acknowledged by receipt, or already settled: settled states are final).
 */
export function messageLevelEffect(
  state: DeliveryState,
  message: Pick<
    StatusMessage,
    "kind" | "status" | "responseId" | "responseCode" | "messageId" | "description" | "issues"
  >,
): MessageLevelEffect | null {
  if (message.kind === "invoice-response" || state !== "accepted") return null;
  const evidence: JsonObject = {
    statusMessage: {
      kind: message.kind,
      responseId: message.responseId,
      responseCode: message.responseCode,
      messageId: message.messageId,
      said: statusSaidText(message),
    },
  };
  if (message.status === "rejected") return { event: "bounce", from: state, to: "bounced", evidence };
  if (message.status === "accepted") return { event: "confirm", from: state, to: "delivered", evidence };
  return null;
}

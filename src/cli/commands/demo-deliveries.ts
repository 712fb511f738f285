import type { Delivery, DeliveryEventRecord } from "../../core/delivery/delivery.ts";
import { isDemoReply } from "../../mail/capture/demo-reply.ts";

function replyText(event: DeliveryEventRecord): string | null {
  const reply = event.evidence.reply;
  if (typeof reply !== "object" || reply === null || !("text" in reply)) return null;
  return typeof reply.text === "string" ? reply.text : null;
}

/**
 * True when the delivery was taken by the demo capture relay: its accept event (or, without a timeline at hand, its
 * last reply) carries the capture relay's words. Such a message never left the machine.
 */
export function isDemoDelivery(delivery: Delivery, timeline?: readonly DeliveryEventRecord[]): boolean {
  if (isDemoReply(delivery.lastReply?.text)) return true;
  return (timeline ?? []).some((e) => e.event === "accept" && isDemoReply(replyText(e)));
}

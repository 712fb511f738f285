import type { BounceReason } from "../types.ts";

/**
 * Is this a hard bounce, a permanent failure of the address itself? An unknown user or domain, or a mailbox that
 * moved, is hard. A destination that accepts no mail is hard when the refusal is permanent (5xx, or no code at all).
 * Everything else (a full mailbox, a filter, a block, a delay) may pass on a later try and is soft.
 */
export function isHardBounce(reason: BounceReason, status: string, replycode: string): boolean {
  if (reason === "userunknown" || reason === "hostunknown" || reason === "hasmoved") return true;
  if (reason !== "notaccept") return false;
  if (status === "" && replycode === "") return true;
  return status.startsWith("5") || replycode.startsWith("5");
}

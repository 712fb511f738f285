import type { Recipient } from "./recipient.ts";

/** True when the customer has an active shared invoice mailbox, which then replaces the individual persons. */
export function hasCentralMailbox(recipients: readonly Recipient[]): boolean {
  return recipients.some((r) => r.status === "active" && r.role === "invoice-mailbox");
}

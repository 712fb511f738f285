import type { Recipient } from "./recipient.ts";

/**
 * Who receives a customer's invoices: the active shared invoice mailbox when there is one (it alone, so the
 * invoice lands once in the customer's accounts payable), otherwise every active `person`. `copy` and `reminders`
 * recipients never become main recipients, even when nobody else is left.
 */
export function mainRecipients(recipients: readonly Recipient[]): readonly Recipient[] {
  const mailbox = recipients.find((r) => r.status === "active" && r.role === "invoice-mailbox");
  if (mailbox !== undefined) return [mailbox];
  return recipients.filter((r) => r.status === "active" && r.role === "person");
}

import { mainRecipients } from "./main-recipients.ts";
import type { Recipient } from "./recipient.ts";
import { sameAddress } from "./same-address.ts";

/**
 * Active `copy` recipients, who get a duplicate marked as a copy. An address that is already a main recipient,
 * or listed twice, is sent one message only.
 */
export function copyRecipients(recipients: readonly Recipient[]): readonly Recipient[] {
  const taken = mainRecipients(recipients).map((r) => r.email);
  const copies: Recipient[] = [];
  for (const recipient of recipients) {
    if (recipient.status !== "active" || recipient.role !== "copy") continue;
    if (taken.some((email) => sameAddress(email, recipient.email))) continue;
    taken.push(recipient.email);
    copies.push(recipient);
  }
  return copies;
}

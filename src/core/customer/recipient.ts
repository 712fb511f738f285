/**
 * Roles an address can play for a customer's invoices.
 * - `invoice-mailbox`: the customer's shared invoice address (invoices@, facture@, factuur@); at most one active.
 * - `person`: a named person who receives invoices when there is no shared mailbox.
 * - `copy`: someone who wants a duplicate; sent marked as a copy, never the main recipient, counted as a duplicate.
 * - `reminders`: who receives payment reminders.
 */
export const RECIPIENT_ROLES = ["invoice-mailbox", "person", "copy", "reminders"] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export const RECIPIENT_STATUSES = ["active", "suspended", "removed"] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

/** One address with one role for one customer. `email` is normalised (domain lower-cased, trimmed). */
export interface Recipient {
  /** Stable id (uuid) so that history survives an address change. */
  readonly id: string;
  readonly customerNumber: string;
  readonly role: RecipientRole;
  readonly email: string;
  /** Display name, e.g. "Marie Dupont"; null for shared mailboxes without a name. */
  readonly name: string | null;
  readonly status: RecipientStatus;
  /** Why the status is what it is (e.g. "bounced: 5.1.1 user unknown", "left the company"). */
  readonly statusReason: string | null;
}

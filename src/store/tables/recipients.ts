/** Row of `recipients`: one address with one role for one customer. */
export interface RecipientsTable {
  /** uuid, stored as text on both engines. */
  id: string;
  customer_number: string;
  /** `invoice-mailbox`, `person`, `copy` or `reminders`. */
  role: string;
  email: string;
  name: string | null;
  /** `active`, `suspended` or `removed`. */
  status: string;
  status_reason: string | null;
  /** ISO-8601 UTC instant. */
  created_at: string;
  /** ISO-8601 UTC instant of the last change. */
  updated_at: string;
}

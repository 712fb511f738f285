import type { Insertable, Selectable } from "kysely";
import { RECIPIENT_ROLES, RECIPIENT_STATUSES, type Recipient } from "../../core/customer/recipient.ts";
import { fromDbCode, toDbInstant } from "../db-values.ts";
import type { RecipientsTable } from "../tables/recipients.ts";

/** A `recipients` row as the domain's Recipient. */
export function recipientFromRow(row: Selectable<RecipientsTable>): Recipient {
  return {
    id: row.id,
    customerNumber: row.customer_number,
    role: fromDbCode(row.role, RECIPIENT_ROLES, "recipients.role"),
    email: row.email,
    name: row.name,
    status: fromDbCode(row.status, RECIPIENT_STATUSES, "recipients.status"),
    statusReason: row.status_reason,
  };
}

/** A new `recipients` row for `recipient`, created at `at`. */
export function recipientToRow(recipient: Recipient, at: Date): Insertable<RecipientsTable> {
  const instant = toDbInstant(at);
  return {
    id: recipient.id,
    customer_number: recipient.customerNumber,
    role: recipient.role,
    email: recipient.email,
    name: recipient.name,
    status: recipient.status,
    status_reason: recipient.statusReason,
    created_at: instant,
    updated_at: instant,
  };
}

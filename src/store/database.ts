import type { AuditLogTable } from "./tables/audit-log.ts";
import type { CustomersTable } from "./tables/customers.ts";
import type { InvoicesTable, SequencesTable } from "./tables/invoices.ts";
import type { RecipientsTable } from "./tables/recipients.ts";

/** The schema facteur's queries are typed against: one entry per table, created by src/store/migrations. */
export interface Database {
  customers: CustomersTable;
  recipients: RecipientsTable;
  audit_log: AuditLogTable;
  invoices: InvoicesTable;
  sequences: SequencesTable;
}

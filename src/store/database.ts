import type { AuditLogTable } from "./tables/audit-log.ts";
import type { ChannelDecisionsTable } from "./tables/channel-decisions.ts";
import type { CustomerQueriesTable } from "./tables/customer-queries.ts";
import type { CustomersTable } from "./tables/customers.ts";
import type {
  ArchivedMessagesTable,
  DeliveriesTable,
  DeliveryEventsTable,
  DeliveryRecipientsTable,
} from "./tables/deliveries.ts";
import type {
  DigestMarksTable,
  InboundMessagesTable,
  PaperFallbacksTable,
} from "./tables/inbound-messages.ts";
import type { InvoiceDocumentsTable } from "./tables/invoice-documents.ts";
import type { InvoicesTable, SequencesTable } from "./tables/invoices.ts";
import type { JobsTable } from "./tables/jobs.ts";
import type { PeppolInboxTable, PeppolResponsesTable } from "./tables/peppol-inbox.ts";
import type {
  PeppolOutgoingResponsesTable,
  PeppolReceivedInvoicesTable,
} from "./tables/peppol-outgoing-responses.ts";
import type { RecipientsTable } from "./tables/recipients.ts";

/** The schema facteur's queries are typed against: one entry per table, created by src/store/migrations. */
export interface Database {
  customers: CustomersTable;
  recipients: RecipientsTable;
  audit_log: AuditLogTable;
  invoices: InvoicesTable;
  sequences: SequencesTable;
  archived_messages: ArchivedMessagesTable;
  deliveries: DeliveriesTable;
  delivery_recipients: DeliveryRecipientsTable;
  delivery_events: DeliveryEventsTable;
  jobs: JobsTable;
  invoice_documents: InvoiceDocumentsTable;
  inbound_messages: InboundMessagesTable;
  paper_fallbacks: PaperFallbacksTable;
  digest_marks: DigestMarksTable;
  channel_decisions: ChannelDecisionsTable;
  peppol_inbox: PeppolInboxTable;
  peppol_responses: PeppolResponsesTable;
  peppol_received_invoices: PeppolReceivedInvoicesTable;
  peppol_outgoing_responses: PeppolOutgoingResponsesTable;
  customer_queries: CustomerQueriesTable;
}

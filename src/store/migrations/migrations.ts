import type { Migration } from "kysely";
import * as customers from "./0001-customers.ts";
import * as recipients from "./0002-recipients.ts";
import * as auditLog from "./0003-audit-log.ts";
import * as invoices from "./0004-invoices.ts";
import * as deliveries from "./0005-deliveries.ts";
import * as jobs from "./0006-jobs.ts";
import * as invoiceDocuments from "./0007-invoice-documents.ts";
import * as bounces from "./0008-bounces.ts";
import * as channelDecisions from "./0009-channel-decisions.ts";
import * as peppolInbox from "./0010-peppol-inbox.ts";
import * as peppolDeliveries from "./0011-peppol-deliveries.ts";
import * as courtesyCopies from "./0012-courtesy-copies.ts";
import * as customerQueries from "./0013-customer-queries.ts";
import * as peppolOutgoingResponses from "./0014-peppol-outgoing-responses.ts";
import * as peppolInboxRequests from "./0015-peppol-inbox-requests.ts";

/**
 * Every migration, by name, in the order they apply. A static list (not a folder scan) so that the set is checked by
 * the compiler and works from any working directory. Forward only: no `down`, because undoing the audit log's
 * migration would destroy the evidence it exists to keep. A new migration gets the next number; an applied one is
 * never edited.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  "0001-customers": customers,
  "0002-recipients": recipients,
  "0003-audit-log": auditLog,
  "0004-invoices": invoices,
  "0005-deliveries": deliveries,
  "0006-jobs": jobs,
  "0007-invoice-documents": invoiceDocuments,
  "0008-bounces": bounces,
  "0009-channel-decisions": channelDecisions,
  "0010-peppol-inbox": peppolInbox,
  "0011-peppol-deliveries": peppolDeliveries,
  "0012-courtesy-copies": courtesyCopies,
  "0013-customer-queries": customerQueries,
  "0014-peppol-outgoing-responses": peppolOutgoingResponses,
  "0015-peppol-inbox-requests": peppolInboxRequests,
};

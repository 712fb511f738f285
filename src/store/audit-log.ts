import type { Kysely } from "kysely";
import type { AuditChainReader, AuditHistoryReader } from "../app/ports/audit-log.ts";
import { auditHistory } from "./audit/audit-history.ts";
import { readAuditChain } from "./audit/read-audit-chain.ts";
import type { Database } from "./database.ts";

/** The audit trail's read ports over `db`; appending goes through a unit of work (see customer-store.ts). */
export function createAuditLog(db: Kysely<Database>): AuditChainReader & AuditHistoryReader {
  return {
    readChain: () => readAuditChain(db),
    history: (entity) => auditHistory(db, entity),
  };
}

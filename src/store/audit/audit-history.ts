import type { Kysely } from "kysely";
import type { AuditEntity, AuditRecord } from "../../core/audit/audit-entry.ts";
import type { Database } from "../database.ts";
import { recordFromSealed, sealedFromRow } from "./audit-mapper.ts";

/**
 * The records about `entity` in the order they were appended. For a customer, the records about its recipients are
 * included, found through the recipients table (recipients are never deleted, only given the status `removed`, so
 * their history stays reachable).
 */
export async function auditHistory(db: Kysely<Database>, entity: AuditEntity): Promise<AuditRecord[]> {
  const rows = await db
    .selectFrom("audit_log")
    .selectAll()
    .where((eb) => {
      const own = eb.and([eb("entity_type", "=", entity.type), eb("entity_id", "=", entity.id)]);
      if (entity.type !== "customer") return own;
      const recipientIds = eb.selectFrom("recipients").select("id").where("customer_number", "=", entity.id);
      return eb.or([own, eb.and([eb("entity_type", "=", "recipient"), eb("entity_id", "in", recipientIds)])]);
    })
    .orderBy("seq")
    .execute();
  return rows.map((row) => recordFromSealed(sealedFromRow(row)));
}

import type { AuditEntity, AuditEntry, AuditRecord } from "../../core/audit/audit-entry.ts";
import type { SealedAuditRecord } from "../../core/audit/audit-hash.ts";

/** Appends to the audit trail as part of the caller's unit of work: the entries commit or vanish with the change. */
export interface AuditAppender {
  /** Appends `entries` in order, after the current head of the chain, and returns them as sealed records. */
  append(entries: readonly AuditEntry[]): Promise<readonly AuditRecord[]>;
}

/** Reads the whole chain for verification. */
export interface AuditChainReader {
  /** Every record as stored, in seq order, read a page at a time so memory stays constant whatever the length. */
  readChain(): AsyncIterable<SealedAuditRecord>;
}

/** Reads what happened to one entity. */
export interface AuditHistoryReader {
  /**
   * The records about `entity` in the order they were appended; for a customer, the records about its recipients
   * too, so that the result reads as the customer's timeline.
   */
  history(entity: AuditEntity): Promise<readonly AuditRecord[]>;
}

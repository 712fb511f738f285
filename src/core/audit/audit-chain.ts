import { GENESIS_HASH, hashAuditRecord, type SealedAuditRecord } from "./audit-hash.ts";

/** Why a record breaks the chain. */
export type AuditChainBreak = "seq-gap" | "prev-hash-mismatch" | "hash-mismatch";

/** The first problem found with one record. */
export interface AuditLinkProblem {
  readonly reason: AuditChainBreak;
  /** A sentence for the operator, with the values that disagree. */
  readonly detail: string;
}

/** The end of the chain checked so far: what the next record must follow. */
export interface AuditChainHead {
  readonly seq: number;
  readonly hash: string;
}

/**
 * Checks that `record` follows `previous` (null before the first record): the next sequence number, the previous
 * record's hash as its `prevHash`, and a hash that matches its content. Returns the first problem, or null.
 */
export function checkAuditLink(
  previous: AuditChainHead | null,
  record: SealedAuditRecord,
): AuditLinkProblem | null {
  const expectedSeq = previous === null ? 1 : previous.seq + 1;
  if (record.seq !== expectedSeq) {
    return { reason: "seq-gap", detail: `expected seq ${expectedSeq}, found seq ${record.seq}` };
  }
  const expectedPrevHash = previous === null ? GENESIS_HASH : previous.hash;
  if (record.prevHash !== expectedPrevHash) {
    return {
      reason: "prev-hash-mismatch",
      detail: `prevHash ${record.prevHash} does not match the hash of the record before it (${expectedPrevHash})`,
    };
  }
  const { hash, ...unsealed } = record;
  const recomputed = hashAuditRecord(unsealed);
  if (hash !== recomputed) {
    return {
      reason: "hash-mismatch",
      detail: `stored hash ${hash} does not match the content, which hashes to ${recomputed}`,
    };
  }
  return null;
}

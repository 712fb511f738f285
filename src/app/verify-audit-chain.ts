import { type AuditChainBreak, type AuditChainHead, checkAuditLink } from "../core/audit/audit-chain.ts";
import type { AuditChainReader } from "./ports/audit-log.ts";

/** The verdict on the audit chain: intact with its length and head, or the first record that breaks it. */
export type AuditChainVerification =
  | {
      readonly ok: true;
      readonly count: number;
      /** Hash of the last record (null for an empty log): publish it to detect later truncation or rewriting. */
      readonly headHash: string | null;
    }
  | { readonly ok: false; readonly seq: number; readonly reason: AuditChainBreak; readonly detail: string };

/**
 * Walks the audit chain from the first record in seq order, one record at a time (constant memory), and stops at the
 * first record whose seq, prevHash or hash does not follow. A record rewritten with a recomputed hash shows up as a
 * prevHash mismatch on the record after it; removing records from the end leaves an intact, shorter chain, which only a
 * head hash kept elsewhere can reveal.
 */
export async function verifyAuditChain(deps: {
  readonly auditChain: AuditChainReader;
}): Promise<AuditChainVerification> {
  let head: AuditChainHead | null = null;
  let count = 0;
  for await (const record of deps.auditChain.readChain()) {
    const problem = checkAuditLink(head, record);
    if (problem !== null) return { ok: false, seq: record.seq, ...problem };
    head = { seq: record.seq, hash: record.hash };
    count += 1;
  }
  return { ok: true, count, headHash: head?.hash ?? null };
}

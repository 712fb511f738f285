import type { Kysely } from "kysely";
import type { SealedAuditRecord } from "../../core/audit/audit-hash.ts";
import type { Database } from "../database.ts";
import { sealedFromRow } from "./audit-mapper.ts";

const DEFAULT_PAGE_SIZE = 1000;

/**
 * Every audit record as stored, in seq order, fetched `pageSize` rows at a time by keyset (`seq > last`), so memory
 * stays constant whatever the length of the log and each page is one short query on either engine.
 */
export async function* readAuditChain(
  db: Kysely<Database>,
  pageSize: number = DEFAULT_PAGE_SIZE,
): AsyncGenerator<SealedAuditRecord> {
  let after: bigint | null = null;
  for (;;) {
    let select = db.selectFrom("audit_log").selectAll().orderBy("seq").limit(pageSize);
    if (after !== null) select = select.where("seq", ">", after);
    const rows = await select.execute();
    for (const row of rows) yield sealedFromRow(row);
    const last = rows.at(-1);
    if (last === undefined || rows.length < pageSize) return;
    after = last.seq;
  }
}

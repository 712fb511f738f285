import type { AuditActor } from "../core/audit/audit-entry.ts";
import type { InputIssue } from "../core/errors/app-error.ts";
import { contentSha256 } from "../core/invoice/content-sha256.ts";
import { allOrNothing, type ImportReport, MAX_REPORTED_ISSUES } from "./import-outcome.ts";
import {
  type InvoiceCreationAudit,
  type InvoiceStage,
  STAGED,
  STAGED_INVOICE_FIELDS,
  type StagedBatch,
  type StagedConflict,
  type StartInvoiceStage,
} from "./ports/invoice-stage.ts";
import type { Store, UnitOfWork } from "./ports/store.ts";

/** The counter the generated structured communications (OGM) are numbered from. */
const OGM_SEQUENCE = "structured-communication";
const WIDTH = STAGED_INVOICE_FIELDS.length;

export interface ImportInvoicesDeps {
  readonly store: Store;
  readonly now: () => Date;
  /** New ids for invoices (uuid v4 in production, predictable in tests). */
  readonly newId: () => string;
}

export interface ImportInvoicesOptions {
  /** The validation stage over the file's records (src/cli composes it, in this thread or another). */
  readonly stage: StartInvoiceStage;
  /** The file name, for the report and the audit actor. */
  readonly source: string;
  /** Who runs the import; recorded in the audit log next to the file. */
  readonly actor: AuditActor;
  /** Called every few hundred records with the count read so far. */
  readonly onProgress?: (read: number) => void;
}

/**
 * Imports invoices issued by the ERP (they carry their numbers) all or nothing. The stage validates every record and
 * collects every problem with its place; this side only writes, in one transaction, and commits only a file without
 * problems. Re-importing the same file changes nothing; an invoice number that already holds different content is
 * refused. Each created invoice is audited with the file as actor. The stage runs at most a couple of batches ahead
 * of the writes, so memory stays bounded whatever the size of the file.
 */
export async function importInvoices(
  deps: ImportInvoicesDeps,
  options: ImportInvoicesOptions,
): Promise<ImportReport> {
  const issues: InputIssue[] = [];
  let read = 0;
  let created = 0;
  let unchanged = 0;
  const addIssue = (issue: InputIssue) => {
    if (issues.length < MAX_REPORTED_ISSUES) issues.push(issue);
  };
  const at = deps.now().toISOString();
  // The fields every creation record of the file shares; the stage adds each invoice's number and snapshot.
  const audit: InvoiceCreationAudit = {
    at,
    actorKind: "import",
    actorId: `${options.source} (${options.actor.kind}:${options.actor.id})`,
    entityType: "invoice",
    field: null,
    action: "create",
    oldValue: null,
    reason: null,
  };

  /** Saves a staged batch and audits what it created; returns the invoices refused as conflicts. */
  const write = async (unit: UnitOfWork, batch: StagedBatch): Promise<readonly StagedConflict[]> => {
    const { count, values, audited, auditHeads } = batch.invoices;
    if (count === 0) return [];
    for (let i = 0; i < count; i++) {
      values[i * WIDTH + STAGED.id] = deps.newId();
      values[i * WIDTH + STAGED.contentSha256] = contentSha256(values[i * WIDTH + STAGED.content] as string);
    }
    const outcome = await unit.saveStagedInvoices(batch.invoices);
    unchanged += outcome.unchanged.length;
    const skipped = new Set([...outcome.unchanged, ...outcome.conflicts.map((c) => c.index)]);
    const entityIds: string[] = [];
    const newValues: string[] = [];
    const heads: string[] = [];
    for (let i = 0; i < count; i++) {
      if (skipped.size > 0 && skipped.has(i)) continue;
      entityIds.push(values[i * WIDTH + STAGED.number] as string);
      newValues.push(audited[i] as string);
      heads.push(auditHeads[i] as string);
    }
    created += heads.length;
    await unit.appendAuditBatch({ shared: audit, entityIds, newValues, heads });
    return outcome.conflicts;
  };

  let stage: InvoiceStage | undefined;
  const committed = await allOrNothing(deps.store, issues, async (unit) => {
    // The stage numbers generated structured communications from here; each batch reserves what it used. The
    // counter's row stays locked by this transaction (SQLite's write lock, PostgreSQL's row lock) until it ends, so
    // nobody else takes those numbers meanwhile.
    let nextOgm = await unit.reserveSequence(OGM_SEQUENCE, 0);
    stage = options.stage({
      at,
      audit,
      firstOgm: nextOgm,
      customers: async (numbers) => [...(await unit.customersByNumber(numbers)).values()],
    });
    // The next batch is asked for before this one is written, so that an in-thread stage validates it while the
    // database server stores this one.
    let coming = stage.next();
    for (;;) {
      const batch = await coming;
      if (batch === undefined) break;
      coming = stage.next();
      // Awaited at the top of the loop; this keeps a failure meanwhile from counting as unhandled.
      coming.catch(() => undefined);
      read = batch.read;
      options.onProgress?.(read);
      for (const issue of batch.issues) addIssue(issue);
      let conflicts: readonly StagedConflict[] = [];
      if (issues.length === 0) {
        if (batch.generatedOgms > 0) {
          const first = await unit.reserveSequence(OGM_SEQUENCE, batch.generatedOgms);
          if (first !== nextOgm)
            throw new Error(`structured communications from ${nextOgm} were taken while this import ran`);
          nextOgm += BigInt(batch.generatedOgms);
        }
        conflicts = await write(unit, batch);
      }
      for (const issue of await stage.written(batch.seq, conflicts)) addIssue(issue);
    }
    options.onProgress?.(read);
  }).finally(() => stage?.close());
  return {
    source: options.source,
    read,
    created: committed ? created : 0,
    updated: 0,
    unchanged: committed ? unchanged : 0,
    issues,
    committed,
    notices: [],
  };
}

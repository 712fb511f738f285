import { statSync } from "node:fs";
import { basename } from "node:path";
import { type ImportInvoicesDeps, importInvoices } from "../../app/import-invoices.ts";
import type { ImportReport } from "../../app/import-outcome.ts";
import { inThreadInvoiceStage } from "../../app/stage-invoices.ts";
import type { AuditActor } from "../../core/audit/audit-entry.ts";
import type { SellerProfile } from "../../core/invoice/seller-profile.ts";
import { documentValidator } from "../../documents/document-validator.ts";
import { readInvoiceRecordBatches } from "../../imports/read-invoice-records.ts";
import { encodeInvoiceContent } from "../../store/invoices/invoice-content-codec.ts";
import { startStageThread } from "./stage-thread.ts";

/**
 * Files from this size up (some 17,000 invoices of five CSV lines) are validated in a worker thread beside the
 * writer. Starting the thread costs some 0.45 s of CPU (tsx and every module of the stage loaded and compiled again,
 * in a heap whose code is not yet optimised), and the thread saves the writer's share of each invoice (some 35 µs):
 * they break even near 12,000 invoices on two free cores; measured on this shared machine, 8,000 invoices took
 * longer with the thread (2.7 s against 1.8 s) and 20,000 less (4.7 s against 5.4 s).
 */
export const THREAD_FROM_BYTES = 4 << 20;

export interface ImportInvoiceFileDeps extends ImportInvoicesDeps {
  /** The issuing company, from configuration. */
  readonly seller: SellerProfile;
}

export interface ImportInvoiceFileOptions {
  /** A .csv, .json or .jsonl file. */
  readonly path: string;
  /** Who runs the import; recorded in the audit log next to the file. */
  readonly actor: AuditActor;
  /** Called every few hundred records with the count read so far. */
  readonly onProgress?: (read: number) => void;
  /** Whether to validate in a worker thread; by default from {@link THREAD_FROM_BYTES} up. */
  readonly thread?: boolean;
}

/**
 * Imports the invoices of a file (see importInvoices), composing the validation stage: the file's reader, the EN 16931
 * validator and the store's content encoding, run in this thread for small files and in a worker thread for large
 * ones, where validating and writing each take a core.
 */
export async function importInvoiceFile(
  deps: ImportInvoiceFileDeps,
  options: ImportInvoiceFileOptions,
): Promise<ImportReport> {
  const source = basename(options.path);
  const common = {
    source,
    actor: options.actor,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  const thread = options.thread ?? fileSize(options.path) >= THREAD_FROM_BYTES;
  if (!thread) {
    const stage = inThreadInvoiceStage(
      { seller: deps.seller, validator: documentValidator, encodeContent: encodeInvoiceContent },
      { records: readInvoiceRecordBatches(options.path), source },
    );
    return importInvoices(deps, { ...common, stage });
  }
  const worker = startStageThread({ path: options.path, source, seller: deps.seller });
  try {
    return await importInvoices(deps, { ...common, stage: worker.start });
  } finally {
    await worker.close();
  }
}

/** The size of the file, or 0 when it cannot be read (the reader then reports why). */
function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

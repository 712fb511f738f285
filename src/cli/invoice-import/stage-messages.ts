import type { InvoiceCreationAudit, StagedBatch, StagedConflict } from "../../app/ports/invoice-stage.ts";
import type { Customer } from "../../core/customer/customer.ts";
import type { InputIssue } from "../../core/errors/app-error.ts";
import type { SellerProfile } from "../../core/invoice/seller-profile.ts";

/** What the validation thread is started with. */
export interface StageThreadData {
  /** The file to read. */
  readonly path: string;
  /** Its name, for the issues and the invoices' source. */
  readonly source: string;
  readonly seller: SellerProfile;
}

/** From the writer to the validation thread. */
export type ToStage =
  /** The import's transaction has begun: validate from here. */
  | {
      readonly kind: "start";
      readonly at: string;
      readonly audit: InvoiceCreationAudit;
      readonly firstOgm: bigint;
    }
  /** The answer to a `customers` request. */
  | { readonly kind: "customers"; readonly customers: readonly Customer[] }
  /** Batch `seq` is written; the stage may run one batch further. Conflicts are answered with `placed`. */
  | { readonly kind: "written"; readonly seq: number; readonly conflicts: readonly StagedConflict[] };

/** From the validation thread to the writer. */
export type FromStage =
  | { readonly kind: "customers"; readonly numbers: readonly string[] }
  | { readonly kind: "batch"; readonly batch: StagedBatch }
  | { readonly kind: "placed"; readonly seq: number; readonly issues: readonly InputIssue[] }
  /** Every batch was sent. */
  | { readonly kind: "end" }
  /** The file cannot be read on (a RecordSourceError): the import reports it and writes nothing. */
  | { readonly kind: "unreadable"; readonly issue: InputIssue }
  /** Anything else that went wrong: the import is rolled back and fails with this. */
  | { readonly kind: "failed"; readonly message: string };

/** Batches the stage may run ahead of the writes: one being written, one waiting. */
export const BATCHES_IN_FLIGHT = 2;

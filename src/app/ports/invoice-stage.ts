import type { EncodedAuditEntry } from "../../core/audit/audit-hash.ts";
import type { Customer } from "../../core/customer/customer.ts";
import type { InputIssue } from "../../core/errors/app-error.ts";

/**
 * The values of one staged invoice, in this order: what its stored row holds, content already encoded as the store
 * encodes it. `id` and `contentSha256` are left null by the stage: the writer gives the one and computes the other
 * (core/invoice contentSha256), which takes that work off the validation thread, the import's busier one.
 */
export const STAGED_INVOICE_FIELDS = [
  "id",
  "number",
  "kind",
  "status",
  "customerNumber",
  "issueDate",
  "dueDate",
  "currency",
  "lineCount",
  "taxExclusiveMinor",
  "taxMinor",
  "payableMinor",
  "structuredCommunication",
  "content",
  "contentSha256",
  "source",
  "createdAt",
  "issuedAt",
] as const;

/** Where each field sits among an invoice's {@link STAGED_INVOICE_FIELDS}. */
export const STAGED = Object.fromEntries(STAGED_INVOICE_FIELDS.map((name, i) => [name, i])) as {
  readonly [K in (typeof STAGED_INVOICE_FIELDS)[number]]: number;
};

export type StagedValue = string | number | bigint | null;

/**
 * Invoices validated and encoded for the writer, flat: strings and numbers only, so that a batch crosses to another
 * thread as one message cheaply cloned, and the writer binds them as they are.
 */
export interface StagedInvoices {
  readonly count: number;
  /** `count` x {@link STAGED_INVOICE_FIELDS} values, invoice after invoice. */
  readonly values: StagedValue[];
  /** Each invoice's audited snapshot as canonical JSON: the `newValue` of its creation record. */
  readonly audited: readonly string[];
  /** Each invoice's creation record as canonical text up to its place in the chain (core/audit auditTextHead). */
  readonly auditHeads: readonly string[];
}

/** One batch of the file, validated: what to write, and the problems found in it. */
export interface StagedBatch {
  /** 0, 1, 2, ... in file order. */
  readonly seq: number;
  /** Records read from the file so far. */
  readonly read: number;
  /** Problems found in the batch's records, in file order; when any were found, nothing must be committed. */
  readonly issues: readonly InputIssue[];
  readonly invoices: StagedInvoices;
  /** Structured communications generated from the sequence for this batch, which the writer reserves. */
  readonly generatedOgms: number;
}

/** The fields of an import's creation records that do not depend on the invoice. */
export type InvoiceCreationAudit = Omit<EncodedAuditEntry, "entityId" | "newValue">;

/** What the stage asks of the writer's side. */
export interface InvoiceStageContext {
  /** The import's instant as stored (ISO-8601 UTC): when its invoices were created and issued. */
  readonly at: string;
  /** What the creation record of every invoice of the import shares (`at` included): all but entity and value. */
  readonly audit: InvoiceCreationAudit;
  /** The next value of the structured-communication sequence: the stage numbers generated ones from it. */
  readonly firstOgm: bigint;
  /**
   * Those of `numbers` that are customers (asked only for customers the stage has not met yet). Answered by the
   * writer, in the import's transaction: the stage sees what the writes see, on either engine, with no connection of
   * its own; and files bill the same customers again and again, so it asks in the first batches and rarely after.
   */
  customers(numbers: readonly string[]): Promise<readonly Customer[]>;
}

/**
 * The validation stage of an invoice import (read, parse, compute, build, validate, encode), running beside the
 * writer, in the same thread or another. It keeps at most a couple of batches ahead of the writer (back-pressure),
 * so memory stays constant whatever the file's size.
 */
export interface InvoiceStage {
  /**
   * The next batch, or undefined after the last. Rejects with a RecordSourceError when the file cannot be read on, or
   * with an Error when the stage failed.
   */
  next(): Promise<StagedBatch | undefined>;
  /**
   * Says that batch `seq` was written, which lets the stage run further ahead; `conflicts` are the indexes of its
   * invoices the store refused, with the store's reasons, and the answer is the same problems with their places.
   */
  written(seq: number, conflicts: readonly StagedConflict[]): Promise<InputIssue[]>;
  /** Stops the stage (a thread is ended); safe to call more than once. */
  close(): Promise<void>;
}

/** An invoice of a batch that the store refused. */
export interface StagedConflict {
  readonly index: number;
  readonly message: string;
}

/** Starts a stage for one import. */
export type StartInvoiceStage = (context: InvoiceStageContext) => InvoiceStage;

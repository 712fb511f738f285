import type { InputIssue } from "../core/errors/app-error.ts";

/** What an import did, or would have done: nothing is written unless `issues` is empty. */
export interface ImportReport {
  readonly source: string;
  /** Records read from the file. */
  readonly read: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Every problem found, with its place; when not empty nothing was written. */
  readonly issues: readonly InputIssue[];
  /** True when the changes were committed. */
  readonly committed: boolean;
  /** Notes that do not block the import (e.g. a suspended recipient listed again). */
  readonly notices: readonly InputIssue[];
}

/** Thrown inside an import transaction to roll it back once problems were found; never escapes the use-case. */
export class ImportRejected extends Error {
  constructor() {
    super("import rejected");
    this.name = "ImportRejected";
  }
}

/** Reports at most this many issues: a file with a wrong column in every row would otherwise print a million lines. */
export const MAX_REPORTED_ISSUES = 1000;

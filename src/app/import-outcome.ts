import type { InputIssue } from "../core/errors/app-error.ts";
import { RecordSourceError } from "./ports/record-source-error.ts";
import type { Store, UnitOfWork } from "./ports/store.ts";

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

/** Thrown inside an import transaction to roll it back once problems were found; never escapes {@link allOrNothing}. */
class ImportRejected extends Error {
  constructor() {
    super("import rejected");
    this.name = "ImportRejected";
  }
}

/**
 * Runs an import in one transaction, all or nothing: when `work` leaves issues, or the file turns out unreadable
 * (a RecordSourceError, added first to the issues), everything is rolled back. Returns whether it was committed.
 */
export async function allOrNothing(
  store: Store,
  issues: InputIssue[],
  work: (unit: UnitOfWork) => Promise<void>,
): Promise<boolean> {
  try {
    await store.transaction(async (unit) => {
      await work(unit);
      if (issues.length > 0) throw new ImportRejected();
    });
    return true;
  } catch (error) {
    if (error instanceof RecordSourceError) issues.unshift(error.issue);
    else if (!(error instanceof ImportRejected)) throw error;
    return false;
  }
}

/** Reports at most this many issues: a file with a wrong column in every row would otherwise print a million lines. */
export const MAX_REPORTED_ISSUES = 1000;

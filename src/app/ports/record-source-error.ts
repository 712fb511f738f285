import type { InputIssue } from "../../core/errors/app-error.ts";

/**
 * A problem that makes the rest of a file unreadable (not UTF-8, no header, wrong columns). Thrown by a record
 * source while it is iterated; the import use-cases turn it into an issue and write nothing.
 */
export class RecordSourceError extends Error {
  readonly issue: InputIssue;

  constructor(issue: InputIssue) {
    super(`${issue.source}${issue.at ? `:${issue.at}` : ""}: ${issue.message}`);
    this.name = "RecordSourceError";
    this.issue = issue;
  }
}

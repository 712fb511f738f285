import type { InputIssue } from "../core/errors/app-error.ts";

/**
 * A problem that makes the rest of a file unreadable (not UTF-8, no header, wrong columns). Thrown by the readers and
 * turned into an issue by the import use-case, which then writes nothing.
 */
export class ImportFormatError extends Error {
  readonly issue: InputIssue;

  constructor(issue: InputIssue) {
    super(`${issue.source}${issue.at ? `:${issue.at}` : ""}: ${issue.message}`);
    this.name = "ImportFormatError";
    this.issue = issue;
  }
}

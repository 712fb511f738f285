/**
 * The closed set of error codes facteur raises. Adding a code means deciding its HTTP status (server) and exit code
 * (CLI) in the one place each maps them.
 */
export const APP_ERROR_CODES = [
  "invalid-input",
  "not-found",
  "conflict",
  "invalid-state",
  "integrity-violation",
  "unavailable",
  "config",
  "internal",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** One problem at one place of an input: a file and line, or a JSON path, and the field. */
export interface InputIssue {
  /** File name, or "body", "argv", "env". */
  readonly source: string;
  /** 1-based line, or a JSON path such as `$.invoices[3].lines[0].quantity`. */
  readonly at?: string;
  readonly field?: string;
  readonly message: string;
}

/** The one error type that crosses layers. `issues` lists every input problem when the code is invalid-input. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues: readonly InputIssue[];

  constructor(
    code: AppErrorCode,
    message: string,
    issues: readonly InputIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
    this.issues = issues;
  }
}

/** Formats an input issue as `file:line: field: message` for people. */
export function formatInputIssue(issue: InputIssue): string {
  const place = [issue.source, issue.at].filter(Boolean).join(":");
  return `${place}: ${issue.field ? `${issue.field}: ` : ""}${issue.message}`;
}

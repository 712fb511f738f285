import type { z } from "zod";
import type { InputIssue } from "../core/errors/app-error.ts";
import { fieldOf, issueMessage, jsonPath } from "../core/schemas/input-issues.ts";

/** A record read from an import file, not yet validated, that can say where any of its fields came from. */
export interface SourcedRecord {
  /** File name for messages. */
  readonly source: string;
  /** The record as a JSON-like value for the shared input schema. */
  readonly raw: unknown;
  /** Maps a path inside `raw` to the place in the file: a line and column for CSV, a JSON path for JSON. */
  readonly locate: (path: readonly PropertyKey[]) => { at: string; field?: string };
  /** Set when the record could not even be read (a JSON Lines line that is not JSON). */
  readonly unreadable?: string;
}

/** A locator for JSON records: `$.invoices[3].lines[0].quantity`, prefixed by the line for JSON Lines. */
export function jsonLocator(prefix: string, line: number | undefined) {
  return (path: readonly PropertyKey[]) => {
    const field = fieldOf(path);
    const at = line === undefined ? jsonPath(prefix, path) : `${line} ${jsonPath(prefix, path)}`;
    return { at, ...(field !== undefined ? { field } : {}) };
  };
}

/** Validates a sourced record with a shared input schema; every problem names file, place and field. */
export function parseRecord<S extends z.ZodType>(
  schema: S,
  record: SourcedRecord,
): { ok: true; value: z.output<S> } | { ok: false; issues: InputIssue[] } {
  if (record.unreadable !== undefined) {
    return {
      ok: false,
      issues: [{ source: record.source, ...record.locate([]), message: record.unreadable }],
    };
  }
  const parsed = schema.safeParse(record.raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      source: record.source,
      ...record.locate(issue.path),
      message: issueMessage(issue, record.raw),
    })),
  };
}

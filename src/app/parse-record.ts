import type { z } from "zod";
import type { InputIssue } from "../core/errors/app-error.ts";
import { issueMessage } from "../core/schemas/input-issues.ts";
import type { SourcedRecord } from "./ports/sourced-record.ts";

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

import { canonicalJson, type JsonValue } from "./json-value.ts";

/** One field whose value changed, named by its dotted path (`address.city`). */
export interface FieldChange {
  readonly field: string;
  readonly oldValue: JsonValue;
  readonly newValue: JsonValue;
}

/** Flat audited view of an entity: dotted field path to value. */
export type AuditedFields = Readonly<Record<string, JsonValue>>;

/**
 * The fields whose values differ between `before` and `after`, in the order of `after`'s keys, then keys that only
 * `before` has. A missing key counts as null. Values compare by their canonical JSON, so structured values compare by
 * content, not identity.
 */
export function diffFields(before: AuditedFields, after: AuditedFields): FieldChange[] {
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const oldValue = before[field] ?? null;
    const newValue = after[field] ?? null;
    if (canonicalJson(oldValue) !== canonicalJson(newValue)) changes.push({ field, oldValue, newValue });
  }
  return changes;
}

import { Decimal } from "../../../core/money/decimal.ts";

/**
 * A plain-data view of a document for deep equality in tests: decimals become their value as text (so 2500 and
 * 2500.00 compare equal, as EN 16931 reads them) and undefined fields are dropped (absent and undefined mean the same).
 */
export function comparableDocument(value: unknown): unknown {
  if (value instanceof Decimal) return `decimal:${value.toFixed()}`;
  if (Array.isArray(value)) return value.map(comparableDocument);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = comparableDocument(v);
    return out;
  }
  return value;
}

import { AppError } from "../core/errors/app-error.ts";

/** The only instant layout stored: `Date.prototype.toISOString()` for years 0000-9999, fixed width, UTC. */
const STORED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An instant as stored: fixed-width ISO-8601 UTC text, whose text order is its time order. */
export function toDbInstant(at: Date): string {
  const text = at.toISOString();
  if (!STORED_INSTANT.test(text)) throw new RangeError(`instant ${text} is outside the years 0000-9999`);
  return text;
}

/** Reads an instant written by {@link toDbInstant}; anything else in the column is a damaged row. */
export function fromDbInstant(text: string, column: string): Date {
  if (!STORED_INSTANT.test(text)) {
    throw new AppError("integrity-violation", `${column} holds "${text}", which is not a stored instant`);
  }
  return new Date(text);
}

/** Reads an INTEGER column that holds a count or a position (never money) as a number, refusing to round. */
export function toSafeNumber(value: bigint, column: string): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) {
    throw new AppError("integrity-violation", `${column} holds ${value}, beyond the exact range of a number`);
  }
  return result;
}

/** Reads a coded text column, checking it holds one of `allowed`; the CHECK constraints make a miss a damaged row. */
export function fromDbCode<T extends string>(value: string, allowed: readonly T[], column: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new AppError(
      "integrity-violation",
      `${column} holds "${value}", expected one of ${allowed.join(", ")}`,
    );
  }
  return value as T;
}

import { z } from "zod";
import { type Decimal, dec, decimalPlaces, isDecimalText } from "../money/decimal.ts";

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/**
 * Bounded, trimmed, non-empty text without control characters (they break XML and exports). One transform rather
 * than a chain of zod checks: imports validate hundreds of thousands of these per second.
 */
function boundedText(max: number, singleLine: boolean) {
  return z.string().transform((raw, ctx) => {
    const value = raw.trim();
    const problem =
      value === ""
        ? "must not be empty"
        : value.length > max
          ? `must be at most ${max} characters`
          : CONTROL.test(value)
            ? "must not contain control characters"
            : singleLine && LINE_BREAK.test(value)
              ? "must be a single line"
              : undefined;
    if (problem === undefined) return value;
    ctx.addIssue({ code: "custom", message: problem });
    return z.NEVER;
  });
}

/** Single-line text: line breaks are refused too, since such values reach mail headers and file names. */
export function text(max: number) {
  return boundedText(max, true);
}

/** Text that may span lines (notes, descriptions). */
export function multilineText(max: number) {
  return boundedText(max, false);
}

/** Converts a JSON number to decimal text without exponent; refuses numbers a double cannot hold exactly as written. */
function numberText(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = String(value);
  if (/e/i.test(text)) return undefined;
  const digits = text.replace(/[-.]/g, "").replace(/^0+/, "");
  return digits.length <= 15 ? text : undefined;
}

/**
 * An exact decimal given as a string ("12.50") or a JSON number with at most 15 significant digits. Decimal commas,
 * thousands separators and exponents are refused with a message that says what to write instead.
 */
export function decimal(options: { maxPlaces?: number; min?: "positive" | "non-negative" } = {}) {
  // z.unknown with one transform is several times faster than a union of string and number with refinements.
  return z.unknown().transform((value, ctx): Decimal => {
    if (value === undefined) {
      ctx.addIssue({ code: "custom", message: "is required" });
      return z.NEVER;
    }
    const raw =
      typeof value === "number" ? numberText(value) : typeof value === "string" ? value.trim() : undefined;
    if (raw === undefined || !isDecimalText(raw)) {
      ctx.addIssue({
        code: "custom",
        message: `expected a decimal number such as 1234.56 (dot as decimal separator, no thousands separator), got ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    const d = dec(raw);
    if (options.maxPlaces !== undefined && decimalPlaces(d) > options.maxPlaces) {
      ctx.addIssue({ code: "custom", message: `at most ${options.maxPlaces} decimals allowed, got ${raw}` });
      return z.NEVER;
    }
    if (options.min === "positive" && d.sign() <= 0)
      ctx.addIssue({ code: "custom", message: "must be greater than zero" });
    if (options.min === "non-negative" && d.sign() < 0)
      ctx.addIssue({ code: "custom", message: "must not be negative" });
    return d;
  });
}

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date written YYYY-MM-DD")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "is not a calendar date");

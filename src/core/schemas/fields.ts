import { z } from "zod";
import { Decimal, decimalPlaces } from "../money/decimal.ts";

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/**
 * Bounded, trimmed, non-empty text without control characters (they break XML and exports). A trim and one check
 * rather than a transform or a chain of zod checks: a transform costs a pipe, a payload and a closure per value, and
 * imports validate hundreds of thousands of these per second.
 */
function boundedText(max: number, singleLine: boolean) {
  return z
    .string()
    .overwrite((raw) => raw.trim())
    .check((ctx) => {
      const value = ctx.value;
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
      if (problem !== undefined) ctx.issues.push({ code: "custom", message: problem, input: value });
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
  // One transform of the raw value is several times faster than a union of string and number with refinements, and
  // a standalone transform saves the pipe that z.unknown().transform() puts before it.
  return z.transform((value: unknown, ctx): Decimal => {
    if (value === undefined) {
      ctx.addIssue({ code: "custom", message: "is required" });
      return z.NEVER;
    }
    const raw =
      typeof value === "number" ? numberText(value) : typeof value === "string" ? value.trim() : undefined;
    const d = raw === undefined ? undefined : Decimal.tryParse(raw);
    if (raw === undefined || d === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `expected a decimal number such as 1234.56 (dot as decimal separator, no thousands separator), got ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by `length` ASCII digits of `text` from `start` (already known to be digits). */
function digitsAt(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/** True when YYYY-MM-DD names a day of the proleptic Gregorian calendar, counted without a Date object. */
function isCalendarDate(text: string): boolean {
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date written YYYY-MM-DD")
  .refine(isCalendarDate, "is not a calendar date");

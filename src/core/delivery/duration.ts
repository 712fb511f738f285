import { err, ok, type Result } from "../result.ts";

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d+)(s|m|h|d)$/;

/**
 * Parses a duration written as a whole number and a unit, `30s`, `5m`, `4h`, `3d`, into milliseconds. Config
 * variables use this form so that a schedule reads as people write it.
 */
export function parseDuration(text: string): Result<number, string> {
  const match = DURATION.exec(text.trim());
  const amount = match?.[1];
  const unit = match?.[2] as keyof typeof UNIT_MS | undefined;
  if (amount === undefined || unit === undefined) {
    return err(`"${text}" is not a duration such as 30s, 5m, 4h or 3d`);
  }
  const ms = Number(amount) * UNIT_MS[unit];
  if (!Number.isSafeInteger(ms) || ms <= 0) return err(`"${text}" must be a positive duration`);
  return ok(ms);
}

/** Writes milliseconds back in the largest unit that divides them, for messages and `facteur config`. */
export function formatDuration(ms: number): string {
  for (const unit of ["d", "h", "m", "s"] as const) {
    if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}

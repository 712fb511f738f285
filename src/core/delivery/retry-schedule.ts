import { err, ok, type Result } from "../result.ts";
import { parseDuration } from "./duration.ts";

/**
 * When a deferred delivery is tried again, as data. In the spirit of RFC 5321 section 4.5.4.1 (retry at least 30
 * minutes apart after the first tries, give up after 4-5 days): quick retries first for a relay that blinked, then
 * every `every` until `giveUpAfter` from the first attempt.
 */
export interface RetrySchedule {
  /** Waits after the 1st, 2nd, ... failed attempt, in milliseconds. */
  readonly delays: readonly number[];
  /** The wait once `delays` is used up. */
  readonly every: number;
  /** How long after the first attempt the delivery is given up as expired. */
  readonly giveUpAfter: number;
}

/** 1m, 5m, 15m, 30m, 1h, 2h, 4h, then every 4h, expired after 3 days. */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = {
  delays: [60_000, 300_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000],
  every: 14_400_000,
  giveUpAfter: 3 * 86_400_000,
};

/** What to do after a deferral: try again at `at`, or give up. */
export type RetryDecision = { readonly kind: "retry"; readonly at: Date } | { readonly kind: "expire" };

/**
 * The decision after the `failedAttempts`-th failed attempt (1 for the first), made at `now`, for a delivery first
 * attempted at `firstAttemptAt`. A retry that would fall after the give-up instant is not scheduled: the delivery
 * expires now rather than waiting for an attempt it would not make.
 */
export function nextRetry(
  schedule: RetrySchedule,
  failedAttempts: number,
  firstAttemptAt: Date,
  now: Date,
): RetryDecision {
  const wait = schedule.delays[failedAttempts - 1] ?? schedule.every;
  const at = now.getTime() + wait;
  if (at > firstAttemptAt.getTime() + schedule.giveUpAfter) return { kind: "expire" };
  return { kind: "retry", at: new Date(at) };
}

/**
 * Builds a schedule from its config form: `delays` as a comma-separated list of durations (`1m,5m,15m`), `every` and
 * `giveUpAfter` as one duration each. Reports every malformed part at once.
 */
export function parseRetrySchedule(text: {
  readonly delays: string;
  readonly every: string;
  readonly giveUpAfter: string;
}): Result<RetrySchedule, string[]> {
  const problems: string[] = [];
  const read = (value: string): number => {
    const parsed = parseDuration(value);
    if (!parsed.ok) problems.push(parsed.error);
    return parsed.ok ? parsed.value : 0;
  };
  const delays = text.delays.trim() === "" ? [] : text.delays.split(",").map(read);
  const every = read(text.every);
  const giveUpAfter = read(text.giveUpAfter);
  if (problems.length > 0) return err(problems);
  return ok({ delays, every, giveUpAfter });
}

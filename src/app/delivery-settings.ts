import { parseDuration } from "../core/delivery/duration.ts";
import {
  DEFAULT_RETRY_SCHEDULE,
  parseRetrySchedule,
  type RetrySchedule,
} from "../core/delivery/retry-schedule.ts";
import { AppError } from "../core/errors/app-error.ts";
import type { Config } from "./config.ts";

/** How workers deliver: retries, crash handling, leases and retention. All from configuration. */
export interface DeliverySettings {
  readonly schedule: RetrySchedule;
  /** A job that crashed (threw, or its worker died) this many times in a row is parked. */
  readonly maxCrashes: number;
  /** Wait before retrying a crashed job; doubles with each crash in a row. */
  readonly crashBackoffMs: number;
  /** How long a claimed job is held before another worker may take it over; longer than any SMTP timeout. */
  readonly leaseMs: number;
  /** Years each archived message is kept. */
  readonly retentionYears: number;
}

/** The defaults: the RFC 5321-style schedule, park after 5 crashes, 5-minute leases, ten years of retention. */
export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  schedule: DEFAULT_RETRY_SCHEDULE,
  maxCrashes: 5,
  crashBackoffMs: 10_000,
  leaseMs: 300_000,
  retentionYears: 10,
};

/** The settings a {@link Config} describes; its zod schema has already checked every duration's form. */
export function deliverySettingsFrom(config: Config): DeliverySettings {
  const schedule = parseRetrySchedule({
    delays: config.FACTEUR_RETRY_DELAYS,
    every: config.FACTEUR_RETRY_EVERY,
    giveUpAfter: config.FACTEUR_RETRY_GIVE_UP,
  });
  const lease = parseDuration(config.FACTEUR_WORKER_LEASE);
  if (!schedule.ok || !lease.ok) {
    const problems = [...(schedule.ok ? [] : schedule.error), ...(lease.ok ? [] : [lease.error])];
    throw new AppError("config", `the delivery settings are invalid: ${problems.join("; ")}`);
  }
  return {
    schedule: schedule.value,
    maxCrashes: config.FACTEUR_WORKER_MAX_CRASHES,
    crashBackoffMs: DEFAULT_DELIVERY_SETTINGS.crashBackoffMs,
    leaseMs: lease.value,
    retentionYears: config.FACTEUR_ARCHIVE_RETENTION_YEARS,
  };
}

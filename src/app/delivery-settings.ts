import { DEFAULT_RETRY_SCHEDULE, type RetrySchedule } from "../core/delivery/retry-schedule.ts";

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

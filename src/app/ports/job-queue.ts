import type { JsonObject } from "../../core/audit/json-value.ts";

/** A job to write in the caller's transaction. */
export interface JobToEnqueue {
  /** De-duplication key: a job whose key exists already is not written again. */
  readonly key: string;
  /** What to do, e.g. `deliver`. */
  readonly kind: string;
  readonly payload: JsonObject;
  /** When the job becomes due. */
  readonly runAt: Date;
}

/**
 * Proof that a worker holds a job: the token written when it was claimed. Every write about a running job names it,
 * so a worker whose lease ran out and was taken over can no longer record anything.
 */
export interface JobLease {
  readonly jobId: string;
  readonly token: string;
  readonly worker: string;
  readonly until: Date;
}

/** A job a worker now holds. */
export interface ClaimedJob {
  readonly id: string;
  readonly key: string;
  readonly kind: string;
  /** The stored JSON, parsed but not validated: the worker validates it for its kind. */
  readonly payload: unknown;
  /** Times claimed, this claim included. */
  readonly attempts: number;
  /** Consecutive crashes so far, counting a lease that ran out (its worker died) as one. */
  readonly crashes: number;
  readonly lastError: string | null;
  readonly lease: JobLease;
}

/** How a worker asks for jobs. */
export interface ClaimRequest {
  /** Who claims: written to the job as `leased_by`. */
  readonly worker: string;
  readonly limit: number;
  readonly now: Date;
  /** Lease length: longer than the longest step of a job (SMTP timeouts included). */
  readonly leaseMs: number;
  readonly kinds: readonly string[];
}

/** Hands out due jobs, each to one worker at a time. */
export interface JobQueue {
  /**
   * Claims up to `limit` jobs that are due, or whose lease has run out, in a short transaction of its own, and
   * returns them leased to `worker` until `now + leaseMs`. Two concurrent claims never return the same job.
   */
  claim(request: ClaimRequest): Promise<readonly ClaimedJob[]>;
  /** How many jobs are in each state; with `kinds`, only jobs of those kinds. */
  countJobs(kinds?: readonly string[]): Promise<Readonly<Record<JobState, number>>>;
}

export const JOB_STATES = ["queued", "running", "done", "parked"] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Writes jobs inside the caller's transaction. The lease methods return false when the lease is no longer held. */
export interface JobWriter {
  /** Writes the jobs whose key is new; returns the keys written. */
  enqueue(jobs: readonly JobToEnqueue[], at: Date): Promise<ReadonlySet<string>>;
  /** True when `lease` still holds the job; on PostgreSQL the row stays locked until the transaction ends. */
  holdsLease(lease: JobLease): Promise<boolean>;
  /** Marks the job done. */
  completeJob(lease: JobLease, at: Date): Promise<boolean>;
  /**
   * Puts the job back in the queue, due at `runAt`. `crash` records an exception (counted towards parking); without
   * it the attempt ended normally (an SMTP deferral) and the crash count starts again from zero.
   */
  retryJob(lease: JobLease, runAt: Date, at: Date, crash?: string): Promise<boolean>;
  /** Parks the job with its error: no worker takes it again until an operator releases it. */
  parkJob(lease: JobLease, error: string, at: Date): Promise<boolean>;
  /** Queues the parked job with this key again, due at `at`, its crash count reset; false when none is parked. */
  releaseJob(key: string, at: Date): Promise<boolean>;
}

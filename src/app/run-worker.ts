import { setTimeout as sleep } from "node:timers/promises";
import type { ClaimedJob } from "./ports/job-queue.ts";
import { type DeliveryWorkerDeps, type JobOutcome, processDeliveryJob } from "./process-delivery-job.ts";
import { DELIVER_JOB } from "./send-invoices.ts";

export interface RunWorkerOptions {
  /** Jobs in flight at once (each mostly waits on the relay). */
  readonly concurrency: number;
  /** How long to wait when no job is due before looking again. */
  readonly pollMs: number;
  /** Process every job that is due, then return instead of waiting for more. */
  readonly once?: boolean;
  /** Stops claiming when aborted; the jobs in flight are finished before returning. */
  readonly signal?: AbortSignal;
  readonly onOutcome?: (outcome: JobOutcome, job: ClaimedJob) => void;
  /** A failure outside any job (the database unreachable while claiming); the worker waits and goes on. */
  readonly onError?: (error: unknown) => void;
}

/** What a worker run did. */
export interface WorkerStats {
  readonly claimed: number;
  readonly outcomes: Readonly<Record<JobOutcome, number>>;
}

function emptyOutcomes(): Record<JobOutcome, number> {
  return {
    accepted: 0,
    failed: 0,
    deferred: 0,
    expired: 0,
    crashed: 0,
    parked: 0,
    skipped: 0,
    "lease-lost": 0,
  };
}

async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, undefined, signal ? { signal } : {});
  } catch (error) {
    if (!(signal?.aborted ?? false)) throw error;
  }
}

/**
 * Runs delivery jobs until `signal` aborts (or, with `once`, until nothing is due): claims as many jobs as there are
 * free slots, runs them concurrently, and claims again as slots free up. When nothing is due it sleeps `pollMs`
 * instead of asking again at once, so an idle or deferred queue costs one query per poll.
 */
export async function runWorker(deps: DeliveryWorkerDeps, options: RunWorkerOptions): Promise<WorkerStats> {
  const outcomes = emptyOutcomes();
  let claimed = 0;
  const inFlight = new Set<Promise<void>>();
  const start = (job: ClaimedJob) => {
    const run: Promise<void> = processDeliveryJob(deps, job)
      .then(
        (outcome) => {
          outcomes[outcome]++;
          options.onOutcome?.(outcome, job);
        },
        (error: unknown) => {
          outcomes.crashed++;
          options.onError?.(error);
        },
      )
      .finally(() => inFlight.delete(run));
    inFlight.add(run);
  };
  while (!(options.signal?.aborted ?? false)) {
    const free = options.concurrency - inFlight.size;
    let jobs: readonly ClaimedJob[] = [];
    if (free > 0) {
      try {
        jobs = await deps.store.claim({
          worker: deps.worker,
          limit: free,
          now: deps.now(),
          leaseMs: deps.settings.leaseMs,
          kinds: [DELIVER_JOB],
        });
      } catch (error) {
        options.onError?.(error);
        await pause(options.pollMs, options.signal);
        continue;
      }
    }
    claimed += jobs.length;
    for (const job of jobs) start(job);
    if (jobs.length === 0 && inFlight.size === 0) {
      if (options.once === true) break;
      await pause(options.pollMs, options.signal);
    } else if (jobs.length === 0 || inFlight.size >= options.concurrency) {
      await Promise.race(inFlight);
    }
  }
  await Promise.all(inFlight);
  return { claimed, outcomes };
}

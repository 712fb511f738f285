import { setTimeout as sleep } from "node:timers/promises";
import { createGroupCommit } from "./group-commit.ts";
import type { JobOutcome } from "./job-outcome.ts";
import type { ClaimedJob } from "./ports/job-queue.ts";
import { type DeliveryWorkerDeps, processDeliveryJobs } from "./process-delivery-jobs.ts";
import { type PeppolWorkerDeps, processJobsByKind } from "./process-peppol-jobs.ts";
import { processWithResponses, type ResponseWorkerDeps } from "./process-response-jobs.ts";
import { PEPPOL_RESPOND_JOB } from "./queue-peppol-response.ts";
import { DELIVER_JOB, PEPPOL_DELIVER_JOB } from "./send-invoices.ts";
import { createSubmissionLane } from "./submission-lane.ts";

export interface RunWorkerOptions {
  /** Batches in flight at once: while one waits on the relay, another can be composed or recorded. */
  readonly concurrency: number;
  /** Jobs claimed and recorded together: one commit per step for the whole batch. */
  readonly batchSize: number;
  /**
   * Submissions in flight at once (default 1). Each one more lets a crash duplicate one more message: see
   * {@link createSubmissionLane}.
   */
  readonly lanes?: number;
  /** How long to wait when no job is due before looking again. */
  readonly pollMs: number;
  /** Process every job that is due, then return instead of waiting for more. */
  readonly once?: boolean;
  /** Stops claiming when aborted; the jobs in flight are finished before returning. */
  readonly signal?: AbortSignal;
  readonly onOutcome?: (outcome: JobOutcome, job: ClaimedJob) => void;
  /** A failure outside any job (the database unreachable while claiming); the worker waits and goes on. */
  readonly onError?: (error: unknown) => void;
  /** Facteur's own Peppol access point: when given, `peppol-deliver` jobs are claimed and sent over AS4 too. */
  readonly peppol?: PeppolWorkerDeps;
  /** With facteur's own access point: `peppol-respond` jobs (MLS, Invoice Responses) are sent over AS4 too. */
  readonly respond?: ResponseWorkerDeps;
  /**
   * False: e-mail jobs are left in the queue (no mail relay is configured; a Peppol-only worker). Default true.
   */
  readonly email?: boolean;
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
 * Runs delivery jobs until `signal` aborts (or, with `once`, until nothing is due): claims a batch whenever fewer than
 * `concurrency` batches are in flight, and runs it. When nothing is due it sleeps `pollMs` instead of asking again at
 * once, so an idle or deferred queue costs one query per poll, never a hot loop.
 */
export async function runWorker(deps: DeliveryWorkerDeps, options: RunWorkerOptions): Promise<WorkerStats> {
  const outcomes = emptyOutcomes();
  let claimed = 0;
  const inFlight = new Set<Promise<void>>();
  const lane = createSubmissionLane(options.lanes ?? 1);
  const answers = createGroupCommit(deps.store);
  const kinds = [
    ...(options.email === false ? [] : [DELIVER_JOB]),
    ...(options.peppol === undefined ? [] : [PEPPOL_DELIVER_JOB]),
    ...(options.respond === undefined ? [] : [PEPPOL_RESPOND_JOB]),
  ];
  const start = (jobs: readonly ClaimedJob[]) => {
    const run: Promise<void> = processWithResponses(
      jobs,
      (rest) =>
        processJobsByKind(rest, (email) => processDeliveryJobs(deps, email, lane, answers), options.peppol),
      options.respond,
    )
      .then(
        (results) => {
          for (const [i, outcome] of results.entries()) {
            outcomes[outcome]++;
            const job = jobs[i];
            if (job !== undefined) options.onOutcome?.(outcome, job);
          }
        },
        (error: unknown) => {
          outcomes.crashed += jobs.length;
          options.onError?.(error);
        },
      )
      .finally(() => inFlight.delete(run));
    inFlight.add(run);
  };
  while (!(options.signal?.aborted ?? false)) {
    let jobs: readonly ClaimedJob[] = [];
    if (inFlight.size < options.concurrency) {
      try {
        jobs = await deps.store.claim({
          worker: deps.worker,
          limit: options.batchSize,
          now: deps.now(),
          leaseMs: deps.settings.leaseMs,
          kinds,
        });
      } catch (error) {
        options.onError?.(error);
        await pause(options.pollMs, options.signal);
        continue;
      }
    }
    claimed += jobs.length;
    if (jobs.length > 0) start(jobs);
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

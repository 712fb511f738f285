import type { JobOutcome } from "./job-outcome.ts";
import type { DeliveryStore, DeliveryUnitOfWork } from "./ports/delivery-store.ts";
import type { ClaimedJob } from "./ports/job-queue.ts";

/** The writes of one job for one step; resolves to the job's outcome, or null when the job goes on. */
export interface JobStep {
  readonly job: ClaimedJob;
  readonly run: (unit: DeliveryUnitOfWork) => Promise<JobOutcome | null>;
  /**
   * The step's first write is the lease-checked update of its job and it throws {@link LeaseLost} when that fails,
   * so no separate check is needed (one round trip less on the path every submission waits for).
   */
  readonly fenced?: boolean;
}

/** Thrown by a fenced step whose job was taken over: its transaction is rolled back. */
export class LeaseLost extends Error {}

type StepResult = JobOutcome | null | "lease-lost" | Error;

async function runChecked(
  unit: DeliveryUnitOfWork,
  step: JobStep,
): Promise<JobOutcome | null | "lease-lost"> {
  if (step.fenced !== true && !(await unit.holdsLease(step.job.lease))) return "lease-lost";
  return step.run(unit);
}

/**
 * Commits the steps of many jobs in one transaction, each after checking its job's lease: one commit (one fsync)
 * for the whole batch. If any step fails, the batch is rolled back and each step is committed on its own, so one
 * bad job neither holds back the others nor commits half its writes. Returns one result per step, in order: its
 * outcome, null to go on, "lease-lost", or the error that rolled it back.
 */
export async function commitEach(store: DeliveryStore, steps: readonly JobStep[]): Promise<StepResult[]> {
  if (steps.length === 0) return [];
  try {
    return await store.transaction(async (unit) => {
      const results: StepResult[] = [];
      for (const step of steps) results.push(await runChecked(unit, step));
      return results;
    });
  } catch {
    const results: StepResult[] = [];
    for (const step of steps) {
      try {
        results.push(await store.transaction((unit) => runChecked(unit, step)));
      } catch (error) {
        if (error instanceof LeaseLost) results.push("lease-lost");
        else results.push(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return results;
  }
}

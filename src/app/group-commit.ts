import { commitEach, type JobStep } from "./commit-job-steps.ts";
import type { DeliveryStore } from "./ports/delivery-store.ts";

type StepResult = Awaited<ReturnType<typeof commitEach>>[number];

/** Commits steps that arrive one by one, several to a transaction when they arrive while a commit is running. */
export interface GroupCommit {
  /** Resolves once `step` is committed (or rolled back): with its outcome, null, "lease-lost" or its error. */
  commit(step: JobStep): Promise<StepResult>;
}

interface Pending {
  readonly step: JobStep;
  readonly resolve: (result: StepResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for the relay's answers. Each submission lane waits for its answer to be committed before it submits
 * again, so a commit (an fsync on SQLite, a round trip on PostgreSQL) is on every lane's path. One commit at a time
 * runs; the answers that arrive meanwhile go together into the next one, through {@link commitEach}: a step that
 * fails is committed again on its own, so no answer waits on another's failure. A commit starts on the turn of the
 * event loop after the answer that asks for it, so that the answers read from the other lanes' connections in the
 * same turn join it: SQLite commits synchronously, so while one fsync runs nothing else arrives, and the replies that
 * came in meanwhile are all read in the next turn. With one lane this is one commit per answer, as before; with
 * several it saves commits without widening the window in which a crash can duplicate a message (a lane still waits
 * for its own answer's commit).
 */
export function createGroupCommit(store: DeliveryStore): GroupCommit {
  let queue: Pending[] = [];
  let running = false;
  const flush = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        const results = await commitEach(
          store,
          batch.map((p) => p.step),
        );
        for (const [i, pending] of batch.entries()) pending.resolve(results[i] ?? null);
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    running = false;
  };
  return {
    commit(step) {
      return new Promise<StepResult>((resolve, reject) => {
        queue.push({ step, resolve, reject });
        if (!running) {
          running = true;
          setImmediate(() => void flush());
        }
      });
    },
  };
}

/**
 * Limits how many submissions run at once. Between the relay's 250 and the commit that records it, a crash makes the
 * delivery go out again on retry; with one lane per worker process (the default) only one submission is ever in that
 * window, which bounds the duplicates to one per crash. More lanes submit in parallel at the price of up to that many
 * duplicates per crash. Composition, archiving and the other records run in parallel and in batches regardless.
 */
export interface SubmissionLane {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** A lane `width` submissions wide, shared by every batch of one worker process. */
export function createSubmissionLane(width = 1): SubmissionLane {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= width) await new Promise<void>((resolve) => waiting.push(resolve));
      else running++;
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next === undefined) running--;
        else next();
      }
    },
  };
}

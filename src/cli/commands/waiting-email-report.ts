/** What {@link reportWaitingEmail} watches and where it says it. */
export interface WaitingEmailReport {
  /** E-mail delivery jobs waiting now. */
  readonly count: () => Promise<number>;
  /** Says that `waiting` jobs wait (a log line). */
  readonly report: (waiting: number) => void;
  /** The count already said when the worker started. */
  readonly first: number;
  /** How often to count. */
  readonly everyMs: number;
  /** Ends the watch (before the database is closed). */
  readonly signal: AbortSignal;
}

/**
 * While a worker runs without e-mail (Peppol only), says how many e-mail delivery jobs wait each time that number has
 * changed, counted every `everyMs`: invoices that must be e-mailed pile up meanwhile, and the log said so only at start
 * and at stop. A count that fails (the database busy or closing) is skipped: the next one tells.
 */
export function reportWaitingEmail(watch: WaitingEmailReport): void {
  if (watch.signal.aborted) return;
  let said = watch.first;
  let counting = false;
  const timer = setInterval(() => {
    if (counting) return;
    counting = true;
    watch
      .count()
      .then(
        (waiting) => {
          if (waiting !== said && !watch.signal.aborted) {
            said = waiting;
            watch.report(waiting);
          }
        },
        () => undefined,
      )
      .finally(() => {
        counting = false;
      });
  }, watch.everyMs);
  timer.unref();
  watch.signal.addEventListener("abort", () => clearInterval(timer), { once: true });
}

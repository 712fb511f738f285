import type { HandledBounce } from "../../app/handle-bounce.ts";
import type { InboundOutcome } from "../../app/ports/bounce-store.ts";

/** What an intake reports while it runs, for logs. */
export type IntakeEvent =
  | { readonly kind: "connected"; readonly message: string }
  | {
      readonly kind: "handled";
      readonly ref: string;
      readonly outcome: HandledBounce["outcome"];
      readonly summary: string;
    }
  | { readonly kind: "refused"; readonly message: string }
  | { readonly kind: "error"; readonly message: string };

/** Messages handled so far, by where they went. */
export type IntakeTally = Record<InboundOutcome, number>;

export function emptyTally(): IntakeTally {
  return { processed: 0, unmatched: 0, quarantined: 0 };
}

/** Waits `ms`, or less when `signal` aborts first; never rejects. */
export function abortable(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

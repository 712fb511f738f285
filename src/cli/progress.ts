import cliProgress from "cli-progress";
import type { Io } from "./io.ts";

/** Counts work in progress: a live counter with the rate on a terminal, a line every 10,000 items otherwise. */
export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** Starts a progress counter for `what` (e.g. "invoices read"); silent when `quiet`. */
export function startProgress(io: Io, what: string, quiet = false): Progress {
  if (quiet) return { update: () => {}, stop: () => {} };
  if (!io.interactive) {
    let next = 10_000;
    return {
      update: (done) => {
        if (done >= next) {
          io.err(`${done} ${what}`);
          next = done + 10_000;
        }
      },
      stop: () => {},
    };
  }
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    { format: `{value} ${what} | {rate}/s | {duration_formatted}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0, { rate: 0 });
  return {
    update: (done) => {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(done, { rate: Math.round(done / seconds) });
    },
    stop: () => bar.stop(),
  };
}

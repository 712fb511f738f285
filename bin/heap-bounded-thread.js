// Plain JavaScript: bin/facteur.js imports it before tsx is registered, so that a thread-run command does not pay
// for a TypeScript loader in the main thread too (one more loader thread, some 20 MB).
import { Worker } from "node:worker_threads";
import { tsxWorkerScript } from "../src/cli/tsx-worker-script.js";

/**
 * The V8 heap of a long-running facteur process. V8 lets a heap grow from what is alive by a factor it derives from
 * the heap's maximum: with Node's default maximum (4 GB on this machine) the old generation may grow to four times
 * what is alive before it is collected, which took a `facteur worker` delivering 100,000 invoices to 430 MiB
 * resident while it kept some 70 MB alive. With a 1 GB maximum the factor is about 1.6 (bench/send.ts, 10,000
 * invoices: 252 against 321-344 MiB, CPU per invoice unchanged). 1 GB is no limit in practice. V8 reads the maximum
 * once, when a heap is created (`--max-old-space-size` cannot be changed later, nor set by `facteur` itself for the
 * main thread), so the command runs in a worker thread, whose heap is created with these limits.
 */
export const LONG_RUNNING_HEAP = Object.freeze({ maxOldGenerationSizeMb: 1024 });

const SIGNALS = ["SIGTERM", "SIGINT"];

/**
 * What the thread runs before its entry: it relays the signals the main thread forwards (signals reach only the main
 * thread) to the command's own handlers, or ends the thread as the signal would end a process when the command has
 * none yet.
 */
const SIGNAL_RELAY = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", (message) => {
  const signal = message && message.signal;
  if (signal !== "SIGTERM" && signal !== "SIGINT") return;
  if (process.listenerCount(signal) > 0) process.emit(signal, signal);
  else process.exit(signal === "SIGINT" ? 130 : 143);
});
parentPort.unref();
`;

/**
 * Runs the ES module `entry` (TypeScript) in a worker thread of this process with {@link LONG_RUNNING_HEAP}: the
 * process id stays the same (a SIGKILL still ends everything at once), SIGTERM and SIGINT are relayed, the thread's
 * output goes to this process's stdout and stderr, and the promise resolves with the thread's exit code (70, an
 * internal error, when it threw).
 * @param {URL} entry
 * @param {{ argv?: string[], workerData?: unknown, onMessage?: (message: unknown) => void }} [options]
 * @returns {Promise<number>}
 */
export function runInHeapBoundedThread(entry, options = {}) {
  const worker = new Worker(tsxWorkerScript(entry, SIGNAL_RELAY), {
    eval: true,
    argv: options.argv ?? [],
    workerData: options.workerData,
    resourceLimits: LONG_RUNNING_HEAP,
  });
  const relay = (signal) => worker.postMessage({ signal });
  for (const signal of SIGNALS) process.on(signal, relay);
  if (options.onMessage) worker.on("message", options.onMessage);
  return new Promise((resolve) => {
    let threw = false;
    worker.on("error", (error) => {
      threw = true;
      process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    });
    worker.on("exit", (code) => {
      for (const signal of SIGNALS) process.off(signal, relay);
      resolve(threw ? 70 : code);
    });
  });
}

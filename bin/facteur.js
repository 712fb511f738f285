#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so the CLI needs no build step.
import { register } from "tsx/esm/api";
import { runInHeapBoundedThread } from "./heap-bounded-thread.js";

/** Commands that run until stopped (for days): they run in a thread whose heap grows less (heap-bounded-thread.js). */
const LONG_RUNNING = [["worker"], ["peppol", "serve"], ["bounces", "imap"], ["bounces", "smtp"]];

const main = new URL("../src/cli/main.ts", import.meta.url);
const args = process.argv.slice(2);
if (LONG_RUNNING.some((words) => words.every((word, i) => args[i] === word))) {
  process.exitCode = await runInHeapBoundedThread(main, { argv: args });
} else {
  register();
  await import(main.href);
}

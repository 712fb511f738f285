#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so the CLI needs no build step.
import { register } from "tsx/esm/api";
import { runInHeapBoundedThread } from "./heap-bounded-thread.js";

const main = new URL("../src/cli/main.ts", import.meta.url);
// `facteur worker` runs for days: it runs in a thread whose heap grows less (see heap-bounded-thread.js).
if (process.argv[2] === "worker") {
  process.exitCode = await runInHeapBoundedThread(main, { argv: process.argv.slice(2) });
} else {
  register();
  await import(main.href);
}

// One worker process of bench/send.ts, started by it with BENCH_SEND_CHILD set. Plain JavaScript, like
// bin/facteur.js, so that the process is built as `facteur worker` builds its own: the work runs in the same
// heap-bounded thread (worker-loop.ts), and the main thread loads no TypeScript loader.
import { runInHeapBoundedThread } from "../../bin/heap-bounded-thread.js";

const text = process.env.BENCH_SEND_CHILD;
if (text === undefined) throw new Error("worker-process.js is started by bench/send.ts");
let work;
const code = await runInHeapBoundedThread(new URL("./worker-loop.ts", import.meta.url), {
  workerData: text,
  onMessage: (message) => {
    work = message;
  },
});
if (code !== 0 || work === undefined) throw new Error(`the worker thread ended with ${code} and no report`);
const cpu = process.cpuUsage();
process.send?.({
  ...work,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
});

/** Run by heap-bounded-thread.int.test.ts in the heap-bounded thread: reports its heap limit, then exits with 7. */

import { getHeapStatistics } from "node:v8";
import { parentPort } from "node:worker_threads";

parentPort?.postMessage({ heapLimit: getHeapStatistics().heap_size_limit, argv: process.argv.slice(2) });
process.exit(7);

/** Types of heap-bounded-thread.js, for the TypeScript that imports it (bench/send). */
export declare const LONG_RUNNING_HEAP: Readonly<{ maxOldGenerationSizeMb: number }>;
export declare function runInHeapBoundedThread(
  entry: URL,
  options?: {
    argv?: string[];
    workerData?: unknown;
    onMessage?: (message: unknown) => void;
  },
): Promise<number>;

/** Types of tsx-worker-script.js, for the TypeScript that imports it. */
export declare function tsxWorkerScript(entry: URL, prelude?: string): string;

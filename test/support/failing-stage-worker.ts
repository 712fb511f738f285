/**
 * A validation thread that breaks once the import has begun, as workerData.path says: "throw" throws out of the
 * thread, "exit" ends it without a word, "fail-later" sends one empty batch and then throws.
 */
import { parentPort, workerData } from "node:worker_threads";

const how = (workerData as { path: string }).path;
parentPort?.on("message", (message: { kind: string }) => {
  if (message.kind !== "start") return;
  if (how === "exit") process.exit(3);
  if (how === "fail-later") {
    parentPort?.postMessage({
      kind: "batch",
      batch: {
        seq: 0,
        read: 1,
        issues: [],
        invoices: { count: 0, values: [], audited: [], auditHeads: [] },
        generatedOgms: 0,
      },
    });
    setTimeout(() => {
      throw new Error("the validator broke");
    }, 50);
    return;
  }
  throw new Error("the validator broke");
});

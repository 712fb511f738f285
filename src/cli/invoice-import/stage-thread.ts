import { Worker } from "node:worker_threads";
import type { InvoiceStage, StagedBatch, StartInvoiceStage } from "../../app/ports/invoice-stage.ts";
import { RecordSourceError } from "../../app/ports/record-source-error.ts";
import type { InputIssue } from "../../core/errors/app-error.ts";
import { tsxWorkerScript } from "../tsx-worker-script.js";
import { bundledWorker } from "./bundled-worker.ts";
import type { FromStage, StageThreadData, ToStage } from "./stage-messages.ts";

const STAGE_WORKER = new URL("./stage-worker.ts", import.meta.url);

/**
 * The thread's heap, bounded: with V8's defaults its lazily collected old generation took the import of 100,000
 * invoices to 330-350 MB resident (two heaps now). Bounded, it peaked near 260 MB. The young generation is left
 * large enough for a batch being validated to die young: at 16 MB its objects were promoted and collected again,
 * for about 15% more CPU in total than at 32 MB (measured at 50,000 invoices; 64 MB took the peak to 298 MB).
 * What the stage keeps alive is some 30 MB (its modules, the customers met, three batches).
 */
const THREAD_HEAP = { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 128 };

/** A validation thread for one import. */
export interface StageThread {
  /** Gives the thread the import's context: it validates from then on. */
  readonly start: StartInvoiceStage;
  /** Ends the thread, also when the stage never started. */
  close(): Promise<void>;
  /** Batches received from the thread so far: at most BATCHES_IN_FLIGHT more than the writer said were written. */
  received(): number;
}

/**
 * Starts the validation stage of an invoice import in a worker thread, which reads `data.path` itself and sends
 * what the writer stores, a batch per message (see stage-messages.ts). The thread starts loading its modules at once;
 * it begins validating when the import's transaction has begun. When the thread throws or dies, the stage fails with
 * an Error that says so, which rolls the import back. `close()` ends the thread, also when the stage never started.
 */
export function startStageThread(data: StageThreadData, entry: URL = STAGE_WORKER): StageThread {
  const bundle = bundledWorker(entry);
  const worker =
    bundle === undefined
      ? new Worker(tsxWorkerScript(entry), { eval: true, workerData: data, resourceLimits: THREAD_HEAP })
      : new Worker(bundle, { workerData: data, resourceLimits: THREAD_HEAP });
  const post = (message: ToStage) => worker.postMessage(message);
  const batches: StagedBatch[] = [];
  let ended = false;
  let failure: Error | undefined;
  let waiting:
    | { resolve: (batch: StagedBatch | undefined) => void; reject: (error: Error) => void }
    | undefined;
  const placed = new Map<
    number,
    { resolve: (issues: InputIssue[]) => void; reject: (error: Error) => void }
  >();
  let closed = false;
  let received = 0;
  const close = async () => {
    if (closed) return;
    closed = true;
    await worker.terminate();
  };

  const fail = (error: Error) => {
    if (failure !== undefined || closed) return;
    failure = error;
    waiting?.reject(error);
    waiting = undefined;
    for (const answer of placed.values()) answer.reject(error);
    placed.clear();
  };
  const deliver = () => {
    if (waiting === undefined) return;
    const batch = batches.shift();
    if (batch !== undefined || ended) {
      waiting.resolve(batch);
      waiting = undefined;
    }
  };
  worker.on("error", (error) => fail(new Error(`the invoice validation thread failed: ${error.message}`)));
  worker.on("exit", (code) => {
    if (!ended)
      fail(new Error(`the invoice validation thread stopped (exit code ${code}) before the end of the file`));
  });

  const start: StartInvoiceStage = (context) => {
    let customersAsked: Promise<void> = Promise.resolve();
    worker.on("message", (message: FromStage) => {
      switch (message.kind) {
        case "batch":
          received++;
          batches.push(message.batch);
          deliver();
          break;
        case "end":
          ended = true;
          deliver();
          break;
        case "customers":
          customersAsked = customersAsked
            .then(() => context.customers(message.numbers))
            .then((customers) => post({ kind: "customers", customers }))
            .catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
          break;
        case "placed":
          placed.get(message.seq)?.resolve([...message.issues]);
          placed.delete(message.seq);
          break;
        case "unreadable":
          fail(new RecordSourceError(message.issue));
          break;
        case "failed":
          fail(new Error(`the invoice validation thread failed: ${message.message}`));
          break;
      }
    });
    post({ kind: "start", at: context.at, audit: context.audit, firstOgm: context.firstOgm });
    const stage: InvoiceStage = {
      next: () =>
        new Promise<StagedBatch | undefined>((resolve, reject) => {
          if (failure !== undefined) return reject(failure);
          waiting = { resolve, reject };
          deliver();
        }),
      written: (seq, conflicts) => {
        if (conflicts.length === 0) {
          post({ kind: "written", seq, conflicts });
          return Promise.resolve([]);
        }
        return new Promise<InputIssue[]>((resolve, reject) => {
          if (failure !== undefined) return reject(failure);
          placed.set(seq, { resolve, reject });
          post({ kind: "written", seq, conflicts });
        });
      },
      close,
    };
    return stage;
  };
  return { start, close, received: () => received };
}

/**
 * The validation thread of a large invoice import (see stage-thread.ts): reads the file itself, validates and encodes
 * its invoices, and sends them to the writer a batch per message, never more than BATCHES_IN_FLIGHT ahead of it.
 */
import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import { RecordSourceError } from "../../app/ports/record-source-error.ts";
import { conflictIssues, stageInvoices } from "../../app/stage-invoices.ts";
import type { Customer } from "../../core/customer/customer.ts";
import { documentValidator } from "../../documents/document-validator.ts";
import { readInvoiceRecordBatches } from "../../imports/read-invoice-records.ts";
import { encodeInvoiceContent } from "../../store/invoices/invoice-content-codec.ts";
import { BATCHES_IN_FLIGHT, type FromStage, type StageThreadData, type ToStage } from "./stage-messages.ts";

function parent(): MessagePort {
  if (parentPort === null) throw new Error("stage-worker.ts runs as a worker thread");
  return parentPort;
}
const port = parent();
const data = workerData as StageThreadData;
const send = (message: FromStage) => port.postMessage(message);

type Start = Extract<ToStage, { kind: "start" }>;
let started: (start: Start) => void = () => undefined;
const start = new Promise<Start>((resolve) => {
  started = resolve;
});
let answer: ((customers: readonly Customer[]) => void) | undefined;
/** Batches written so far, and who waits for one more to be. */
let written = 0;
let wake: (() => void) | undefined;
/** The places of the invoices of the batches sent and not yet written, to place the conflicts the writer finds. */
const inFlight = new Map<number, readonly string[]>();

port.on("message", (message: ToStage) => {
  if (message.kind === "start") started(message);
  else if (message.kind === "customers") answer?.(message.customers);
  else {
    const places = inFlight.get(message.seq) ?? [];
    inFlight.delete(message.seq);
    written++;
    if (message.conflicts.length > 0)
      send({
        kind: "placed",
        seq: message.seq,
        issues: conflictIssues(data.source, places, message.conflicts),
      });
    wake?.();
  }
});

async function run(): Promise<void> {
  const { at, audit, firstOgm } = await start;
  const batches = stageInvoices(
    { seller: data.seller, validator: documentValidator, encodeContent: encodeInvoiceContent },
    { records: readInvoiceRecordBatches(data.path), source: data.source },
    {
      at,
      audit,
      firstOgm,
      customers: (numbers) => {
        const answered = new Promise<readonly Customer[]>((resolve) => {
          answer = resolve;
        });
        send({ kind: "customers", numbers });
        return answered;
      },
    },
  );
  let sent = 0;
  for await (const { batch, places } of batches) {
    while (sent - written >= BATCHES_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
    inFlight.set(batch.seq, places);
    send({ kind: "batch", batch });
    sent++;
  }
  send({ kind: "end" });
  // Stay until every batch is written, to place conflicts in the last ones; the writer then ends this thread.
  while (written < sent) await new Promise<void>((resolve) => (wake = resolve));
  port.close();
}

run().catch((error: unknown) => {
  if (error instanceof RecordSourceError) send({ kind: "unreadable", issue: error.issue });
  else
    send({
      kind: "failed",
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  port.close();
});

import { z } from "zod";
import type { Delivery } from "../core/delivery/delivery.ts";
import { isFinalDeliveryState } from "../core/delivery/delivery-state.ts";
import { AppError, formatInputIssue } from "../core/errors/app-error.ts";
import { commitEach, type JobStep } from "./commit-job-steps.ts";
import { type ComposeDeliveryDeps, composeDelivery, PermanentFailure } from "./compose-delivery.ts";
import type { DeliverySettings } from "./delivery-settings.ts";
import { createGroupCommit, type GroupCommit } from "./group-commit.ts";
import type { JobOutcome } from "./job-outcome.ts";
import type { DeliveryStore, DeliveryUnitOfWork } from "./ports/delivery-store.ts";
import type { ClaimedJob } from "./ports/job-queue.ts";
import type { MailTransport, SubmitResult } from "./ports/mail-transport.ts";
import type { ArchivedObject, MessageArchive } from "./ports/message-archive.ts";
import { recordArchiveEvent } from "./record-archive-event.ts";
import { parkStep, resultStep } from "./record-delivery-result.ts";
import { createSubmissionLane, type SubmissionLane } from "./submission-lane.ts";

export interface DeliveryWorkerDeps extends ComposeDeliveryDeps {
  readonly store: DeliveryStore;
  readonly archive: MessageArchive;
  readonly transport: MailTransport;
  readonly settings: DeliverySettings;
  readonly now: () => Date;
  /** This worker's name in leases and events: `worker:<host>:<pid>`. */
  readonly worker: string;
}

const payloadSchema = z.object({ deliveryId: z.string().min(1) });

/** One job on its way through the steps. */
interface Item {
  readonly job: ClaimedJob;
  delivery?: Delivery;
  /** Set when the job ends without a submission: park with this reason, or finish ("skip"). */
  settle?: { readonly park: string } | "skip";
  fresh?: FreshArchive;
  raw?: Buffer;
  from?: string;
  error?: unknown;
  outcome?: JobOutcome;
}

/**
 * Messages of one batch rendered and composed at once. Rendering is CPU work on this thread, so more at once gains
 * nothing but memory (every PDF in progress holds its pages); a few overlap the archive's fsyncs with rendering.
 */
const PREPARING_AT_ONCE = 4;

/** Runs `task` on every item, at most `limit` at a time. */
async function eachAtMost<T>(
  limit: number,
  items: readonly T[],
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const runner = async () => {
    for (let i = next++; i < items.length; i = next++) await task(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
}

/** The error as one line, with every input issue an AppError carries. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (!(error instanceof AppError) || error.issues.length === 0) return error.message;
  return `${error.message}: ${error.issues.map(formatInputIssue).join("; ")}`;
}

/** Retrying cannot fix it: the invoice cannot be rendered, or the composer finds the delivery invalid. */
function isPermanent(error: unknown): boolean {
  return error instanceof PermanentFailure || (error instanceof AppError && error.code === "invalid-input");
}

/**
 * Runs a batch of `deliver` jobs through their steps, each recorded before the next so that a retry never repeats a
 * completed one: compose and sign, store the bytes in the archive and record their hash on the delivery; then submit
 * those bytes (the archived ones on every later attempt: same bytes, same Message-ID, never recomposed); then record
 * the relay's answer, at once and one submission at a time (see {@link SubmissionLane}). 2xx: accepted. 5xx: failed, reply kept. 4xx or no reply: deferred to the schedule's next time,
 * or expired past it. Exceptions are crashes: retried after a backoff, parked after `maxCrashes` in a row or at once
 * when retrying cannot help. The other records are committed for the whole batch in one transaction (one fsync for
 * many jobs); every write checks the job's lease, so a worker that lost a job records and sends nothing more.
 * Returns one outcome per job, in order.
 */
export async function processDeliveryJobs(
  deps: DeliveryWorkerDeps,
  jobs: readonly ClaimedJob[],
  lane: SubmissionLane = createSubmissionLane(),
  answers: GroupCommit = createGroupCommit(deps.store),
): Promise<JobOutcome[]> {
  const items: Item[] = jobs.map((job) => ({ job }));
  await Promise.all(items.map((item) => triage(deps, item)));
  await eachAtMost(
    PREPARING_AT_ONCE,
    items.filter((i) => i.delivery && !i.settle && !i.error),
    (i) => prepare(deps, i),
  );
  await recordArchived(
    deps,
    items.filter((i) => i.fresh && !i.error),
  );
  const ready = items.filter((i) => i.raw && i.from !== undefined && !i.error && !i.outcome);
  await Promise.all(ready.map((item) => lane.run(() => submitAndRecord(deps, item, answers))));
  await settle(deps, items);
  return items.map((item) => item.outcome ?? "crashed");
}

/** Runs one job: {@link processDeliveryJobs} with a batch of one. */
export async function processDeliveryJob(deps: DeliveryWorkerDeps, job: ClaimedJob): Promise<JobOutcome> {
  const [outcome] = await processDeliveryJobs(deps, [job]);
  return outcome ?? "crashed";
}

async function triage(deps: DeliveryWorkerDeps, item: Item): Promise<void> {
  const { job } = item;
  if (job.crashes >= deps.settings.maxCrashes) {
    item.settle = { park: `crashed ${job.crashes} times; last error: ${job.lastError ?? "its worker died"}` };
    return;
  }
  const payload = payloadSchema.safeParse(job.payload);
  if (!payload.success) {
    item.settle = { park: `invalid payload: ${payload.error.message}` };
    return;
  }
  try {
    const delivery = await deps.store.getDelivery(payload.data.deliveryId);
    if (delivery === null || isFinalDeliveryState(delivery.state) || delivery.state === "parked")
      item.settle = "skip";
    else item.delivery = delivery;
  } catch (error) {
    item.error = error;
  }
}

/** The bytes to submit: the archived ones when the delivery has them, else composed and archived now. */
async function prepare(deps: DeliveryWorkerDeps, item: Item): Promise<void> {
  const delivery = item.delivery as Delivery;
  try {
    if (delivery.archive !== null) {
      const raw = await deps.archive.get(delivery.archive.sha256);
      if (raw === null)
        throw new Error(`archived message ${delivery.archive.sha256} is missing from the archive`);
      item.raw = raw;
      item.from = delivery.archive.envelopeFrom;
      return;
    }
    const message = await composeDelivery(deps, delivery);
    item.fresh = { object: await deps.archive.put(message.raw), envelopeFrom: message.envelope.from };
    item.raw = message.raw;
    item.from = message.envelope.from;
  } catch (error) {
    item.error = error;
  }
}

/** A message composed for a delivery and stored in the archive, not yet recorded on the delivery. */
export interface FreshArchive {
  readonly object: ArchivedObject;
  readonly envelopeFrom: string;
}

/**
 * The writes that record a freshly archived message on its delivery, in the caller's transaction: the archive index
 * entry with its retention date, and the delivery's `archive` event with the hash as evidence.
 */
export async function writeArchived(
  unit: DeliveryUnitOfWork,
  deps: Pick<DeliveryWorkerDeps, "settings" | "worker">,
  delivery: Delivery,
  fresh: FreshArchive,
  at: Date,
): Promise<void> {
  await recordArchiveEvent(unit, deps, delivery, fresh, { envelopeFrom: fresh.envelopeFrom }, at);
}

/** Records the hash of every freshly archived message on its delivery, before anything is submitted. */
async function recordArchived(deps: DeliveryWorkerDeps, items: readonly Item[]): Promise<void> {
  if (items.length === 0) return;
  const at = deps.now();
  const steps = items.map(
    (item): JobStep => ({
      job: item.job,
      run: async (unit) => {
        await writeArchived(unit, deps, item.delivery as Delivery, item.fresh as FreshArchive, at);
        return null;
      },
    }),
  );
  const results = await commitEach(deps.store, steps);
  for (const [i, item] of items.entries()) {
    const result = results[i];
    if (result === "lease-lost") item.outcome = "lease-lost";
    else if (result instanceof Error) item.error = result;
    else {
      const delivery = item.delivery as Delivery;
      const fresh = item.fresh as FreshArchive;
      item.delivery = {
        ...delivery,
        archive: { ...fresh.object, envelopeFrom: fresh.envelopeFrom, archivedAt: at },
      };
    }
  }
}

/** Submits one prepared message and commits the relay's answer (with the other lanes' answers that arrive meanwhile) before the lane lets the next submission start. */
async function submitAndRecord(deps: DeliveryWorkerDeps, item: Item, answers: GroupCommit): Promise<void> {
  const delivery = item.delivery as Delivery;
  let result: SubmitResult;
  try {
    result = await deps.transport.submit({
      raw: item.raw as Buffer,
      messageId: delivery.messageId,
      envelope: { from: item.from as string, to: delivery.recipients.map((r) => r.email) },
    });
  } catch (error) {
    item.error = error;
    return;
  }
  const recorded = await answers.commit({
    job: item.job,
    run: resultStep(deps, delivery, item.job, result, deps.now()),
    fenced: true,
  });
  if (recorded instanceof Error) item.error = recorded;
  else item.outcome = recorded ?? "crashed";
}

/** Records every skip and park in one transaction, then every crash in another. */
async function settle(deps: DeliveryWorkerDeps, items: readonly Item[]): Promise<void> {
  const at = deps.now();
  const open = items.filter((i) => !i.outcome && !i.error && i.settle !== undefined);
  const steps = open.map((item): JobStep => {
    if (item.settle === "skip") {
      return {
        job: item.job,
        run: async (unit) => {
          await unit.completeJob(item.job.lease, at);
          return "skipped";
        },
      };
    }
    const reason = item.settle?.park ?? "the job ended without a submission";
    return { job: item.job, run: parkStep(deps, item.job, reason, at) };
  });
  for (const [i, result] of (await commitEach(deps.store, steps)).entries()) {
    const item = open[i] as Item;
    if (result instanceof Error) item.error = result;
    else item.outcome = result ?? "crashed";
  }
  const crashed = items.filter((i) => !i.outcome && i.error !== undefined);
  const crashSteps = crashed.map((item): JobStep => {
    const message = describeError(item.error);
    const crashes = item.job.crashes + 1;
    if (isPermanent(item.error)) return { job: item.job, run: parkStep(deps, item.job, message, at) };
    if (crashes >= deps.settings.maxCrashes) {
      return {
        job: item.job,
        run: parkStep(deps, item.job, `crashed ${crashes} times; last error: ${message}`, at),
      };
    }
    const runAt = new Date(at.getTime() + deps.settings.crashBackoffMs * 2 ** (crashes - 1));
    return {
      job: item.job,
      run: async (unit) => {
        await unit.retryJob(item.job.lease, runAt, at, message);
        return "crashed";
      },
    };
  });
  for (const [i, result] of (await commitEach(deps.store, crashSteps)).entries()) {
    const item = crashed[i] as Item;
    if (result instanceof Error) throw result;
    item.outcome = result ?? "crashed";
  }
}

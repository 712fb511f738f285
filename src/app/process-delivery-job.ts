import { z } from "zod";
import type { JsonObject } from "../core/audit/json-value.ts";
import type { Customer } from "../core/customer/customer.ts";
import type { Delivery, RelayReply } from "../core/delivery/delivery.ts";
import { isFinalDeliveryState } from "../core/delivery/delivery-state.ts";
import { nextRetry } from "../core/delivery/retry-schedule.ts";
import { buildInvoiceDocument } from "../core/invoice/build-invoice-document.ts";
import type { SellerProfile } from "../core/invoice/seller-profile.ts";
import type { DeliverySettings } from "./delivery-settings.ts";
import type { DeliveryStore, DeliveryUnitOfWork } from "./ports/delivery-store.ts";
import type { InvoiceRenderer } from "./ports/invoice-renderer.ts";
import type { ClaimedJob, JobLease } from "./ports/job-queue.ts";
import type { MailTransport, SubmitResult } from "./ports/mail-transport.ts";
import type { MessageArchive } from "./ports/message-archive.ts";
import type { MessageComposer } from "./ports/message-composer.ts";

export interface DeliveryWorkerDeps {
  readonly store: DeliveryStore;
  readonly archive: MessageArchive;
  readonly transport: MailTransport;
  readonly composer: MessageComposer;
  readonly renderer: InvoiceRenderer;
  readonly seller: SellerProfile;
  readonly settings: DeliverySettings;
  readonly now: () => Date;
  /** This worker's name in leases and events: `worker:<host>:<pid>`. */
  readonly worker: string;
}

/** What became of one job. */
export type JobOutcome =
  | "accepted"
  | "failed"
  | "deferred"
  | "expired"
  | "crashed"
  | "parked"
  | "skipped"
  | "lease-lost";

const payloadSchema = z.object({ deliveryId: z.string().min(1) });

/** Another worker took the job over (our lease ran out): nothing more may be written or sent for it. */
class LeaseLost extends Error {}

/** A failure that retrying cannot fix (the invoice cannot be rendered): the job is parked at once. */
class PermanentFailure extends Error {}

/** The signed bytes of a delivery and the envelope they are always submitted with. */
interface Prepared {
  readonly raw: Buffer;
  readonly from: string;
  readonly delivery: Delivery;
}

/**
 * Runs one `deliver` job through its steps, each recorded before the next so that a retry never repeats a completed
 * one: compose and sign, store the bytes in the archive and record their hash on the delivery; then submit those bytes
 * (the archived ones on every later attempt: same bytes, same Message-ID, never recomposed); then record the reply.
 * 2xx: accepted. 5xx: failed, reply kept. 4xx or no reply: deferred to the schedule's next time, or expired past it.
 * Exceptions are crashes: the job is retried after a backoff and parked after `maxCrashes` in a row. Every write names
 * the lease, so a worker that lost its job records nothing and sends nothing more.
 */
export async function processDeliveryJob(deps: DeliveryWorkerDeps, job: ClaimedJob): Promise<JobOutcome> {
  try {
    if (job.crashes >= deps.settings.maxCrashes) {
      return await park(
        deps,
        job,
        `crashed ${job.crashes} times; last error: ${job.lastError ?? "worker died"}`,
      );
    }
    const payload = payloadSchema.safeParse(job.payload);
    if (!payload.success) return await park(deps, job, `invalid payload: ${payload.error.message}`);
    const delivery = await deps.store.getDelivery(payload.data.deliveryId);
    if (delivery === null || isFinalDeliveryState(delivery.state) || delivery.state === "parked") {
      return await finishWithoutSending(deps, job.lease);
    }
    const prepared = await prepare(deps, job.lease, delivery);
    const result = await deps.transport.submit({
      raw: prepared.raw,
      messageId: delivery.messageId,
      envelope: { from: prepared.from, to: delivery.recipients.map((r) => r.email) },
    });
    return await record(deps, job.lease, prepared.delivery, result);
  } catch (error) {
    if (error instanceof LeaseLost) return "lease-lost";
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof PermanentFailure) return await parkOrLose(deps, job, message);
    return await crash(deps, job, message);
  }
}

/** Runs `work` in a transaction that first checks the lease is still ours (and, on PostgreSQL, locks the job). */
function leased<T>(
  deps: DeliveryWorkerDeps,
  lease: JobLease,
  work: (unit: DeliveryUnitOfWork) => Promise<T>,
) {
  return deps.store.transaction(async (unit) => {
    if (!(await unit.holdsLease(lease))) throw new LeaseLost(`job ${lease.jobId} was taken over`);
    return work(unit);
  });
}

async function finishWithoutSending(deps: DeliveryWorkerDeps, lease: JobLease): Promise<JobOutcome> {
  await leased(deps, lease, (unit) => unit.completeJob(lease, deps.now()));
  return "skipped";
}

/** The bytes to submit: the archived ones when the delivery has them, else composed, archived and recorded now. */
async function prepare(deps: DeliveryWorkerDeps, lease: JobLease, delivery: Delivery): Promise<Prepared> {
  if (delivery.archive !== null) {
    const raw = await deps.archive.get(delivery.archive.sha256);
    if (raw === null)
      throw new Error(`archived message ${delivery.archive.sha256} is missing from the archive`);
    return { raw, from: delivery.archive.envelopeFrom, delivery };
  }
  const message = await compose(deps, delivery);
  if (message.messageId !== delivery.messageId) {
    throw new Error(
      `the composer wrote Message-ID ${message.messageId}, not the delivery's ${delivery.messageId}`,
    );
  }
  const object = await deps.archive.put(message.raw);
  const at = deps.now();
  const archive = { object, envelopeFrom: message.envelope.from };
  await leased(deps, lease, async (unit) => {
    await unit.indexArchived(object, retainUntil(at, deps.settings.retentionYears), at);
    await unit.changeDelivery({
      deliveryId: delivery.id,
      event: "archive",
      from: delivery.state,
      to: delivery.state,
      at,
      actor: deps.worker,
      evidence: { sha256: object.sha256, size: object.size, envelopeFrom: message.envelope.from },
      set: { archive },
    });
  });
  return {
    raw: message.raw,
    from: message.envelope.from,
    delivery: { ...delivery, archive: { ...object, envelopeFrom: archive.envelopeFrom, archivedAt: at } },
  };
}

async function compose(deps: DeliveryWorkerDeps, delivery: Delivery) {
  const invoice = await deps.store.getInvoice(delivery.invoiceNumber);
  const customer = await deps.store.getCustomer(delivery.customerNumber);
  if (invoice === null || customer === null) {
    throw new PermanentFailure(
      `invoice ${delivery.invoiceNumber} or customer ${delivery.customerNumber} is gone`,
    );
  }
  const copy = delivery.role === "copy";
  const document = buildInvoiceDocument(invoice.content, {
    number: delivery.invoiceNumber,
    seller: deps.seller,
    buyer: customer,
    ...(invoice.structuredCommunication ? { structuredCommunication: invoice.structuredCommunication } : {}),
    dueDate: dueDate(invoice.content.issueDate, customer),
    ...(delivery.recipients[0] ? { buyerEmail: delivery.recipients[0].email } : {}),
  });
  const ubl = deps.renderer.ubl(document);
  if (!ubl.ok)
    throw new PermanentFailure(`invoice ${delivery.invoiceNumber} cannot be written as UBL: ${ubl.message}`);
  const pdf = await deps.renderer.pdf(document, { language: customer.language, copy });
  return deps.composer.compose({
    deliveryId: delivery.id,
    messageId: delivery.messageId,
    copy,
    to: delivery.recipients.map((r) => ({ email: r.email, name: r.name })),
    customer,
    document,
    pdf,
    ubl: copy ? null : ubl.xml,
  });
}

/** Issue date plus the customer's payment terms, for invoices whose content has no due date. */
function dueDate(issueDate: string, customer: Customer): string {
  const [year, month, day] = issueDate.split("-").map(Number);
  const at = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + customer.paymentTermsDays));
  return at.toISOString().slice(0, 10);
}

/** The last day an object archived at `at` must be kept. */
function retainUntil(at: Date, years: number): string {
  const until = new Date(at.getTime());
  until.setUTCFullYear(until.getUTCFullYear() + years);
  return until.toISOString().slice(0, 10);
}

function replyEvidence(reply: RelayReply | null): JsonObject {
  return reply === null
    ? { reply: null, queueId: null }
    : { reply: { code: reply.code, enhanced: reply.enhanced, text: reply.text }, queueId: reply.queueId };
}

/** Records the relay's answer and settles the job, in one transaction. */
async function record(
  deps: DeliveryWorkerDeps,
  lease: JobLease,
  delivery: Delivery,
  result: SubmitResult,
): Promise<JobOutcome> {
  const at = deps.now();
  const attempts = delivery.attempts + 1;
  const firstAttemptAt = delivery.firstAttemptAt ?? at;
  const sha256 = delivery.archive?.sha256 ?? null;
  const base = { deliveryId: delivery.id, from: delivery.state, at, actor: deps.worker };
  return leased(deps, lease, async (unit) => {
    if (result.kind === "accepted" || result.kind === "rejected") {
      const accepted = result.kind === "accepted";
      await unit.changeDelivery({
        ...base,
        event: accepted ? "accept" : "reject",
        to: accepted ? "accepted" : "failed",
        evidence: { ...replyEvidence(result.reply), sha256, attempt: attempts },
        set: {
          attempts,
          firstAttemptAt,
          nextAttemptAt: null,
          lastReply: result.reply,
          ...(accepted ? { acceptedAt: at } : {}),
        },
      });
      await unit.completeJob(lease, at);
      return accepted ? "accepted" : "failed";
    }
    const decision = nextRetry(deps.settings.schedule, attempts, firstAttemptAt, at);
    const evidence = { ...replyEvidence(result.reply), error: result.error, sha256, attempt: attempts };
    const set = { attempts, firstAttemptAt, lastReply: result.reply };
    if (decision.kind === "expire") {
      await unit.changeDelivery({
        ...base,
        event: "expire",
        to: "expired",
        evidence,
        set: { ...set, nextAttemptAt: null },
      });
      await unit.completeJob(lease, at);
      return "expired";
    }
    await unit.changeDelivery({
      ...base,
      event: "defer",
      to: "deferred",
      evidence: { ...evidence, nextAttemptAt: decision.at.toISOString() },
      set: { ...set, nextAttemptAt: decision.at },
    });
    await unit.retryJob(lease, decision.at, at);
    return "deferred";
  });
}

/** An exception: retry after a backoff, or park once the job has crashed `maxCrashes` times in a row. */
async function crash(deps: DeliveryWorkerDeps, job: ClaimedJob, message: string): Promise<JobOutcome> {
  const crashes = job.crashes + 1;
  if (crashes >= deps.settings.maxCrashes)
    return parkOrLose(deps, job, `crashed ${crashes} times; last error: ${message}`);
  const at = deps.now();
  const runAt = new Date(at.getTime() + deps.settings.crashBackoffMs * 2 ** (crashes - 1));
  try {
    await leased(deps, job.lease, (unit) => unit.retryJob(job.lease, runAt, at, message));
    return "crashed";
  } catch (error) {
    if (error instanceof LeaseLost) return "lease-lost";
    throw error;
  }
}

async function parkOrLose(deps: DeliveryWorkerDeps, job: ClaimedJob, message: string): Promise<JobOutcome> {
  try {
    return await park(deps, job, message);
  } catch (error) {
    if (error instanceof LeaseLost) return "lease-lost";
    throw error;
  }
}

/** Parks the job, and its delivery when it is still waiting, with the error as evidence. */
async function park(deps: DeliveryWorkerDeps, job: ClaimedJob, message: string): Promise<JobOutcome> {
  const at = deps.now();
  const payload = payloadSchema.safeParse(job.payload);
  await leased(deps, job.lease, async (unit) => {
    const delivery = payload.success ? await unit.getDelivery(payload.data.deliveryId) : null;
    if (delivery !== null && (delivery.state === "queued" || delivery.state === "deferred")) {
      await unit.changeDelivery({
        deliveryId: delivery.id,
        event: "park",
        from: delivery.state,
        to: "parked",
        at,
        actor: deps.worker,
        evidence: { error: message, job: job.id, crashes: job.crashes },
      });
    }
    await unit.parkJob(job.lease, message, at);
  });
  return "parked";
}

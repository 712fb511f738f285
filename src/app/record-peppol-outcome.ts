import type { JsonObject } from "../core/audit/json-value.ts";
import type { Delivery } from "../core/delivery/delivery.ts";
import { retainUntil } from "../core/delivery/retain-until.ts";
import { nextRetry } from "../core/delivery/retry-schedule.ts";
import type { ChannelDecision } from "../core/peppol/channel-policy.ts";
import { type JobStep, LeaseLost } from "./commit-job-steps.ts";
import type { DeliverySettings } from "./delivery-settings.ts";
import type { DeliveryUnitOfWork } from "./ports/delivery-store.ts";
import type { ClaimedJob } from "./ports/job-queue.ts";
import type { ArchivedObject } from "./ports/message-archive.ts";
import type { PeppolReceipt } from "./ports/peppol-sender.ts";
import { recordArchiveEvent } from "./record-archive-event.ts";

interface RecordDeps {
  readonly settings: DeliverySettings;
  readonly worker: string;
}

/** The AS4 request of this attempt, stored in the archive, with where it was posted. */
export interface StoredRequest {
  readonly object: ArchivedObject;
  readonly contentType: string;
  /** The seller's participant id: who the message is from. */
  readonly sender: string;
  /** The endpoint it was built for: a later attempt resends these bytes only to the same endpoint. */
  readonly endpoint: { readonly url: string; readonly certificateSerial: string };
}

/** What one attempt of a Peppol delivery came to, ready to be recorded. */
export type PeppolAttempt =
  | { readonly kind: "accepted"; readonly receipt: PeppolReceipt; readonly receiptObject: ArchivedObject }
  | { readonly kind: "rejected"; readonly error: JsonObject }
  | { readonly kind: "retry"; readonly error: JsonObject }
  | {
      readonly kind: "hold";
      /** The hold decision appended to the channel decisions, so that `invoices held` lists the invoice. */
      readonly decision: ChannelDecision & { readonly kind: "hold" };
      readonly decisionId: string;
      readonly lookup: JsonObject;
    };

/** Indexes the archived AS4 request and records it on the delivery (an `archive` event) unless it is already there. */
export async function recordRequest(
  unit: DeliveryUnitOfWork,
  deps: RecordDeps,
  delivery: Delivery,
  request: StoredRequest,
  at: Date,
): Promise<void> {
  if (delivery.archive?.sha256 === request.object.sha256) {
    await unit.indexArchived(request.object, retainUntil(at, deps.settings.retentionYears), at);
    return;
  }
  await recordArchiveEvent(
    unit,
    deps,
    delivery,
    { object: request.object, envelopeFrom: request.sender, contentType: request.contentType },
    { contentType: request.contentType, endpoint: { ...request.endpoint } },
    at,
  );
}

/**
 * The writes that record one attempt of a Peppol delivery and settle its job, in one transaction: the job first
 * (fenced by its lease), then the archived request (an `archive` event when its bytes are new), then the outcome:
 * accepted with the verified receipt as evidence (its archive hash, message id, timestamp, signer); failed with the
 * receiver's error; held (failed, with a hold decision appended) when the participant is no longer reachable; or
 * deferred to the schedule's next time, expired past it.
 */
export function peppolOutcomeStep(
  deps: RecordDeps,
  delivery: Delivery,
  job: ClaimedJob,
  attempt: PeppolAttempt,
  request: StoredRequest | null,
  at: Date,
): JobStep["run"] {
  const attempts = delivery.attempts + 1;
  const firstAttemptAt = delivery.firstAttemptAt ?? at;
  const retry =
    attempt.kind === "retry" ? nextRetry(deps.settings.schedule, attempts, firstAttemptAt, at) : null;
  return async (unit) => {
    const held =
      retry?.kind === "retry"
        ? await unit.retryJob(job.lease, retry.at, at)
        : await unit.completeJob(job.lease, at);
    if (!held) throw new LeaseLost(`job ${job.id} was taken over`);
    if (request !== null) await recordRequest(unit, deps, delivery, request, at);
    const base = { deliveryId: delivery.id, from: delivery.state, at, actor: deps.worker };
    const sent: JsonObject =
      request === null ? {} : { sha256: request.object.sha256, url: request.endpoint.url };
    const set = { attempts, firstAttemptAt };
    switch (attempt.kind) {
      case "accepted": {
        const { receipt, receiptObject } = attempt;
        await unit.indexArchived(receiptObject, retainUntil(at, deps.settings.retentionYears), at);
        await unit.changeDelivery({
          ...base,
          event: "accept",
          to: "accepted",
          evidence: {
            ...sent,
            attempt: attempts,
            receipt: {
              messageId: receipt.messageId,
              timestamp: receipt.timestamp,
              refToMessageId: receipt.refToMessageId,
              nonRepudiationReferences: receipt.nonRepudiationReferences,
              signer: { subject: receipt.signer.subject, serialNumber: receipt.signer.serialNumber },
              sha256: receiptObject.sha256,
              size: receiptObject.size,
              verified: true,
            },
          },
          set: { ...set, nextAttemptAt: null, acceptedAt: at },
        });
        return "accepted";
      }
      case "rejected":
        await unit.changeDelivery({
          ...base,
          event: "reject",
          to: "failed",
          evidence: { ...sent, attempt: attempts, error: attempt.error },
          set: { ...set, nextAttemptAt: null },
        });
        return "failed";
      case "hold":
        await unit.recordChannelDecisions([
          {
            id: attempt.decisionId,
            invoiceId: delivery.invoiceId,
            invoiceNumber: delivery.invoiceNumber,
            customerNumber: delivery.customerNumber,
            decidedAt: at,
            actor: deps.worker,
            decision: attempt.decision,
            participant: delivery.peppol?.participant ?? null,
            lookup: attempt.lookup,
          },
        ]);
        await unit.changeDelivery({
          ...base,
          event: "reject",
          to: "failed",
          evidence: {
            attempt: attempts,
            hold: attempt.decision.reason,
            explanation: attempt.decision.explanation,
            lookup: attempt.lookup,
          },
          set: { ...set, nextAttemptAt: null },
        });
        return "failed";
      case "retry":
        if (retry?.kind === "retry") {
          await unit.changeDelivery({
            ...base,
            event: "defer",
            to: "deferred",
            evidence: {
              ...sent,
              attempt: attempts,
              error: attempt.error,
              nextAttemptAt: retry.at.toISOString(),
            },
            set: { ...set, nextAttemptAt: retry.at },
          });
          return "deferred";
        }
        await unit.changeDelivery({
          ...base,
          event: "expire",
          to: "expired",
          evidence: { ...sent, attempt: attempts, error: attempt.error },
          set: { ...set, nextAttemptAt: null },
        });
        return "expired";
    }
  };
}

import { z } from "zod";
import type { JsonObject } from "../core/audit/json-value.ts";
import type { Delivery, RelayReply } from "../core/delivery/delivery.ts";
import { nextRetry } from "../core/delivery/retry-schedule.ts";
import { type JobStep, LeaseLost } from "./commit-job-steps.ts";
import type { DeliverySettings } from "./delivery-settings.ts";
import type { ClaimedJob } from "./ports/job-queue.ts";
import type { SubmitResult } from "./ports/mail-transport.ts";

interface RecordDeps {
  readonly settings: DeliverySettings;
  /** Who records: the worker's name. */
  readonly worker: string;
}

function replyEvidence(reply: RelayReply | null): JsonObject {
  return reply === null
    ? { reply: null, queueId: null }
    : { reply: { code: reply.code, enhanced: reply.enhanced, text: reply.text }, queueId: reply.queueId };
}

/**
 * Recipients the relay refused at RCPT TO while it took the message for the others: kept on the accept event, so
 * that the refusal is on record even though the delivery as a whole was accepted (and must not be resent).
 */
function refusedEvidence(result: SubmitResult): JsonObject {
  if (result.kind !== "accepted" || result.refused === undefined || result.refused.length === 0) return {};
  return {
    refused: result.refused.map((r) => ({
      address: r.address,
      code: r.reply.code,
      enhanced: r.reply.enhanced,
      text: r.reply.text,
    })),
  };
}

/**
 * The writes that record the relay's answer for one delivery and settle its job: accepted (2xx) and failed (5xx) end
 * the job; a deferral (4xx, no reply) queues it again at the schedule's next time, or expires the delivery when the
 * schedule has run out.
 */
export function resultStep(
  deps: RecordDeps,
  delivery: Delivery,
  job: ClaimedJob,
  result: SubmitResult,
  at: Date,
): JobStep["run"] {
  const attempts = delivery.attempts + 1;
  const firstAttemptAt = delivery.firstAttemptAt ?? at;
  const sha256 = delivery.archive?.sha256 ?? null;
  const base = { deliveryId: delivery.id, from: delivery.state, at, actor: deps.worker };
  const decision =
    result.kind === "deferred" ? nextRetry(deps.settings.schedule, attempts, firstAttemptAt, at) : null;
  return async (unit) => {
    // The job first: its update is fenced by the lease token and locks the row, so a worker that lost the job
    // rolls back before it writes anything about the delivery.
    const held =
      decision?.kind === "retry"
        ? await unit.retryJob(job.lease, decision.at, at)
        : await unit.completeJob(job.lease, at);
    if (!held) throw new LeaseLost(`job ${job.id} was taken over`);
    if (result.kind === "accepted" || result.kind === "rejected") {
      const accepted = result.kind === "accepted";
      await unit.changeDelivery({
        ...base,
        event: accepted ? "accept" : "reject",
        to: accepted ? "accepted" : "failed",
        evidence: { ...replyEvidence(result.reply), sha256, attempt: attempts, ...refusedEvidence(result) },
        set: {
          attempts,
          firstAttemptAt,
          nextAttemptAt: null,
          lastReply: result.reply,
          ...(accepted ? { acceptedAt: at } : {}),
        },
      });
      return accepted ? "accepted" : "failed";
    }
    const evidence = { ...replyEvidence(result.reply), error: result.error, sha256, attempt: attempts };
    const set = { attempts, firstAttemptAt, lastReply: result.reply };
    if (decision?.kind === "retry") {
      await unit.changeDelivery({
        ...base,
        event: "defer",
        to: "deferred",
        evidence: { ...evidence, nextAttemptAt: decision.at.toISOString() },
        set: { ...set, nextAttemptAt: decision.at },
      });
      return "deferred";
    }
    await unit.changeDelivery({
      ...base,
      event: "expire",
      to: "expired",
      evidence,
      set: { ...set, nextAttemptAt: null },
    });
    return "expired";
  };
}

const payloadSchema = z.object({ deliveryId: z.string().min(1) });

/** The writes that park a job, and its delivery when that is still waiting, with the error as evidence. */
export function parkStep(deps: RecordDeps, job: ClaimedJob, message: string, at: Date): JobStep["run"] {
  return async (unit) => {
    const payload = payloadSchema.safeParse(job.payload);
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
    return "parked";
  };
}

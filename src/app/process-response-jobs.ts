import { z } from "zod";
import type { JsonObject } from "../core/audit/json-value.ts";
import { retainUntil } from "../core/delivery/retain-until.ts";
import { nextRetry } from "../core/delivery/retry-schedule.ts";
import {
  isFinalResponseState,
  type OutgoingResponse,
  type OutgoingResponseRequest,
} from "../core/peppol/outgoing-response.ts";
import { LeaseLost } from "./commit-job-steps.ts";
import { PermanentFailure } from "./compose-delivery.ts";
import type { DeliverySettings } from "./delivery-settings.ts";
import type { JobOutcome } from "./job-outcome.ts";
import { mapConcurrently } from "./map-concurrently.ts";
import { archiveBeforePost } from "./peppol-request-bytes.ts";
import type { ClaimedJob } from "./ports/job-queue.ts";
import type { MessageArchive } from "./ports/message-archive.ts";
import type { PeppolResponseOutbox, PeppolResponseUnit } from "./ports/peppol-response-outbox.ts";
import type { PeppolRequestBytes, PeppolSender, PeppolSendRequest } from "./ports/peppol-sender.ts";
import type { PeppolWorkerDirectory } from "./process-peppol-jobs.ts";
import { PEPPOL_RESPOND_JOB } from "./queue-peppol-response.ts";

export interface ResponseWorkerDeps {
  readonly outbox: PeppolResponseOutbox;
  readonly archive: MessageArchive;
  readonly directory: PeppolWorkerDirectory;
  readonly sender: PeppolSender;
  readonly settings: DeliverySettings;
  /** COUNTRY_C1 of the SBDH: the country of the party that answers (our seller's). */
  readonly countryC1: string;
  readonly now: () => Date;
  readonly worker: string;
}

const payloadSchema = z.object({ responseId: z.string().min(1) });

type Step = (unit: PeppolResponseUnit) => Promise<JobOutcome>;

/** The writes of one step, after checking the lease, in one transaction; a lost lease rolls them back. */
async function settle(deps: ResponseWorkerDeps, job: ClaimedJob, step: Step): Promise<JobOutcome> {
  try {
    return await deps.outbox.transaction(async (unit) => {
      if (!(await unit.holdsLease(job.lease))) throw new LeaseLost(`job ${job.id} was taken over`);
      return step(unit);
    });
  } catch (error) {
    if (error instanceof LeaseLost) return "lease-lost";
    throw error;
  }
}

/** A crash: parked when retrying cannot help or after `maxCrashes` in a row, else retried after a backoff. */
function crash(deps: ResponseWorkerDeps, job: ClaimedJob, error: unknown): Promise<JobOutcome> {
  const message = error instanceof Error ? error.message : String(error);
  const crashes = job.crashes + 1;
  const at = deps.now();
  return settle(deps, job, async (unit) => {
    if (error instanceof PermanentFailure || crashes >= deps.settings.maxCrashes) {
      const reason =
        error instanceof PermanentFailure ? message : `crashed ${crashes} times; last error: ${message}`;
      await unit.parkJob(job.lease, reason, at);
      // The response keeps its state (a released job tries again); its outcome says why it waits.
      const payload = payloadSchema.safeParse(job.payload);
      if (payload.success)
        await unit.changeResponse(payload.data.responseId, { outcome: { parked: reason }, at });
      return "parked";
    }
    const runAt = new Date(at.getTime() + deps.settings.crashBackoffMs * 2 ** (crashes - 1));
    await unit.retryJob(job.lease, runAt, at, message);
    return "crashed";
  });
}

/** Records the end of one attempt: delivered, failed, undeliverable, or deferred to the schedule (expired past it). */
function recordAttempt(
  deps: ResponseWorkerDeps,
  job: ClaimedJob,
  response: OutgoingResponse,
  result:
    | {
        readonly kind: "delivered";
        readonly receipt: { readonly sha256: string; readonly size: number };
        readonly outcome: JsonObject;
      }
    | { readonly kind: "failed" | "undeliverable" | "retry"; readonly outcome: JsonObject },
): Promise<JobOutcome> {
  const at = deps.now();
  const attempts = response.attempts + 1;
  const firstAttemptAt = response.firstAttemptAt ?? at;
  const change = { attempts, firstAttemptAt, at, outcome: { attempt: attempts, ...result.outcome } };
  return settle(deps, job, async (unit) => {
    switch (result.kind) {
      case "delivered":
        await unit.indexArchived(result.receipt, retainUntil(at, deps.settings.retentionYears), at);
        await unit.changeResponse(response.id, {
          ...change,
          state: "delivered",
          receiptSha256: result.receipt.sha256,
        });
        await unit.completeJob(job.lease, at);
        return "accepted";
      case "failed":
      case "undeliverable":
        await unit.changeResponse(response.id, { ...change, state: result.kind });
        await unit.completeJob(job.lease, at);
        return "failed";
      case "retry": {
        const retry = nextRetry(deps.settings.schedule, attempts, firstAttemptAt, at);
        if (retry.kind === "expire") {
          await unit.changeResponse(response.id, { ...change, state: "expired" });
          await unit.completeJob(job.lease, at);
          return "expired";
        }
        await unit.changeResponse(response.id, {
          ...change,
          state: "deferred",
          outcome: { ...change.outcome, nextAttemptAt: retry.at.toISOString() },
        });
        await unit.retryJob(job.lease, retry.at, at);
        return "deferred";
      }
    }
  });
}

async function archived(deps: ResponseWorkerDeps, sha256: string, what: string): Promise<Buffer> {
  const bytes = await deps.archive.get(sha256);
  if (bytes === null) throw new Error(`the ${what} ${sha256} is missing from the archive`);
  return bytes;
}

/**
 * The AS4 request of this attempt ({@link archiveBeforePost}): the bytes an earlier attempt archived for the same
 * endpoint (URL and certificate), or a new build recorded on the response before it is posted.
 */
async function requestFor(
  deps: ResponseWorkerDeps,
  job: ClaimedJob,
  response: OutgoingResponse,
  toSend: Omit<PeppolSendRequest, "previous">,
): Promise<PeppolRequestBytes | "lease-lost"> {
  const { endpoint } = toSend;
  const earlier = response.request;
  const same =
    earlier !== null &&
    earlier.url === endpoint.url &&
    earlier.certificateSerial === endpoint.certificate.serialNumber;
  const prepared = await archiveBeforePost(
    deps,
    toSend,
    same ? earlier : undefined,
    `of response ${response.id}`,
    (object, contentType) => {
      const request: OutgoingResponseRequest = {
        ...object,
        contentType,
        url: endpoint.url,
        certificateSerial: endpoint.certificate.serialNumber,
      };
      const at = deps.now();
      return settle(deps, job, async (unit) => {
        await unit.indexArchived(object, retainUntil(at, deps.settings.retentionYears), at);
        await unit.changeResponse(response.id, { request, at });
        return "accepted";
      });
    },
  );
  return prepared === "lease-lost" ? "lease-lost" : prepared.bytes;
}

async function attempt(
  deps: ResponseWorkerDeps,
  job: ClaimedJob,
  response: OutgoingResponse,
): Promise<JobOutcome> {
  const lookup = await deps.directory.lookup(
    { participant: response.receiver, documentType: response.documentType, process: response.process },
    { fresh: response.attempts > 0 },
  );
  // An answer that cannot be trusted (a bad SMP signature, an endpoint certificate not from the AP CA) says nothing
  // about the receiver: it is retried on the schedule like no answer, so that a fixed trust configuration or SMP
  // lets the response go out, and it expires past the schedule. Nothing is ever sent to an untrusted endpoint.
  if (lookup.kind === "try-later" || lookup.kind === "refused")
    return recordAttempt(deps, job, response, {
      kind: "retry",
      outcome: { lookup: lookup.kind, reason: lookup.reason },
    });
  if (lookup.kind !== "reachable")
    return recordAttempt(deps, job, response, {
      kind: "undeliverable",
      outcome: {
        lookup: lookup.kind,
        tried: [...lookup.tried],
        ...("reason" in lookup ? { reason: lookup.reason } : {}),
      },
    });
  const payload = await archived(deps, response.payloadSha256, "response payload");
  const toSend = {
    endpoint: lookup.endpoint,
    sbdh: {
      sender: response.sender,
      receiver: lookup.participant,
      documentType: response.documentType,
      process: response.process,
      countryC1: deps.countryC1,
      instanceIdentifier: response.id,
      creationDateTime: response.createdAt,
    },
    payload: payload.toString("utf8"),
    messageId: response.messageId,
  };
  const bytes = await requestFor(deps, job, response, toSend);
  if (bytes === "lease-lost") return "lease-lost";
  const sent = await deps.sender.send({ ...toSend, previous: bytes });
  const url = { url: lookup.endpoint.url };
  switch (sent.kind) {
    case "accepted": {
      const receipt = await deps.archive.put(sent.receipt.soap);
      return recordAttempt(deps, job, response, {
        kind: "delivered",
        receipt,
        outcome: {
          ...url,
          receipt: {
            messageId: sent.receipt.messageId,
            timestamp: sent.receipt.timestamp,
            signer: sent.receipt.signer.subject,
            sha256: receipt.sha256,
          },
        },
      });
    }
    case "rejected":
      return recordAttempt(deps, job, response, {
        kind: "failed",
        outcome: { ...url, error: { ...sent.error } },
      });
    case "look-up-again":
      return recordAttempt(deps, job, response, {
        kind: "retry",
        outcome: { ...url, error: { ...sent.error }, lookUpAgain: true },
      });
    case "retry-later":
      return recordAttempt(deps, job, response, { kind: "retry", outcome: { ...url, reason: sent.reason } });
  }
}

/**
 * One `peppol-respond` job: the response's receiver is looked up for the response's document type (the cache on the
 * first attempt only), the AS4 message is built, archived and recorded before it is posted (a retry posts the same
 * bytes with the same MessageId), and the signed receipt is archived and recorded. A receiver not on Peppol for that
 * document type makes the response undeliverable at once: retrying cannot help. No answer from the network, or one
 * that cannot be trusted, is retried on the schedule. Exceptions are crashes, retried
 * after a backoff and parked after `maxCrashes`.
 */
export async function processResponseJob(deps: ResponseWorkerDeps, job: ClaimedJob): Promise<JobOutcome> {
  try {
    if (job.crashes >= deps.settings.maxCrashes)
      throw new PermanentFailure(
        `crashed ${job.crashes} times; last error: ${job.lastError ?? "its worker died"}`,
      );
    const payload = payloadSchema.safeParse(job.payload);
    if (!payload.success) throw new PermanentFailure(`invalid payload: ${payload.error.message}`);
    const response = await deps.outbox.getResponse(payload.data.responseId);
    if (response === undefined || isFinalResponseState(response.state))
      return settle(deps, job, async (unit) => {
        await unit.completeJob(job.lease, deps.now());
        return "skipped";
      });
    return await attempt(deps, job, response);
  } catch (error) {
    return crash(deps, job, error);
  }
}

/**
 * AS4 exchanges of one batch in flight at once, as for invoices: each may wait on its peer up to the AS4 timeout, so
 * one after the other a batch of slow receivers would outlast the jobs' lease.
 */
const ANSWERING_AT_ONCE = 8;

/**
 * Runs a claimed batch: `peppol-respond` jobs here, a few at a time, and the others through `rest`, side by side.
 * Returns one outcome per job, in the batch's order.
 */
export async function processWithResponses(
  jobs: readonly ClaimedJob[],
  rest: (jobs: readonly ClaimedJob[]) => Promise<JobOutcome[]>,
  respond: ResponseWorkerDeps | undefined,
): Promise<JobOutcome[]> {
  const ours = (job: ClaimedJob) => respond !== undefined && job.kind === PEPPOL_RESPOND_JOB;
  const others = jobs.filter((job) => !ours(job));
  const [otherOutcomes, ourOutcomes] = await Promise.all([
    others.length === 0 ? [] : rest(others),
    respond === undefined
      ? []
      : mapConcurrently(jobs.filter(ours), ANSWERING_AT_ONCE, (job) => processResponseJob(respond, job)),
  ]);
  let o = 0;
  let r = 0;
  return jobs.map((job) => (ours(job) ? ourOutcomes[r++] : otherOutcomes[o++]) ?? "crashed");
}

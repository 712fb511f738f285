import { z } from "zod";
import type { Customer } from "../core/customer/customer.ts";
import type { Delivery, PeppolTarget } from "../core/delivery/delivery.ts";
import { isFinalDeliveryState } from "../core/delivery/delivery-state.ts";
import { buildInvoiceDocument } from "../core/invoice/build-invoice-document.ts";
import { dueDateFor } from "../core/invoice/due-date.ts";
import type { SellerProfile } from "../core/invoice/seller-profile.ts";
import {
  type ChannelDecision,
  channelBuyer,
  channelSeller,
  decideChannel,
} from "../core/peppol/channel-policy.ts";
import {
  BIS_BILLING_PROCESS,
  BIS_CREDIT_NOTE_DOCUMENT_TYPE,
  BIS_INVOICE_DOCUMENT_TYPE,
} from "../core/peppol/peppol-identifiers.ts";
import { commitEach, type JobStep } from "./commit-job-steps.ts";
import { PermanentFailure } from "./compose-delivery.ts";
import type { DeliverySettings } from "./delivery-settings.ts";
import type { JobOutcome } from "./job-outcome.ts";
import { mapConcurrently } from "./map-concurrently.ts";
import { requestBytes } from "./peppol-request-bytes.ts";
import type { DeliveryStore } from "./ports/delivery-store.ts";
import type { InvoiceRenderer } from "./ports/invoice-renderer.ts";
import type { ClaimedJob } from "./ports/job-queue.ts";
import type { MessageArchive } from "./ports/message-archive.ts";
import type { ParticipantLookup, ParticipantQuery } from "./ports/participant-directory.ts";
import type { PeppolSender } from "./ports/peppol-sender.ts";
import { parkStep } from "./record-delivery-result.ts";
import { type PeppolAttempt, peppolOutcomeStep, type StoredRequest } from "./record-peppol-outcome.ts";
import { PEPPOL_DELIVER_JOB } from "./send-invoices.ts";

/** Peppol discovery as the worker uses it: `fresh` ignores any cached answer. */
export interface PeppolWorkerDirectory {
  lookup(query: ParticipantQuery, options: { readonly fresh: boolean }): Promise<ParticipantLookup>;
}

export interface PeppolWorkerDeps {
  readonly store: DeliveryStore;
  readonly archive: MessageArchive;
  readonly renderer: InvoiceRenderer;
  readonly seller: SellerProfile;
  readonly directory: PeppolWorkerDirectory;
  readonly sender: PeppolSender;
  readonly settings: DeliverySettings;
  readonly now: () => Date;
  /** This worker's name in leases and events. */
  readonly worker: string;
  /** Ids of the hold decisions the worker appends (uuid). */
  readonly newId: () => string;
}

const payloadSchema = z.object({ deliveryId: z.string().min(1) });

/**
 * AS4 exchanges of one batch in flight at once. Each may wait on its peer up to the AS4 timeout (60 s by default):
 * one after the other, a batch of slow receivers would outlast the jobs' lease; all at once, a large batch would
 * build and encrypt every message together.
 */
const SENDING_AT_ONCE = 8;

/**
 * Runs a batch of `peppol-deliver` jobs, a few at a time: each delivery is looked up, rendered as UBL, sent over AS4
 * with its own MessageId and recorded with what came back. Returns one outcome per job, in order.
 */
export async function processPeppolJobs(
  deps: PeppolWorkerDeps,
  jobs: readonly ClaimedJob[],
): Promise<JobOutcome[]> {
  return mapConcurrently(jobs, SENDING_AT_ONCE, (job) => processPeppolJob(deps, job));
}

/**
 * One `peppol-deliver` job. Every attempt looks the participant up (the first may use the cache, later ones ask the
 * network again: the receiver may have answered that it no longer serves the participant). Reachable: the invoice
 * is sent with the delivery's MessageId and its SBDH instance id (the delivery id); an earlier request to the same
 * endpoint is resent byte for byte from the archive, so a receiver that already has it answers with its first
 * receipt. No longer on Peppol: the invoice is held by a channel decision, never e-mailed. Exceptions are crashes,
 * retried after a backoff and parked like e-mail jobs.
 */
export async function processPeppolJob(deps: PeppolWorkerDeps, job: ClaimedJob): Promise<JobOutcome> {
  if (job.crashes >= deps.settings.maxCrashes)
    return park(deps, job, `crashed ${job.crashes} times; last error: ${job.lastError ?? "its worker died"}`);
  const payload = payloadSchema.safeParse(job.payload);
  if (!payload.success) return park(deps, job, `invalid payload: ${payload.error.message}`);
  try {
    const delivery = await deps.store.getDelivery(payload.data.deliveryId);
    if (delivery === null || isFinalDeliveryState(delivery.state) || delivery.state === "parked") {
      const at = deps.now();
      return commit(deps, job, async (unit) => {
        await unit.completeJob(job.lease, at);
        return "skipped";
      });
    }
    if (delivery.peppol === undefined)
      return park(deps, job, `delivery ${delivery.id} is not a Peppol delivery`);
    return await attempt(deps, job, delivery, delivery.peppol);
  } catch (error) {
    return crash(deps, job, error);
  }
}

async function attempt(
  deps: PeppolWorkerDeps,
  job: ClaimedJob,
  delivery: Delivery,
  target: PeppolTarget,
): Promise<JobOutcome> {
  const invoice = await deps.store.getInvoice(delivery.invoiceNumber);
  const customer = await deps.store.getCustomer(delivery.customerNumber);
  if (invoice === null || customer === null)
    throw new PermanentFailure(
      `invoice ${delivery.invoiceNumber} or customer ${delivery.customerNumber} is gone`,
    );
  const documentType =
    invoice.content.kind === "credit-note" ? BIS_CREDIT_NOTE_DOCUMENT_TYPE : BIS_INVOICE_DOCUMENT_TYPE;
  const lookup = await deps.directory.lookup(
    { participant: target.participant, documentType, process: BIS_BILLING_PROCESS },
    { fresh: delivery.attempts > 0 },
  );
  const record = (result: PeppolAttempt, request: StoredRequest | null = null) =>
    commit(deps, job, peppolOutcomeStep(deps, delivery, job, result, request, deps.now()), true);
  if (lookup.kind === "try-later")
    return record({ kind: "retry", error: { lookup: "try-later", reason: lookup.reason } });
  if (lookup.kind !== "reachable") {
    const decision = holdDecision(deps.seller, customer, invoice.content.issueDate, lookup);
    return record({
      kind: "hold",
      decision,
      decisionId: deps.newId(),
      lookup: { ...lookup, tried: [...lookup.tried] },
    });
  }
  const document = buildInvoiceDocument(invoice.content, {
    number: delivery.invoiceNumber,
    seller: deps.seller,
    buyer: customer,
    ...(invoice.structuredCommunication ? { structuredCommunication: invoice.structuredCommunication } : {}),
    dueDate: invoice.content.dueDate ?? dueDateFor(invoice.content.issueDate, customer.paymentTermsDays),
  });
  const ubl = deps.renderer.ubl(document);
  if (!ubl.ok)
    throw new PermanentFailure(`invoice ${delivery.invoiceNumber} cannot be written as UBL: ${ubl.message}`);
  const endpoint = {
    url: lookup.endpoint.url,
    certificateSerial: lookup.endpoint.certificate.serialNumber,
  };
  const toSend = {
    endpoint: lookup.endpoint,
    sbdh: {
      sender: deps.seller.peppolId,
      receiver: lookup.participant,
      documentType,
      process: BIS_BILLING_PROCESS,
      countryC1: deps.seller.address.country.toUpperCase(),
      instanceIdentifier: delivery.id,
      creationDateTime: delivery.createdAt,
      // A positive Message Level Status too, not only failures: the buyer's access point confirms it took the invoice.
      mlsType: "ALWAYS_SEND" as const,
    },
    payload: ubl.xml,
    messageId: delivery.messageId,
  };
  const prepared = await requestBytes(deps, job, delivery, endpoint, toSend);
  if (prepared === "lease-lost") return "lease-lost";
  const { bytes, delivery: sending } = prepared;
  const outcome = await deps.sender.send({ ...toSend, previous: bytes });
  const request: StoredRequest | null =
    sending.archive === null
      ? null
      : {
          object: { sha256: sending.archive.sha256, size: sending.archive.size },
          contentType: bytes.contentType,
          sender: deps.seller.peppolId,
          endpoint,
        };
  const recordSent = (result: PeppolAttempt) =>
    commit(deps, job, peppolOutcomeStep(deps, sending, job, result, request, deps.now()), true);
  switch (outcome.kind) {
    case "accepted":
      return recordSent({
        kind: "accepted",
        receipt: outcome.receipt,
        receiptObject: await deps.archive.put(outcome.receipt.soap),
      });
    case "rejected":
      return recordSent({ kind: "rejected", error: { ...outcome.error } });
    case "look-up-again":
      // The next attempt asks the network again (attempts > 0), and holds the invoice if the buyer is gone.
      return recordSent({ kind: "retry", error: { ...outcome.error, lookUpAgain: true } });
    case "retry-later":
      return recordSent({ kind: "retry", error: { reason: outcome.reason } });
  }
}

/**
 * The hold a participant that is no longer reachable leads to, by the channel policy with what the lookup said. When
 * the policy would now let the invoice go by e-mail (the customer's facts changed since it was sent), it is still
 * held: the worker never switches an invoice to e-mail on its own.
 */
function holdDecision(
  seller: SellerProfile,
  customer: Customer,
  issueDate: string,
  lookup: Exclude<ParticipantLookup, { kind: "reachable" | "try-later" }>,
): ChannelDecision & { readonly kind: "hold" } {
  const decided = decideChannel({
    seller: channelSeller(seller),
    buyer: channelBuyer(customer),
    reachability: lookup.kind === "refused" ? "refused" : "unreachable",
    ownAccessPoint: "ready",
    issueDate,
  });
  if (decided.kind === "hold") return decided;
  return {
    kind: "hold",
    reason: "preferred-peppol-unreachable",
    scope: decided.scope,
    peppolRequired: decided.peppolRequired,
    explanation: `${decided.explanation}; the buyer is no longer reachable on Peppol, so the invoice is held`,
  };
}

async function commit(
  deps: PeppolWorkerDeps,
  job: ClaimedJob,
  run: JobStep["run"],
  fenced = false,
): Promise<JobOutcome> {
  const [result] = await commitEach(deps.store, [{ job, run, fenced }]);
  if (result === "lease-lost") return "lease-lost";
  if (result instanceof Error) return crash(deps, job, result);
  return result ?? "crashed";
}

function park(deps: PeppolWorkerDeps, job: ClaimedJob, reason: string): Promise<JobOutcome> {
  return commit(deps, job, parkStep(deps, job, reason, deps.now()));
}

/** A crash: parked when retrying cannot help or after `maxCrashes` in a row, else retried after a backoff. */
async function crash(deps: PeppolWorkerDeps, job: ClaimedJob, error: unknown): Promise<JobOutcome> {
  const message = error instanceof Error ? error.message : String(error);
  const crashes = job.crashes + 1;
  const at = deps.now();
  const step: JobStep["run"] =
    error instanceof PermanentFailure
      ? parkStep(deps, job, message, at)
      : crashes >= deps.settings.maxCrashes
        ? parkStep(deps, job, `crashed ${crashes} times; last error: ${message}`, at)
        : async (unit) => {
            const runAt = new Date(at.getTime() + deps.settings.crashBackoffMs * 2 ** (crashes - 1));
            await unit.retryJob(job.lease, runAt, at, message);
            return "crashed";
          };
  const [result] = await commitEach(deps.store, [{ job, run: step }]);
  if (result instanceof Error) throw result;
  return result === "lease-lost" ? "lease-lost" : (result ?? "crashed");
}

/**
 * Runs a claimed batch by job kind: `peppol-deliver` jobs through {@link processPeppolJobs} (when the worker has a
 * Peppol sender), the others through `email`, side by side. Returns one outcome per job, in the batch's order.
 */
export async function processJobsByKind(
  jobs: readonly ClaimedJob[],
  email: (jobs: readonly ClaimedJob[]) => Promise<JobOutcome[]>,
  peppol: PeppolWorkerDeps | undefined,
): Promise<JobOutcome[]> {
  const isPeppol = (job: ClaimedJob) => peppol !== undefined && job.kind === PEPPOL_DELIVER_JOB;
  const others = jobs.filter((job) => !isPeppol(job));
  const ours = jobs.filter(isPeppol);
  const [emailOutcomes, peppolOutcomes] = await Promise.all([
    others.length === 0 ? [] : email(others),
    peppol === undefined || ours.length === 0 ? [] : processPeppolJobs(peppol, ours),
  ]);
  let e = 0;
  let p = 0;
  return jobs.map((job) => (isPeppol(job) ? peppolOutcomes[p++] : emailOutcomes[e++]) ?? "crashed");
}

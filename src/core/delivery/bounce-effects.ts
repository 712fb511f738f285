import type { JsonObject } from "../audit/json-value.ts";
import { sameAddress } from "../customer/same-address.ts";
import type { NoticeEvidence, NoticeResult } from "./bounce-notice.ts";
import type { Delivery, DeliveryAddress, DeliveryEventRecord } from "./delivery.ts";
import type { DeliveryEvent, DeliveryState } from "./delivery-state.ts";

/** What one result of a notice means for the delivery it was matched to. */
export type NoticeEffect =
  | "bounced"
  | "recipient-bounced"
  | "unattributed-failure"
  | "soft-failure"
  | "retry-scheduled"
  | "delayed"
  | "delivered"
  | "relayed"
  | "auto-reply"
  | "complaint"
  | "unreadable";

/** One event to append to the delivery, in order; at most the last one changes the state. */
export interface PlannedEvent {
  readonly event: DeliveryEvent;
  readonly to: DeliveryState;
  readonly evidence: JsonObject;
}

/** A recipient whose address failed for good: suspend it, quoting the bounce. */
export interface PlannedSuspension {
  readonly recipientId: string;
  readonly email: string;
  readonly reason: string;
}

/** Everything one notice does to one delivery. */
export interface BounceEffects {
  readonly events: readonly PlannedEvent[];
  readonly suspensions: readonly PlannedSuspension[];
  /** When set, the delivery goes back to the queue (`retry`) and is sent again at this time. */
  readonly retryAt: Date | null;
  /** Per result of the notice, in order: what it did. */
  readonly effects: readonly NoticeEffect[];
}

/** How soft failures after acceptance are handled: sent again after `afterMs`, at most `max` times; null: never. */
export interface SoftRetryPolicy {
  readonly afterMs: number;
  readonly max: number;
}

export interface BounceEffectsInput {
  readonly delivery: Delivery;
  readonly timeline: readonly DeliveryEventRecord[];
  readonly results: readonly NoticeResult[];
  readonly evidence: NoticeEvidence;
  readonly softRetry: SoftRetryPolicy | null;
  readonly now: Date;
}

const MAX_DIAGNOSTIC = 1000;

type Category =
  | "hard"
  | "soft"
  | "delayed"
  | "delivered"
  | "relayed"
  | "auto-reply"
  | "complaint"
  | "unreadable";

function categoryOf(result: NoticeResult): Category {
  if (result.action === "autoreply" || result.reason === "vacation") return "auto-reply";
  if (result.action === "complaint" || result.reason === "feedback") return "complaint";
  if (result.action === "delivered" || result.reason === "delivered") return "delivered";
  if (result.action === "relayed" || result.action === "expanded") return "relayed";
  if (result.action === "delayed") return "delayed";
  if (result.action === "failed" || (result.reason !== "undefined" && result.reason !== "")) {
    return result.hard ? "hard" : "soft";
  }
  return "unreadable";
}

/** The delivery's address a result is about: the final recipient, else the original one. */
function addressOf(delivery: Delivery, result: NoticeResult): DeliveryAddress | null {
  for (const candidate of [result.recipient, result.originalRecipient]) {
    if (candidate === "") continue;
    const found = delivery.recipients.find((r) => sameAddress(r.email, candidate));
    if (found !== undefined) return found;
  }
  return null;
}

function evidenceOf(
  input: BounceEffectsInput,
  kind: NoticeEffect,
  result: NoticeResult,
  address: DeliveryAddress | null,
): JsonObject {
  const { evidence } = input;
  return {
    kind,
    recipient: address?.email ?? result.recipient,
    reported: result.recipient,
    action: result.action,
    status: result.status,
    replycode: result.replycode,
    diagnostic: result.diagnostic.slice(0, MAX_DIAGNOSTIC),
    reason: result.reason,
    hard: result.hard,
    rule: result.rule,
    remoteMta: result.remoteMta,
    ...(result.feedbackType === "" ? {} : { feedbackType: result.feedbackType }),
    notice: {
      sha256: evidence.sha256,
      messageId: evidence.messageId,
      source: evidence.source,
      receivedAt: evidence.receivedAt.toISOString(),
      matchedBy: evidence.matchedBy,
      kind: evidence.kind,
      format: evidence.format,
    },
  };
}

/** Addresses of the delivery that an earlier notice already reported as failed for good. */
function failedBefore(timeline: readonly DeliveryEventRecord[]): Set<string> {
  const failed = new Set<string>();
  for (const e of timeline) {
    const { recipient, hard } = e.evidence;
    if ((e.event === "note" || e.event === "bounce") && hard === true && typeof recipient === "string") {
      failed.add(recipient.toLowerCase());
    }
  }
  return failed;
}

/** The recipient's suspension reason: the bounce, quoted, with where to find it. */
export function suspensionReason(delivery: Delivery, result: NoticeResult, evidence: NoticeEvidence): string {
  const code = [result.status, result.replycode].filter((c) => c !== "").join(" ");
  const text = result.diagnostic === "" ? "" : `: "${result.diagnostic.slice(0, 300)}"`;
  return (
    `bounced (${result.reason}${code === "" ? "" : `, ${code}`})${text} - invoice ${delivery.invoiceNumber}, ` +
    `notice ${evidence.messageId || "without Message-ID"} received ${evidence.receivedAt.toISOString()}, sha256 ${evidence.sha256}`
  );
}

/**
 * Decides what a notice matched to `delivery` does, from the notice's results and the delivery's timeline:
 * - a hard failure of one of its addresses suspends that address's recipient, and bounces the delivery once every
 *   address has failed for good (before that, a `note` records it);
 * - a soft failure (the downstream server gave up, e.g. on a full mailbox) of an accepted delivery whose every address
 *   failed sends it again later under `softRetry`; once the retries are used up (at once without a policy) the delivery
 *   is bounced and the addresses suspended, saying how many resends failed. One address of several is only noted;
 * - a success notice confirms an accepted delivery (`delivered`); a delay, an auto-reply (a person's mailbox answered),
 *   a complaint or an unreadable result is a `note` that changes nothing.
 * A delivery not in `accepted` (acceptance not recorded yet, or already settled) only gets notes.
 */
export function decideBounceEffects(input: BounceEffectsInput): BounceEffects {
  const { delivery, results } = input;
  const notes: PlannedEvent[] = [];
  const suspensions: PlannedSuspension[] = [];
  const effects: NoticeEffect[] = [];
  const failed = failedBefore(input.timeline);
  const softFailed = new Set<string>();
  const softSuspensions: { readonly address: DeliveryAddress; readonly result: NoticeResult }[] = [];
  let hardEvidence: JsonObject | null = null;
  let softEvidence: JsonObject | null = null;
  let confirmEvidence: JsonObject | null = null;
  const accepted = delivery.state === "accepted";
  for (const result of results) {
    const category = categoryOf(result);
    const address = addressOf(delivery, result);
    const only = address ?? (delivery.recipients.length === 1 ? (delivery.recipients[0] ?? null) : null);
    if (category === "hard") {
      if (only === null) {
        effects.push("unattributed-failure");
        notes.push({
          event: "note",
          to: delivery.state,
          evidence: evidenceOf(input, "unattributed-failure", result, null),
        });
        continue;
      }
      failed.add(only.email.toLowerCase());
      if (address !== null && !suspensions.some((s) => s.recipientId === address.recipientId)) {
        suspensions.push({
          recipientId: address.recipientId,
          email: address.email,
          reason: suspensionReason(delivery, result, input.evidence),
        });
      }
      hardEvidence = evidenceOf(input, "bounced", result, only);
      effects.push("recipient-bounced");
      notes.push({
        event: "note",
        to: delivery.state,
        evidence: evidenceOf(input, "recipient-bounced", result, only),
      });
    } else if (category === "soft") {
      if (only !== null) softFailed.add(only.email.toLowerCase());
      if (address !== null) softSuspensions.push({ address, result });
      softEvidence = evidenceOf(input, "soft-failure", result, only);
      effects.push("soft-failure");
      notes.push({ event: "note", to: delivery.state, evidence: softEvidence });
    } else if (category === "delivered" && accepted && confirmEvidence === null) {
      confirmEvidence = evidenceOf(input, "delivered", result, only);
      effects.push("delivered");
    } else {
      const effect: NoticeEffect = category;
      effects.push(effect);
      notes.push({ event: "note", to: delivery.state, evidence: evidenceOf(input, effect, result, only) });
    }
  }
  const everyAddress = (set: ReadonlySet<string>) =>
    delivery.recipients.length > 0 && delivery.recipients.every((r) => set.has(r.email.toLowerCase()));
  const base = { events: notes, suspensions, retryAt: null, effects };
  if (!accepted) return base;
  if (hardEvidence !== null && everyAddress(failed)) {
    return settle(
      base,
      { event: "bounce", to: "bounced", evidence: hardEvidence },
      "recipient-bounced",
      "bounced",
    );
  }
  if (confirmEvidence !== null) {
    return { ...base, events: [...notes, { event: "confirm", to: "delivered", evidence: confirmEvidence }] };
  }
  if (softEvidence !== null && everyAddress(new Set([...failed, ...softFailed]))) {
    return softOutcome(input, base, softEvidence, softSuspensions);
  }
  return base;
}

/** Replaces the last note of kind `from` by the transition, so the evidence is recorded once. */
function settle(
  base: BounceEffects,
  transition: PlannedEvent,
  from: NoticeEffect,
  to: NoticeEffect,
): BounceEffects {
  const last = base.events.map((e) => e.evidence.kind).lastIndexOf(from);
  const events = base.events.filter((_, i) => i !== last);
  const effects = [...base.effects];
  const index = effects.lastIndexOf(from);
  if (index >= 0) effects[index] = to;
  return { ...base, events: [...events, transition], effects };
}

function softOutcome(
  input: BounceEffectsInput,
  base: BounceEffects,
  evidence: JsonObject,
  failures: readonly { readonly address: DeliveryAddress; readonly result: NoticeResult }[],
): BounceEffects {
  const policy = input.softRetry;
  const retries = input.timeline.filter((e) => e.event === "retry").length;
  if (policy === null || retries >= policy.max) {
    const exhausted = { ...evidence, kind: "bounced", retriesUsed: retries };
    const settled = settle(
      base,
      { event: "bounce", to: "bounced", evidence: exhausted },
      "soft-failure",
      "bounced",
    );
    const after = retries === 0 ? "" : ` (still failing after ${retries} resend${retries === 1 ? "" : "s"})`;
    const suspensions = [...base.suspensions];
    for (const { address, result } of failures) {
      if (suspensions.some((s) => s.recipientId === address.recipientId)) continue;
      const reason = suspensionReason(input.delivery, result, input.evidence);
      suspensions.push({
        recipientId: address.recipientId,
        email: address.email,
        reason: `${reason}${after}`,
      });
    }
    return { ...settled, suspensions };
  }
  const retryAt = new Date(input.now.getTime() + policy.afterMs);
  const planned = {
    ...evidence,
    kind: "retry-scheduled",
    retry: retries + 1,
    nextAttemptAt: retryAt.toISOString(),
  };
  const settled = settle(
    base,
    { event: "retry", to: "queued", evidence: planned },
    "soft-failure",
    "retry-scheduled",
  );
  return { ...settled, retryAt };
}

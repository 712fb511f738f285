import { err, ok, type Result } from "../result.ts";

/**
 * Where one delivery (one message) stands.
 * - `queued`: written with its job when the invoice was sent; not yet accepted by a relay.
 * - `deferred`: the relay answered 4xx or could not be reached; another attempt is scheduled.
 * - `accepted`: the relay answered 2xx and took responsibility for the message. The only state that means "sent".
 * - `failed`: the relay answered 5xx; the reply is kept and nothing is retried.
 * - `expired`: still deferred when the retry schedule ran out.
 * - `parked`: the job kept crashing (exceptions, not SMTP replies); an operator must look at its error.
 * - `bounced`: accepted by the relay, then a bounce came back: every address failed for good (or a soft failure
 *   outlived its retries). The bounce is the evidence.
 * - `delivered`: accepted, then a success notice (DSN `delivered`) confirmed it reached a mailbox.
 */
export const DELIVERY_STATES = [
  "queued",
  "deferred",
  "accepted",
  "failed",
  "expired",
  "parked",
  "bounced",
  "delivered",
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * What can happen to a delivery. `archived` records a side effect (the signed bytes were stored) without changing the
 * state; the others move it. The last four come from what the mail system reports after acceptance: `note` records a
 * notice that changes nothing (a delay downstream, an auto-reply, a complaint, one address of several bouncing),
 * `bounce` and `confirm` settle an accepted delivery, and `retry` sends an accepted message again after a soft
 * failure downstream.
 */
export const DELIVERY_EVENTS = [
  "queue",
  "archive",
  "accept",
  "defer",
  "reject",
  "expire",
  "park",
  "release",
  "note",
  "bounce",
  "confirm",
  "retry",
] as const;
export type DeliveryEvent = (typeof DELIVERY_EVENTS)[number];

/** States from which nothing more is attempted (a soft bounce may still `retry` an accepted delivery). */
export const FINAL_DELIVERY_STATES: readonly DeliveryState[] = [
  "accepted",
  "failed",
  "expired",
  "bounced",
  "delivered",
];

/** Events that report on a message the relay took: they never reopen the submission path except `retry`. */
export const DOWNSTREAM_EVENTS: readonly DeliveryEvent[] = ["note", "bounce", "confirm", "retry"];

/** `null` stands for "no delivery yet": the only event allowed there is `queue`. */
type From = DeliveryState | null;

/**
 * The transition table: for each event, the states it may start from and the state it leads to (`same` keeps the
 * state). Anything not listed is refused, so a late or repeated result can never, say, turn `accepted` into `deferred`.
 */
const TRANSITIONS: Readonly<Record<DeliveryEvent, { from: readonly From[]; to: DeliveryState | "same" }>> = {
  queue: { from: [null], to: "queued" },
  archive: { from: ["queued", "deferred"], to: "same" },
  accept: { from: ["queued", "deferred"], to: "accepted" },
  defer: { from: ["queued", "deferred"], to: "deferred" },
  reject: { from: ["queued", "deferred"], to: "failed" },
  expire: { from: ["queued", "deferred"], to: "expired" },
  park: { from: ["queued", "deferred"], to: "parked" },
  release: { from: ["parked"], to: "queued" },
  note: { from: DELIVERY_STATES, to: "same" },
  bounce: { from: ["accepted"], to: "bounced" },
  confirm: { from: ["accepted"], to: "delivered" },
  retry: { from: ["accepted"], to: "queued" },
};

/** A refused transition, as a value. */
export interface TransitionRefused {
  readonly code: "invalid-transition";
  readonly message: string;
}

/** The state `event` leads to from `from`, or why it is refused. */
export function nextDeliveryState(
  from: From,
  event: DeliveryEvent,
): Result<DeliveryState, TransitionRefused> {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(from)) {
    return err({
      code: "invalid-transition",
      message: `a delivery ${from === null ? "that does not exist" : `in state ${from}`} cannot take the event ${event}`,
    });
  }
  if (rule.to === "same") {
    if (from === null) return err({ code: "invalid-transition", message: `${event} needs a delivery` });
    return ok(from);
  }
  return ok(rule.to);
}

/** True when nothing more will be attempted for a delivery in `state`. */
export function isFinalDeliveryState(state: DeliveryState): boolean {
  return FINAL_DELIVERY_STATES.includes(state);
}

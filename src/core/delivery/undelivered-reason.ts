import type { Delivery, DeliveryEventRecord } from "./delivery.ts";
import { evidenceObject, evidenceReplyText, evidenceText as str } from "./evidence-values.ts";

/** Why an invoice's message did not reach the customer. */
export type UndeliveredCode = "bounced" | "failed" | "expired" | "parked" | "no-recipient";

/** One reason, for the undelivered queue and the digest. */
export interface UndeliveredReason {
  readonly code: UndeliveredCode;
  /** The address it concerns, when one. */
  readonly address: string | null;
  /** Enhanced status and reason word when a bounce or reply gave them. */
  readonly status: string;
  readonly reason: string;
  /** A sentence quoting the evidence. */
  readonly text: string;
  /** When it happened. */
  readonly at: Date | null;
}

function lastOf(
  timeline: readonly DeliveryEventRecord[],
  event: DeliveryEventRecord["event"],
): DeliveryEventRecord | null {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i];
    if (e?.event === event) return e;
  }
  return null;
}

/** A Peppol delivery's failure: the receiver's ebMS error, the hold it led to, or the retries run out. */
function peppolReason(
  participant: string,
  state: "failed" | "expired",
  timeline: readonly DeliveryEventRecord[],
): UndeliveredReason {
  const e = lastOf(timeline, state === "failed" ? "reject" : "expire");
  const ev = e?.evidence ?? {};
  const error = evidenceObject(ev.error);
  const said = [str(error.code), str(error.detail), str(error.reason)].filter((s) => s !== "").join(" ");
  const held = str(ev.hold);
  return {
    code: state,
    address: participant,
    status: str(error.code),
    reason: held !== "" ? held : state === "failed" ? "rejected" : "expired",
    text:
      held !== ""
        ? `held (${held}): ${str(ev.explanation)}`
        : state === "failed"
          ? `refused by the buyer's Peppol access point${said === "" ? "" : `: ${said}`}`
          : `no receipt from the buyer's Peppol access point before the retries ran out${said === "" ? "" : `; last: ${said}`}`,
    at: e?.at ?? null,
  };
}

/** A Peppol delivery the buyer's access point refused after its receipt, in a Message Level Status. */
function messageLevelRejection(
  participant: string,
  timeline: readonly DeliveryEventRecord[],
): UndeliveredReason {
  const e = lastOf(timeline, "bounce");
  const m = evidenceObject(e?.evidence.statusMessage);
  return {
    code: "bounced",
    address: participant,
    status: str(m.responseCode),
    reason: "rejected",
    text: `refused by the buyer's Peppol access point in its Message Level Status ${str(m.responseId)}${str(m.said) === "" ? "" : `: ${str(m.said)}`}`,
    at: e?.at ?? null,
  };
}

/**
 * Why a delivery in a failed state did not reach its addresses, read from its timeline: the bounce that settled it
 * (status, reason and the remote server's text), the relay's refusal, the last answer before the retries ran out, or
 * the error it was parked with. Null for a delivery that is not in a failed state.
 */
export function undeliveredReasonOf(
  delivery: Delivery,
  timeline: readonly DeliveryEventRecord[],
): UndeliveredReason | null {
  if (delivery.peppol !== undefined && (delivery.state === "failed" || delivery.state === "expired"))
    return peppolReason(delivery.peppol.participant, delivery.state, timeline);
  if (delivery.peppol !== undefined && delivery.state === "bounced")
    return messageLevelRejection(delivery.peppol.participant, timeline);
  const only = delivery.recipients.length === 1 ? (delivery.recipients[0]?.email ?? null) : null;
  switch (delivery.state) {
    case "bounced": {
      const e = lastOf(timeline, "bounce");
      const ev = e?.evidence ?? {};
      const retries =
        typeof ev.retriesUsed === "number" && ev.retriesUsed > 0 ? `, after ${ev.retriesUsed} resend(s)` : "";
      return {
        code: "bounced",
        address: str(ev.recipient) || only,
        status: str(ev.status),
        reason: str(ev.reason),
        text: `bounced by the receiving server (${[str(ev.status), str(ev.reason)].filter((s) => s !== "").join(" ") || "no status"}${retries})${str(ev.diagnostic) === "" ? "" : `: ${str(ev.diagnostic)}`}`,
        at: e?.at ?? null,
      };
    }
    case "failed": {
      const e = lastOf(timeline, "reject");
      const reply = evidenceReplyText(e?.evidence ?? {});
      return {
        code: "failed",
        address: only,
        status: str(evidenceObject(e?.evidence.reply).enhanced),
        reason: "rejected",
        text: `refused by the relay${reply === "" ? "" : `: ${reply}`}`,
        at: e?.at ?? null,
      };
    }
    case "expired": {
      const e = lastOf(timeline, "expire");
      const reply = evidenceReplyText(e?.evidence ?? {});
      return {
        code: "expired",
        address: only,
        status: "",
        reason: "expired",
        text: `never accepted by the relay before the retries ran out${reply === "" ? "" : `; last answer: ${reply}`}`,
        at: e?.at ?? null,
      };
    }
    case "parked": {
      const e = lastOf(timeline, "park");
      return {
        code: "parked",
        address: only,
        status: "",
        reason: "systemerror",
        text: `stopped after repeated errors: ${str(e?.evidence.error) || "see the delivery's timeline"}`,
        at: e?.at ?? null,
      };
    }
    default:
      return null;
  }
}

import type { JsonObject } from "../audit/json-value.ts";
import type { Delivery, DeliveryEventRecord } from "./delivery.ts";

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

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function replyText(evidence: JsonObject): string {
  const reply = evidence.reply;
  if (reply !== null && typeof reply === "object" && !Array.isArray(reply)) {
    const r = reply as JsonObject;
    return [typeof r.code === "number" ? String(r.code) : "", str(r.enhanced), str(r.text)]
      .filter((s) => s !== "")
      .join(" ");
  }
  return str(evidence.error);
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

/**
 * Why a delivery in a failed state did not reach its addresses, read from its timeline: the bounce that settled it
 * (status, reason and the remote server's text), the relay's refusal, the last answer before the retries ran out, or
 * the error it was parked with. Null for a delivery that is not in a failed state.
 */
export function undeliveredReasonOf(
  delivery: Delivery,
  timeline: readonly DeliveryEventRecord[],
): UndeliveredReason | null {
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
      const reply = replyText(e?.evidence ?? {});
      return {
        code: "failed",
        address: only,
        status: str((e?.evidence.reply as JsonObject | undefined)?.enhanced),
        reason: "rejected",
        text: `refused by the relay${reply === "" ? "" : `: ${reply}`}`,
        at: e?.at ?? null,
      };
    }
    case "expired": {
      const e = lastOf(timeline, "expire");
      const reply = replyText(e?.evidence ?? {});
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

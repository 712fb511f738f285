import type { JsonObject } from "../audit/json-value.ts";
import { messageLevelOutcome } from "../peppol/message-level-status.ts";
import { issuedText, type StatusMessage } from "../peppol/status-message.ts";
import type { Delivery, DeliveryEventRecord } from "./delivery.ts";
import { evidenceObject as obj, evidenceText as str } from "./evidence-values.ts";
import { type ProofStep, stepOf } from "./proof-steps.ts";
import { statusSaidText } from "./status-message-steps.ts";

/** What facteur can say about a Peppol delivery, in the proof's terms. */
export interface PeppolJudgement {
  readonly verdict: "delivered" | "bounced" | "pending" | "unknown";
  readonly confidence: "certain" | "low";
  readonly explanation: string;
}

const minute = (at: Date) => at.toISOString().slice(0, 16).replace("T", " ");

function failure(ev: JsonObject): string {
  const error = obj(ev.error);
  const text = [str(error.code), str(error.detail), str(error.reason), str(error.lookup)]
    .filter((s) => s !== "")
    .join(" ");
  return text === "" ? str(ev.explanation) : text;
}

function statusSaid(m: StatusMessage): string {
  const said = statusSaidText(m);
  return `${m.responseId} (${m.responseCode}) issued ${issuedText(m) || "(no date)"}, received ${minute(m.receivedAt)} UTC${said === "" ? "" : `: ${said}`}`;
}

/**
 * The verdict on a Peppol delivery. A Message Level Status (or Response) received for it speaks last: RE means the
 * buyer's access point refused the invoice after taking the message (the buyer does not have it, whatever the
 * receipt said), AB or AP that it took the invoice on. Otherwise a receipt signed by the buyer's access point,
 * verified against the AP CA and echoing our signature, is proof the invoice reached that access point: `delivered`,
 * `certain`. A refusal, a hold (the buyer left Peppol) or retries run out mean the buyer does not have it; anything
 * else is pending.
 */
export function judgePeppolDelivery(
  delivery: Delivery,
  events: readonly DeliveryEventRecord[],
  statusMessages: readonly StatusMessage[] = [],
): PeppolJudgement {
  const accepted = events.findLast((e) => e.event === "accept");
  const receipt = obj(accepted?.evidence.receipt);
  const level = messageLevelOutcome(statusMessages);
  if (level?.outcome === "rejected")
    return {
      verdict: "bounced",
      confidence: "certain",
      explanation: `rejected: the buyer's access point refused the invoice in its Message Level Status ${statusSaid(level.message)}; the invoice was NOT delivered to the buyer`,
    };
  const confirmed =
    level === undefined
      ? ""
      : `; the buyer's access point confirmed it took the invoice on in its Message Level Status ${statusSaid(level.message)}`;
  if ((delivery.state === "accepted" || delivery.state === "delivered") && receipt.verified === true) {
    return {
      verdict: "delivered",
      confidence: "certain",
      explanation: `the buyer's access point (${str(obj(receipt.signer).subject)}) returned a signed AS4 receipt ${str(receipt.messageId)} on ${minute(accepted?.at ?? delivery.updatedAt)} UTC: the invoice was delivered to the buyer's access point${confirmed}`,
    };
  }
  if (level !== undefined)
    return {
      verdict: "delivered",
      confidence: "certain",
      explanation: `no verified AS4 receipt is recorded, but the buyer's access point confirmed it took the invoice on in its Message Level Status ${statusSaid(level.message)}`,
    };
  const last = events.at(-1);
  if (delivery.state === "failed") {
    const ev = last?.evidence ?? {};
    return {
      verdict: "bounced",
      confidence: "certain",
      explanation:
        typeof ev.hold === "string"
          ? `held (${ev.hold}): ${str(ev.explanation)}; the invoice was not delivered and is never e-mailed instead`
          : `the buyer's access point refused it (${failure(ev)}): the buyer does not have it`,
    };
  }
  if (delivery.state === "expired")
    return {
      verdict: "bounced",
      confidence: "certain",
      explanation: "no receipt came before the retries ran out: the buyer does not have it",
    };
  if (delivery.state === "parked")
    return {
      verdict: "unknown",
      confidence: "low",
      explanation: "sending stopped after repeated errors; an operator must look at the delivery",
    };
  return {
    verdict: "pending",
    confidence: "low",
    explanation: "no receipt from the buyer's access point yet: the buyer does not have it yet",
  };
}

/** A Peppol delivery's timeline event as a proof step. */
export function peppolProofStep(e: DeliveryEventRecord): ProofStep {
  const ev = e.evidence;
  const step = stepOf(e);
  switch (e.event) {
    case "queue":
      return step(
        `queued for Peppol to ${str(ev.participant)} (round ${str(ev.round)})`,
        `AS4 MessageId <${str(ev.messageId)}>`,
      );
    case "archive":
      return step(
        "AS4 message signed, encrypted and archived (the exact bytes posted)",
        `sha256 ${str(ev.sha256)}, ${str(ev.size)} bytes, to ${str(obj(ev.endpoint).url)}`,
      );
    case "accept": {
      const receipt = obj(ev.receipt);
      return step(
        "signed AS4 receipt from the buyer's access point, verified",
        `receipt ${str(receipt.messageId)} at ${str(receipt.timestamp)}, signed by ${str(obj(receipt.signer).subject)} (serial ${str(obj(receipt.signer).serialNumber)}), ${str(receipt.nonRepudiationReferences)} references echoed; receipt sha256 ${str(receipt.sha256)}; attempt ${str(ev.attempt)}`,
      );
    }
    case "defer":
      return step(
        "no receipt yet; to be sent again with the same MessageId",
        `${failure(ev)}${str(ev.nextAttemptAt) === "" ? "" : `; next attempt ${str(ev.nextAttemptAt)}`}`,
      );
    case "reject":
      return typeof ev.hold === "string"
        ? step(`held: ${ev.hold}`, str(ev.explanation))
        : step("refused by the buyer's access point", failure(ev));
    case "expire":
      return step("given up: no receipt before the retries ran out", failure(ev));
    case "park":
      return step("stopped after repeated errors", str(ev.error));
    case "bounce":
    case "confirm": {
      const m = obj(ev.statusMessage);
      return step(
        e.event === "bounce"
          ? "refused by the buyer's access point after its receipt: the buyer does not have it"
          : "confirmed by the buyer's access point: the invoice was passed on to the buyer",
        `Message Level Status ${str(m.responseId)} (${str(m.responseCode)}) in message <${str(m.messageId)}>${str(m.said) === "" ? "" : `: ${str(m.said)}`}`,
      );
    }
    default:
      return step(e.event, JSON.stringify(ev));
  }
}

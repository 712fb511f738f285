import { sameAddress } from "../customer/same-address.ts";
import { type BuyerStatus, buyerStatusOf } from "../peppol/buyer-status.ts";
import { compareStatusMessages } from "../peppol/status-message.ts";
import type { Delivery, DeliveryAddress, DeliveryEventRecord } from "./delivery.ts";
import { judgePeppolDelivery, peppolProofStep } from "./peppol-proof.ts";
import { type ProofStep, proofStep } from "./proof-steps.ts";
import {
  type ProofStatusMessage,
  type ReceivedStatusStep,
  receivedStatusStep,
  statusProofStep,
} from "./status-message-steps.ts";

/** What facteur can say about one recipient having an invoice. */
export type ProofVerdict = "delivered" | "bounced" | "pending" | "unknown";

/** How sure: `certain` rests on a report (a bounce, a success notice, a reply, the relay's refusal); the others on silence. */
export type ProofConfidence = "certain" | "high" | "medium" | "low";

/** The proof for one address of one message. */
export interface RecipientProof {
  /** The e-mail address, or the participant id of a Peppol delivery. */
  readonly email: string;
  /** Set when the message went over Peppol (then `email` is the participant id). */
  readonly channel?: "peppol";
  /** Set on an e-mail that accompanied a Peppol invoice: not the legal invoice, so it never decides the verdict. */
  readonly courtesyCopy?: true;
  readonly name: string | null;
  readonly recipientId: string;
  readonly role: Delivery["role"];
  readonly deliveryId: string;
  readonly round: number;
  readonly messageId: string;
  /** The archived bytes of the message: what was sent, exactly. */
  readonly archive: { readonly sha256: string; readonly size: number } | null;
  readonly acceptedAt: Date | null;
  readonly steps: readonly ProofStep[];
  /** How long since acceptance with nothing reported, when the message rests accepted. */
  readonly quietMs: number | null;
  readonly verdict: ProofVerdict;
  readonly confidence: ProofConfidence;
  /** The verdict in words, with its limits. */
  readonly explanation: string;
}

/** The answer to "did the customer get invoice X?". */
export interface InvoiceProof {
  readonly invoiceNumber: string;
  readonly customerNumber: string;
  readonly generatedAt: Date;
  /** The best verdict over the main recipients (copies are duplicates and do not count). */
  readonly verdict: ProofVerdict;
  readonly confidence: ProofConfidence;
  readonly explanation: string;
  readonly recipients: readonly RecipientProof[];
  /** The Peppol status messages received for the invoice (MLS, MLR, Invoice Responses), in issue order. */
  readonly statusMessages: readonly ReceivedStatusStep[];
  /** What the buyer's latest Invoice Response said; null when the buyer has said nothing. */
  readonly buyerStatus: BuyerStatus | null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Mail servers retry a deferred message for 4 to 5 days (Postfix, Sendmail: 5d; Exim: 4d) before bouncing it. */
const RETRY_HORIZON = 5 * DAY;
/** Most refusals downstream (unknown user, no such domain) come back within minutes. */
const FIRST_BOUNCES = 10 * MINUTE;

/** A duration in words: `3 days 4 hours`, `25 minutes`. */
export function formatQuiet(ms: number): string {
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (days > 0) return hours > 0 ? `${part(days, "day")} ${part(hours, "hour")}` : part(days, "day");
  if (hours > 0)
    return minutes > 0 ? `${part(hours, "hour")} ${part(minutes, "minute")}` : part(hours, "hour");
  return part(Math.max(minutes, 0), "minute");
}

function concerns(e: DeliveryEventRecord, address: DeliveryAddress): boolean {
  const recipient = e.evidence.recipient;
  return typeof recipient !== "string" || recipient === "" || sameAddress(recipient, address.email);
}

function kindOf(e: DeliveryEventRecord): string {
  return typeof e.evidence.kind === "string" ? e.evidence.kind : "";
}

type Judged = Pick<RecipientProof, "verdict" | "confidence" | "explanation" | "quietMs">;

function judge(delivery: Delivery, events: readonly DeliveryEventRecord[], now: Date): Judged {
  const day = (at: Date) => at.toISOString().slice(0, 16).replace("T", " ");
  const hard = [...events]
    .reverse()
    .find((e) => (e.event === "note" || e.event === "bounce") && e.evidence.hard === true);
  const settled = (verdict: ProofVerdict, confidence: ProofConfidence, explanation: string): Judged => ({
    verdict,
    confidence,
    explanation,
    quietMs: null,
  });
  if (hard !== undefined || delivery.state === "bounced") {
    const e = hard ?? [...events].reverse().find((x) => x.event === "bounce");
    const code =
      e === undefined
        ? ""
        : [e.evidence.status, e.evidence.reason].filter((v) => typeof v === "string" && v !== "").join(" ");
    return settled(
      "bounced",
      "certain",
      `the receiving server refused it${code === "" ? "" : ` (${code})`}${e === undefined ? "" : ` on ${day(e.at)} UTC`}: the customer does not have it at this address`,
    );
  }
  if (delivery.state === "failed")
    return settled(
      "bounced",
      "certain",
      "the relay refused it: it never left, so the customer does not have it",
    );
  if (delivery.state === "expired")
    return settled(
      "bounced",
      "certain",
      "the relay never accepted it before the retries ran out: the customer does not have it",
    );
  const evidence = [...events]
    .reverse()
    .find((e) => e.event === "confirm" || ["auto-reply", "complaint"].includes(kindOf(e)));
  if (evidence !== undefined) {
    const how =
      evidence.event === "confirm"
        ? "the receiving server reported delivery to the mailbox"
        : kindOf(evidence) === "auto-reply"
          ? "an automatic reply came back from the mailbox"
          : "the recipient's provider reported it as spam, so it reached the mailbox";
    return settled(
      "delivered",
      "certain",
      `${how} on ${day(evidence.at)} UTC; whether a person read it, e-mail cannot tell`,
    );
  }
  if (delivery.state === "parked")
    return settled(
      "unknown",
      "low",
      "sending stopped after repeated errors; an operator must look at the delivery",
    );
  if (delivery.state === "queued" || delivery.state === "deferred") {
    const resent = events.some((e) => e.event === "retry");
    return settled(
      "pending",
      "low",
      resent
        ? "to be sent again after a temporary failure downstream: the customer does not have it yet"
        : "not yet accepted by the relay: the customer does not have it yet",
    );
  }
  const acceptedAt = delivery.acceptedAt;
  if (acceptedAt === null) return settled("unknown", "low", "no acceptance by the relay is recorded");
  const quietMs = Math.max(now.getTime() - acceptedAt.getTime(), 0);
  const ago = formatQuiet(quietMs);
  const delayed = [...events]
    .reverse()
    .find((e) => e.event === "note" && kindOf(e) === "delayed" && e.at >= acceptedAt);
  if (delayed !== undefined) {
    return {
      verdict: "pending",
      confidence: "medium",
      explanation: `accepted by the relay ${ago} ago, then reported delayed downstream on ${day(delayed.at)} UTC: the customer's server has not taken it yet; the sending server keeps trying for up to 5 days`,
      quietMs,
    };
  }
  const filter = "; a spam filter may still have hidden it";
  if (quietMs < FIRST_BOUNCES) {
    return {
      verdict: "pending",
      confidence: "low",
      explanation: `accepted by the relay ${ago} ago: most refusals come back within minutes, so it is too early to say`,
      quietMs,
    };
  }
  if (quietMs < DAY) {
    return {
      verdict: "delivered",
      confidence: "medium",
      explanation: `accepted by the relay ${ago} ago and no bounce since: the customer's server probably has it; a delayed message can still bounce for up to 5 days${filter}`,
      quietMs,
    };
  }
  return {
    verdict: "delivered",
    confidence: "high",
    explanation:
      quietMs < RETRY_HORIZON
        ? `accepted by the relay ${ago} ago and no bounce since: the customer's server very likely has it${filter}`
        : `accepted by the relay ${ago} ago and no bounce since, longer than mail servers keep retrying: the customer's server has it as far as e-mail can tell${filter}`,
    quietMs,
  };
}

const RANK: Readonly<Record<string, number>> = {
  "delivered:certain": 7,
  "delivered:high": 6,
  "delivered:medium": 5,
  "pending:medium": 4,
  "pending:low": 3,
  "bounced:certain": 2,
  "unknown:low": 1,
};

function rank(p: Pick<RecipientProof, "verdict" | "confidence">): number {
  return RANK[`${p.verdict}:${p.confidence}`] ?? 0;
}

/**
 * Builds the proof of an invoice's delivery from its deliveries and their timelines: for each address of each message
 * the steps (queued, archived with its hash, accepted with the relay's reply and queue id, deferrals, notices with
 * their text, the quiet period since acceptance) and a verdict whose confidence says what it rests on. A report
 * (bounce, success notice, auto-reply, complaint, the relay's refusal) is `certain`; silence after acceptance grows from
 * `medium` to `high` after a day, and is never certain: a spam filter can drop a message without a word.
 */
export function buildDeliveryProof(input: {
  readonly invoiceNumber: string;
  readonly customerNumber: string;
  readonly deliveries: readonly Delivery[];
  readonly timelines: ReadonlyMap<string, readonly DeliveryEventRecord[]>;
  /** The status messages matched to the invoice and its Peppol deliveries. */
  readonly statusMessages?: readonly ProofStatusMessage[];
  readonly now: Date;
}): InvoiceProof {
  const recipients: RecipientProof[] = [];
  const statusMessages = [...(input.statusMessages ?? [])].sort(compareStatusMessages);
  for (const delivery of input.deliveries) {
    const timeline = input.timelines.get(delivery.id) ?? [];
    const { archive } = delivery;
    const shared = {
      role: delivery.role,
      deliveryId: delivery.id,
      round: delivery.round,
      messageId: delivery.messageId,
      archive: archive === null ? null : { sha256: archive.sha256, size: archive.size },
      acceptedAt: delivery.acceptedAt,
    };
    if (delivery.peppol !== undefined) {
      const levels = statusMessages.filter(
        (m) => m.deliveryId === delivery.id && m.kind !== "invoice-response",
      );
      const steps = [...timeline.map(peppolProofStep), ...levels.map(statusProofStep)];
      recipients.push({
        email: delivery.peppol.participant,
        channel: "peppol",
        name: null,
        recipientId: "",
        ...shared,
        steps: steps.sort((a, b) => a.at.getTime() - b.at.getTime()),
        quietMs: null,
        ...judgePeppolDelivery(delivery, timeline, levels),
      });
      continue;
    }
    for (const address of delivery.recipients) {
      const events = timeline.filter((e) => concerns(e, address));
      const judged = judge(delivery, events, input.now);
      const steps = events.map(proofStep);
      if (judged.quietMs !== null && delivery.acceptedAt !== null) {
        steps.push({
          at: input.now,
          event: "quiet",
          what: `no bounce or other notice in the ${formatQuiet(judged.quietMs)} since acceptance`,
          detail: `from ${delivery.acceptedAt.toISOString()} to ${input.now.toISOString()}`,
          actor: "facteur",
        });
      }
      recipients.push({
        email: address.email,
        ...(delivery.courtesyCopy === true ? { courtesyCopy: true as const } : {}),
        name: address.name,
        recipientId: address.recipientId,
        ...shared,
        steps,
        ...judged,
      });
    }
  }
  // A courtesy e-mail is not the legal invoice: only the Peppol delivery speaks for an invoice sent over Peppol.
  const main = recipients.filter((r) => r.role === "main" && r.courtesyCopy !== true);
  const best = main.reduce<RecipientProof | null>((b, r) => (b === null || rank(r) > rank(b) ? r : b), null);
  const base = {
    invoiceNumber: input.invoiceNumber,
    customerNumber: input.customerNumber,
    generatedAt: input.now,
    recipients,
    statusMessages: statusMessages.map(receivedStatusStep),
    buyerStatus: buyerStatusOf(statusMessages),
  };
  if (best === null) {
    return {
      ...base,
      verdict: "unknown",
      confidence: "low",
      explanation: "the invoice was never sent by e-mail to a main recipient, nor over Peppol",
    };
  }
  const same = main.filter((r) => r.verdict === best.verdict).length;
  return {
    ...base,
    verdict: best.verdict,
    confidence: best.confidence,
    explanation: `${best.email}${main.length > 1 ? ` (best of ${main.length} main addresses, ${same} ${best.verdict})` : ""}: ${best.explanation}`,
  };
}

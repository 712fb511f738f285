import type { JsonObject } from "../audit/json-value.ts";
import type { DeliveryEventRecord } from "./delivery.ts";
import { evidenceObject as obj, evidenceText as str } from "./evidence-values.ts";

/** One line of a recipient's timeline in a proof. */
export interface ProofStep {
  readonly at: Date;
  /**
   * The delivery event, `quiet` for the period since acceptance with nothing reported, or `status-message` for a
   * Peppol status message received about the delivery.
   */
  readonly event: DeliveryEventRecord["event"] | "quiet" | "status-message";
  /** What happened, in a sentence. */
  readonly what: string;
  /** The evidence: the reply, the notice's status and text, hashes. */
  readonly detail: string;
  readonly actor: string;
}

function reply(ev: JsonObject): string {
  const r = obj(ev.reply);
  const text = [str(r.code), str(r.enhanced), str(r.text)].filter((s) => s !== "").join(" ");
  return text === "" ? str(ev.error) : text;
}

function notice(ev: JsonObject): string {
  const n = obj(ev.notice);
  const code = [str(ev.status), str(ev.replycode), str(ev.reason)].filter((s) => s !== "").join(" ");
  const parts = [
    code,
    str(ev.diagnostic) === "" ? "" : `"${str(ev.diagnostic)}"`,
    str(ev.remoteMta) === "" ? "" : `reported by ${str(ev.remoteMta)}`,
    str(n.sha256) === ""
      ? ""
      : `notice ${str(n.messageId) || "(no Message-ID)"} sha256 ${str(n.sha256)}, matched by ${str(n.matchedBy)}`,
  ];
  return parts.filter((p) => p !== "").join("; ");
}

const NOTES: Readonly<Record<string, string>> = {
  delayed:
    "delayed downstream: the customer's server has not taken it yet and the sending server keeps trying",
  "recipient-bounced": "this address bounced",
  "unattributed-failure": "a bounce came back naming no address of the message",
  "soft-failure": "temporary failure downstream (the receiving server gave up for now)",
  "auto-reply": "an automatic reply came back from the mailbox: a person's mailbox received it",
  complaint: "the recipient's provider reported a spam complaint: the message reached the mailbox",
  relayed: "relayed onwards to a system that sends no delivery reports",
  delivered: "the receiving server reported delivery",
  unreadable: "a message about it came back but could not be read as a notice",
};

/** Builds the proof steps of one timeline event: its moment, event and actor, with the words given. */
export function stepOf(e: DeliveryEventRecord): (what: string, detail: string) => ProofStep {
  return (what, detail) => ({ at: e.at, event: e.event, what, detail, actor: e.actor });
}

/** A timeline event as a proof step, in words, with its evidence. */
export function proofStep(e: DeliveryEventRecord): ProofStep {
  const ev = e.evidence;
  const step = stepOf(e);
  switch (e.event) {
    case "queue":
      return step(`queued for sending (round ${str(ev.round)})`, `Message-ID <${str(ev.messageId)}>`);
    case "archive":
      return step(
        "message composed and archived (the exact bytes submitted)",
        `sha256 ${str(ev.sha256)}, ${str(ev.size)} bytes`,
      );
    case "accept":
      return step(
        "accepted by the relay",
        `${reply(ev)}${str(ev.queueId) === "" ? "" : ` (queue id ${str(ev.queueId)})`}; attempt ${str(ev.attempt)}`,
      );
    case "defer":
      return step(
        "deferred by the relay",
        `${reply(ev)}${str(ev.nextAttemptAt) === "" ? "" : `; next attempt ${str(ev.nextAttemptAt)}`}`,
      );
    case "reject":
      return step("refused by the relay: it never left", reply(ev));
    case "expire":
      return step("given up: never accepted by the relay before the retries ran out", reply(ev));
    case "park":
      return step("stopped after repeated errors", str(ev.error));
    case "release":
      return step("released by an operator", "");
    case "note":
      return step(NOTES[str(ev.kind)] ?? "a notice was recorded", notice(ev));
    case "bounce":
      return step(
        ev.hard === true
          ? "bounced: the receiving server refused it for good"
          : `bounced: still failing after ${str(ev.retriesUsed)} resend(s)`,
        notice(ev),
      );
    case "confirm":
      return step("delivery to the mailbox confirmed by the receiving server", notice(ev));
    case "retry":
      return step(
        `to be sent again after a temporary failure (resend ${str(ev.retry)})`,
        `${notice(ev)}; at ${str(ev.nextAttemptAt)}`,
      );
  }
}

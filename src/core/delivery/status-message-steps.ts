import { statusWords } from "../peppol/buyer-status.ts";
import type { PeppolResponseIssue } from "../peppol/peppol-response.ts";
import { issuedText, type StatusMessage } from "../peppol/status-message.ts";
import type { ProofStep } from "./proof-steps.ts";

/** A received status message matched to an invoice, with who sent it and the delivery it answers. */
export interface ProofStatusMessage extends StatusMessage {
  /** The SBDH sender of the carrying message (`ICD:value`). */
  readonly sender: string;
  /** The Peppol delivery it answers (an MLS/MLR always; an Invoice Response the delivery to its sender). */
  readonly deliveryId: string | null;
}

/** A status message in a proof: when it came, what kind, its code and status, and what it says. */
export interface ReceivedStatusStep {
  /** When facteur received it. */
  readonly at: Date;
  /** The sender's issue date and time as written. */
  readonly issued: string;
  readonly kind: StatusMessage["kind"];
  readonly responseId: string;
  readonly responseCode: string;
  readonly status: StatusMessage["status"];
  readonly description: string | null;
  readonly issues: readonly PeppolResponseIssue[];
  readonly sender: string;
  /** The ebMS MessageId that carried it. */
  readonly messageId: string;
  readonly deliveryId: string | null;
  /** The step in words. */
  readonly what: string;
}

const KIND_WORDS: Readonly<Record<StatusMessage["kind"], string>> = {
  mls: "Message Level Status",
  mlr: "Message Level Response",
  "invoice-response": "Invoice Response",
};

/** An issue in a line: `BV at /Invoice/...: text`, with the questioned terms. */
export function issueText(issue: PeppolResponseIssue): string {
  const code = [issue.reasonListId, issue.reasonCode ?? issue.responseCode]
    .filter((p) => p !== undefined)
    .join(" ");
  const where = issue.lineId === undefined || issue.lineId === "NA" ? "" : ` at ${issue.lineId}`;
  const terms = issue.conditions
    .map((c) => (c.description === undefined ? c.attributeId : `${c.attributeId} ${c.description}`))
    .join(", ");
  return `${code}${where}${issue.description === undefined ? "" : `: ${issue.description}`}${terms === "" ? "" : ` (${terms})`}`.trim();
}

/** What a status message says in words: its description and its issues, `; `-separated ("" when nothing). */
export function statusSaidText(m: {
  readonly description?: string | null | undefined;
  readonly issues?: readonly PeppolResponseIssue[] | undefined;
}): string {
  return [m.description ?? "", ...(m.issues ?? []).map(issueText)].filter((s) => s !== "").join("; ");
}

function sentence(m: ProofStatusMessage): string {
  const who = m.kind === "invoice-response" ? "the buyer" : "the buyer's access point";
  return `${KIND_WORDS[m.kind]} ${m.responseId} from ${who}: ${m.responseCode} ${statusWords(m.status)}`;
}

/** A status message as an entry of the proof's list of received status messages. */
export function receivedStatusStep(m: ProofStatusMessage): ReceivedStatusStep {
  return {
    at: m.receivedAt,
    issued: issuedText(m),
    kind: m.kind,
    responseId: m.responseId,
    responseCode: m.responseCode,
    status: m.status,
    description: m.description ?? null,
    issues: m.issues ?? [],
    sender: m.sender,
    messageId: m.messageId,
    deliveryId: m.deliveryId,
    what: sentence(m),
  };
}

/** A status message as a step of a delivery's timeline. */
export function statusProofStep(m: ProofStatusMessage): ProofStep {
  const detail = [
    statusSaidText(m),
    `issued ${issuedText(m) || "(no date)"}, from ${m.sender}, message <${m.messageId}>`,
  ].filter((p) => p !== "");
  return {
    at: m.receivedAt,
    event: "status-message",
    what: sentence(m),
    detail: detail.join("; "),
    actor: m.sender,
  };
}

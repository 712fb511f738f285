import { decideMls } from "../core/peppol/decide-mls.ts";
import type { OutgoingResponse } from "../core/peppol/outgoing-response.ts";
import { MLS_DOCUMENT_TYPE, MLS_PROCESS } from "../core/peppol/peppol-identifiers.ts";
import type { MlsType } from "../core/peppol/sbdh-header.ts";
import type { MessageArchive } from "./ports/message-archive.ts";
import type { ReceivedPeppolMessage } from "./ports/peppol-inbox.ts";
import type { PeppolResponseOutbox, ReceivedInvoice } from "./ports/peppol-response-outbox.ts";
import type { PeppolResponseWriter } from "./ports/peppol-response-writer.ts";
import { newOutgoingResponse, queuePeppolResponse } from "./queue-peppol-response.ts";

/** What answering a received document needs. */
export interface AnswerReceivedDeps {
  readonly outbox: PeppolResponseOutbox;
  readonly archive: MessageArchive;
  readonly writer: PeppolResponseWriter;
  /** Our own service provider id (`0242:NNNNNN`), the MLS's sender; undefined when the seat id names none. */
  readonly serviceProvider: string | undefined;
  readonly retentionYears: number;
  readonly now: () => Date;
  readonly newId: () => string;
}

/** A document the receiver has just recorded in the inbox, with what its SBDH asked and what it says. */
export interface ReceivedForAnswer {
  readonly message: ReceivedPeppolMessage;
  readonly mlsType?: MlsType;
  readonly mlsTo?: string;
  /** The invoice's facts, kept so that the buyer can answer it with an Invoice Response later. */
  readonly invoice?: ReceivedInvoice;
}

/** What became of it: an MLS queued, or why none was. */
export type AnswerOutcome =
  | { readonly kind: "queued"; readonly response: OutgoingResponse }
  | { readonly kind: "none"; readonly reason: string };

/**
 * The receiving access point's follow-up of a received document: keeps a received invoice's facts and queues the
 * Message Level Status the MLS rules call for ({@link decideMls}: RE with the findings when invalid, AP when valid and
 * asked for ALWAYS_SEND, never for a status message), in one transaction. At most one MLS per received document: a
 * second call for the same message queues nothing.
 */
export async function answerReceivedDocument(
  deps: AnswerReceivedDeps,
  received: ReceivedForAnswer,
): Promise<AnswerOutcome> {
  const { message } = received;
  const decision = decideMls({
    kind: message.kind,
    validation: message.validation,
    senderAccessPoint: message.senderAccessPoint,
    ...(received.mlsType === undefined ? {} : { mlsType: received.mlsType }),
    ...(received.mlsTo === undefined ? {} : { mlsTo: received.mlsTo }),
  });
  const at = deps.now();
  const keepInvoice = async () => {
    const { invoice } = received;
    if (invoice) await deps.outbox.transaction((unit) => unit.recordReceivedInvoice(invoice));
  };
  if (decision.kind === "none" || deps.serviceProvider === undefined) {
    await keepInvoice();
    return {
      kind: "none",
      reason: decision.kind === "none" ? decision.reason : "our seat id names no service provider id",
    };
  }
  const earlier = await deps.outbox.responsesTo([message.messageId]);
  if (earlier.some((response) => response.kind === "mls")) {
    await keepInvoice();
    return { kind: "none", reason: `message ${message.messageId} was answered already` };
  }
  const id = deps.newId();
  const xml = deps.writer.mls({
    id,
    issuedAt: at,
    sender: deps.serviceProvider,
    receiver: decision.receiver,
    responseCode: decision.responseCode,
    ...(decision.description === undefined ? {} : { description: decision.description }),
    reference: message.instanceId,
    issues: decision.issues,
  });
  if (!xml.ok) {
    await keepInvoice();
    return { kind: "none", reason: `the MLS cannot be written: ${xml.error}` };
  }
  const payload = await deps.archive.put(Buffer.from(xml.value, "utf8"));
  const response = newOutgoingResponse(
    {
      id,
      key: `mls:${message.messageId}`,
      inboxMessageId: message.messageId,
      kind: "mls",
      responseCode: decision.responseCode,
      status: decision.responseCode === "AP" ? "accepted" : "rejected",
      reasons: decision.issues.map((issue) => ({
        code: issue.reasonCode,
        text: issue.description,
        lineId: issue.lineId,
      })),
      sender: deps.serviceProvider,
      receiver: decision.receiver,
      documentType: MLS_DOCUMENT_TYPE,
      process: MLS_PROCESS,
      payloadSha256: payload.sha256,
    },
    at,
  );
  const queued = await deps.outbox.transaction(async (unit) => {
    if (received.invoice) await unit.recordReceivedInvoice(received.invoice);
    return queuePeppolResponse(unit, response, payload, deps.retentionYears);
  });
  return queued
    ? { kind: "queued", response }
    : { kind: "none", reason: `message ${message.messageId} was answered already` };
}

import { randomUUID } from "node:crypto";
import type { MessageArchive } from "../../app/ports/message-archive.ts";
import type { PeppolInbox, ReceivedPeppolMessage } from "../../app/ports/peppol-inbox.ts";
import { retainUntil } from "../../core/delivery/retain-until.ts";
import { type As4Error, as4Error } from "../../documents/peppol/as4/as4-error.ts";
import { buildAs4ErrorSignal } from "../../documents/peppol/as4/build-as4-error-signal.ts";
import { buildAs4Receipt } from "../../documents/peppol/as4/build-as4-receipt.ts";
import { openAs4UserMessage } from "../../documents/peppol/as4/open-as4-user-message.ts";
import type { OwnAccessPoint } from "../as4/own-access-point.ts";
import type { ReceivedMessageResponder } from "./answer-received-message.ts";
import { classifyReceivedDocument } from "./classify-received-document.ts";

/** What the receiver needs: our access point, where received messages go, and the clock. */
export interface As4ReceiverDeps {
  readonly accessPoint: Pick<OwnAccessPoint, "seat" | "seatId" | "trust" | "participants">;
  readonly inbox: PeppolInbox;
  readonly archive: MessageArchive;
  /** Years the received document, its receipt and the request as it arrived are kept (the archive index says till when). */
  readonly retentionYears: number;
  readonly now?: () => Date;
  /** Largest decompressed SBDH accepted; default the codec's (20 MB). */
  readonly maxPayloadBytes?: number;
  /** Follows up each newly recorded message (its Message Level Status); none when absent. */
  readonly responder?: ReceivedMessageResponder;
}

/** The HTTP answer to one POST. */
export interface As4HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
  /** What happened, for the log line (never message content). */
  readonly outcome: "received" | "duplicate" | "refused";
  readonly detail: string;
}

const SOAP = "application/soap+xml; charset=UTF-8";

function signalId(): string {
  return `${randomUUID()}@facteur`;
}

/**
 * Answers one AS4 POST as a Peppol receiving access point: opens the message with the codec (MIME, SOAP, signature
 * by a seat chained to the AP CA and not revoked, decryption with our key, gunzip with limits, SBDH), refuses a
 * participant we do not serve (EBMS:0004 PEPPOL:NOT_SERVICED), answers a MessageId already received with the receipt
 * given then (nothing stored twice), refuses an SBDH instance id already received under another MessageId, stores
 * the document, the receipt and the request as it arrived (HTTP body) in the archive and the message in the inbox
 * (the three files indexed with their retention date in the same transaction), and answers a signed receipt. Every refusal is a signed ebMS error signal (HTTP 200: the answer is a well-formed
 * signal, as for a receipt).
 */
export async function handleAs4Message(
  contentType: string,
  body: Buffer,
  deps: As4ReceiverDeps,
): Promise<As4HttpAnswer> {
  const now = deps.now ?? (() => new Date());
  const { seat } = deps.accessPoint;
  const refuse = (error: As4Error): As4HttpAnswer => {
    const signal = buildAs4ErrorSignal({ error, messageId: signalId(), timestamp: now(), signer: seat });
    const detail = `${error.code} ${error.detail}`;
    if (!signal.ok)
      return {
        status: 500,
        contentType: "text/plain",
        body: Buffer.from(signal.error),
        outcome: "refused",
        detail,
      };
    return { status: 200, contentType: SOAP, body: signal.value.body, outcome: "refused", detail };
  };
  const opened = await openAs4UserMessage(contentType, body, {
    receiver: seat,
    trust: { ...deps.accessPoint.trust, at: now() },
    ...(deps.maxPayloadBytes === undefined ? {} : { maxPayloadBytes: deps.maxPayloadBytes }),
  });
  if (!opened.ok) return refuse(opened.error);
  const { metadata, sbdh, document } = opened.value;
  const messageId = metadata.messageId;
  const again = async (existing: ReceivedPeppolMessage): Promise<As4HttpAnswer | undefined> => {
    const receipt = await deps.archive.get(existing.receiptSha256);
    // A sender retries when it got no receipt, e.g. when we stopped between recording and the follow-up: catch up.
    if (receipt) await deps.responder?.answer(existing, sbdh);
    return receipt
      ? { status: 200, contentType: SOAP, body: receipt, outcome: "duplicate", detail: `${messageId} again` }
      : undefined;
  };
  const known = await deps.inbox.byMessageId(messageId);
  const repeated = known ? await again(known) : undefined;
  if (repeated) return repeated;
  const receiver = sbdh.header.receiver.value.toLowerCase();
  const served = deps.accessPoint.participants.map((p) => p.toLowerCase());
  if (served.length > 0 && !served.includes(receiver))
    return refuse(
      as4Error(
        "EBMS:0004",
        `PEPPOL:NOT_SERVICED: ${sbdh.header.receiver.value} is not served here`,
        messageId,
      ),
    );
  const receipt = buildAs4Receipt({
    refToMessageId: messageId,
    signatureReferences: opened.value.signatureReferences,
    messageId: signalId(),
    timestamp: now(),
    signer: seat,
  });
  if (!receipt.ok)
    return refuse(as4Error("EBMS:0004", `the receipt cannot be built: ${receipt.error}`, messageId));
  const received = classifyReceivedDocument(sbdh, document);
  // The request as it arrived is evidence too: what the sending access point posted, byte for byte.
  const [stored, storedReceipt, storedRequest] = await Promise.all([
    deps.archive.put(document),
    deps.archive.put(receipt.value.body),
    deps.archive.put(body),
  ]);
  const receivedAt = now();
  const message: ReceivedPeppolMessage = {
    messageId,
    instanceId: sbdh.header.instanceIdentifier,
    sender: sbdh.header.sender.value,
    receiver: sbdh.header.receiver.value,
    documentType: sbdh.header.documentType.value,
    process: sbdh.header.process.value,
    senderAccessPoint: metadata.fromParty,
    kind: received.kind,
    documentSha256: stored.sha256,
    receiptSha256: storedReceipt.sha256,
    receivedAt,
    validation: received.validation,
    request: { sha256: storedRequest.sha256, contentType },
  };
  const response = received.response ? { ...received.response, messageId, receivedAt } : undefined;
  const recorded = await deps.inbox.record(message, response, {
    objects: [stored, storedReceipt, storedRequest],
    retainUntil: retainUntil(receivedAt, deps.retentionYears),
  });
  if (recorded.kind === "duplicate-message") {
    const raced = await again(recorded.existing);
    if (raced) return raced;
  }
  if (recorded.kind === "duplicate-instance")
    return refuse(
      as4Error(
        "EBMS:0004",
        `the SBDH instance ${message.instanceId} was received already as message ${recorded.existing.messageId}`,
        messageId,
      ),
    );
  const answered = recorded.kind === "recorded" ? await deps.responder?.answer(message, sbdh) : undefined;
  const followUp =
    answered === undefined
      ? ""
      : answered.kind === "queued"
        ? `; MLS ${answered.response.responseCode} queued to ${answered.response.receiver}`
        : `; no MLS: ${answered.reason}`;
  return {
    status: 200,
    contentType: receipt.value.contentType,
    body: receipt.value.body,
    outcome: "received",
    detail: `${messageId} ${received.kind} from ${message.sender} (${received.validation.status})${followUp}`,
  };
}

import { X509Certificate } from "node:crypto";
import type { ParticipantEndpoint } from "../../app/ports/participant-directory.ts";
import { type As4Seat, buildAs4UserMessage } from "../../documents/peppol/as4/build-as4-user-message.ts";
import { readAs4Message } from "../../documents/peppol/as4/read-as4-message.ts";
import { type As4Signal, readAs4Signal } from "../../documents/peppol/as4/read-as4-signal.ts";
import { type SentAs4Message, verifyAs4Receipt } from "../../documents/peppol/as4/verify-as4-receipt.ts";
import type { SbdhWriteInput } from "../../documents/peppol/sbdh/write-sbdh.ts";
import { parseXmlTree } from "../../documents/peppol/xml/parse-xml-tree.ts";
import type { As4Evidence, As4SendOutcome } from "./as4-send-outcome.ts";
import { classifyErrorSignal } from "./classify-error-signal.ts";
import type { AccessPointTrust } from "./own-access-point.ts";
import { type As4HttpOptions, postAs4 } from "./post-as4.ts";
import { sentMessageFromBytes } from "./sent-message-from-bytes.ts";

/** One AS4 send: where to, as whom, what, and how. */
export interface SendAs4Input {
  /** The endpoint discovery found: its AS4 URL and the receiving access point's certificate (PEM). */
  readonly endpoint: Pick<ParticipantEndpoint, "url"> & { readonly certificate: { readonly pem: string } };
  /** Our seat: signs the message. */
  readonly seat: As4Seat;
  /** The AP CA (and CRL) the receipt's signer must chain to. */
  readonly trust: AccessPointTrust;
  /** The SBDH of the document; keep its instanceIdentifier with the MessageId for retries. */
  readonly sbdh: SbdhWriteInput;
  /** The business document (UBL). */
  readonly payload: string | Buffer;
  /** The ebMS MessageId (`uuid@domain`): every attempt of one delivery uses the same. */
  readonly messageId: string;
  /**
   * The message posted by an earlier attempt ({@link As4Evidence.request}): resent byte for byte instead of a fresh
   * build, so that a receiver that already has it answers with its first receipt and that receipt still verifies.
   */
  readonly previous?: { readonly contentType: string; readonly body: Buffer };
  readonly http?: As4HttpOptions;
  /** The clock (tests pass a fixed one). */
  readonly now?: () => Date;
}

const RETRY_STATUSES = new Set([408, 429]);
const GONE_STATUSES = new Set([404, 410]);

/** The signal in an answer whose verification failed, read without trusting it (for its error codes). */
function readUnverified(contentType: string, body: Buffer): As4Signal | undefined {
  const message = readAs4Message(contentType, body);
  if (!message.ok) return undefined;
  const parsed = parseXmlTree(message.value.soap);
  if (!parsed.ok) return undefined;
  const signal = readAs4Signal(parsed.value.root);
  return signal.ok ? signal.value : undefined;
}

function fromSignal(signal: As4Signal & { kind: "error" }, evidence: As4Evidence): As4SendOutcome {
  const { verdict, failure } = classifyErrorSignal(signal.errors);
  if (verdict === "retry-later")
    return { kind: "retry-later", reason: `${failure.code} ${failure.detail}`, evidence };
  return { kind: verdict, error: failure, evidence };
}

/** What the message to send is: the earlier attempt's bytes, or a fresh build. */
function messageOf(input: SendAs4Input, receiver: X509Certificate, at: Date) {
  if (input.previous) {
    const sent = sentMessageFromBytes(input.previous.contentType, input.previous.body);
    if (!sent.ok) return sent;
    if (sent.value.messageId !== input.messageId)
      return {
        ok: false as const,
        error: `the earlier message is ${sent.value.messageId}, not ${input.messageId}`,
      };
    return { ok: true as const, value: { ...sent.value, ...input.previous } };
  }
  return buildAs4UserMessage({
    sbdh: input.sbdh,
    payload: input.payload,
    messageId: input.messageId,
    timestamp: at,
    sender: input.seat,
    receiverCertificate: receiver,
  });
}

/**
 * Sends one document to another Peppol access point over AS4 and reads the synchronous answer: builds the message
 * with the codec (or resends the earlier attempt's bytes), POSTs it over https, and judges the answer. A receipt
 * counts only when signed by the receiver's certificate from the SMP, trusted by the AP CA, referring to our
 * MessageId and echoing our signature's references; an error signal is mapped to rejected, look-up-again or
 * retry-later; no answer, HTTP 5xx, 408 or 429 is retry-later. Never throws for a network or peer problem.
 */
export async function sendAs4(input: SendAs4Input): Promise<As4SendOutcome> {
  const now = input.now ?? (() => new Date());
  const sentAt = now();
  const empty = { contentType: "", body: Buffer.alloc(0) };
  const base = { messageId: input.messageId, url: input.endpoint.url, sentAt, signalVerified: false };
  const refuse = (code: string, detail: string, request = empty): As4SendOutcome => ({
    kind: "rejected",
    error: { code, detail },
    evidence: { ...base, request },
  });
  let url: URL;
  try {
    url = new URL(input.endpoint.url);
  } catch {
    return refuse("HTTPS", `the endpoint URL ${input.endpoint.url} cannot be read`);
  }
  if (url.protocol !== "https:") return refuse("HTTPS", `the endpoint URL ${url.href} is not https`);
  let receiver: X509Certificate;
  try {
    receiver = new X509Certificate(input.endpoint.certificate.pem);
  } catch {
    return refuse("CERTIFICATE", "the endpoint certificate from the SMP cannot be read");
  }
  const built = messageOf(input, receiver, sentAt);
  if (!built.ok) return refuse("BUILD", built.error);
  const request = { contentType: built.value.contentType, body: built.value.body };
  const answer = await postAs4(url, request, input.http);
  if (answer.kind !== "answered")
    return { kind: "retry-later", reason: answer.reason, evidence: { ...base, request } };
  const response = { status: answer.status, contentType: answer.contentType, body: answer.body };
  const evidence: As4Evidence = { ...base, request, response };
  const sent: SentAs4Message = { ...built.value, receiverCertificate: receiver };
  const verified = await verifyAs4Receipt(answer.contentType, answer.body, {
    sent,
    trust: { ...input.trust, at: now() },
  });
  if (verified.ok) {
    const { signal, signerCertificate, soap } = verified.value;
    const trusted = { ...evidence, signal, signalVerified: true };
    if (signal.kind === "error") return fromSignal(signal, trusted);
    const receipt = {
      messageId: signal.messageId,
      timestamp: signal.timestamp,
      refToMessageId: signal.refToMessageId,
      nonRepudiationReferences: signal.nonRepudiation.length,
      signer: {
        subject: signerCertificate.subject.replace(/\n/g, ", "),
        serialNumber: signerCertificate.serialNumber,
        pem: signerCertificate.toString(),
      },
      soap,
    };
    return { kind: "accepted", receipt, evidence: trusted };
  }
  const unverified = readUnverified(answer.contentType, answer.body);
  const ours = unverified?.refToMessageId === undefined || unverified.refToMessageId === input.messageId;
  if (unverified?.kind === "error" && ours)
    return fromSignal(unverified, { ...evidence, signal: unverified });
  if (unverified?.kind === "receipt")
    return {
      kind: "rejected",
      error: { code: verified.error.code, detail: verified.error.detail },
      evidence,
    };
  if (answer.status >= 500 || RETRY_STATUSES.has(answer.status))
    return { kind: "retry-later", reason: `${url.href} answered HTTP ${answer.status}`, evidence };
  if (GONE_STATUSES.has(answer.status))
    return {
      kind: "look-up-again",
      error: { code: `HTTP ${answer.status}`, detail: `${url.href} is gone` },
      evidence,
    };
  return {
    kind: "rejected",
    error: { code: `HTTP ${answer.status}`, detail: `no readable receipt: ${verified.error.detail}` },
    evidence,
  };
}

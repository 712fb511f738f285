import type { ParticipantLookup } from "../../../src/app/ports/participant-directory.ts";
import type { PeppolSendOutcome, PeppolSendRequest } from "../../../src/app/ports/peppol-sender.ts";

/** One scripted answer of the access point a request is posted to. */
export type Answer = (
  request: PeppolSendRequest,
  evidence: PeppolSendOutcome["evidence"],
) => PeppolSendOutcome;

/**
 * A sender that keeps every request it built and posted, and answers each post with the next scripted answer. The
 * bytes it builds read `AS4 <MessageId> to <url> #<n>`, n counting the builds; it posts only bytes built before.
 */
export function scriptedSender(answers: Answer[]) {
  const built: Omit<PeppolSendRequest, "previous">[] = [];
  const posted: PeppolSendRequest[] = [];
  return {
    built,
    posted,
    build: (request: Omit<PeppolSendRequest, "previous">) => {
      built.push(request);
      return {
        ok: true as const,
        value: {
          contentType: 'multipart/related; boundary="b"',
          body: Buffer.from(`AS4 ${request.messageId} to ${request.endpoint.url} #${built.length}`),
        },
      };
    },
    send: async (request: PeppolSendRequest): Promise<PeppolSendOutcome> => {
      posted.push(request);
      const answer = answers.shift();
      if (answer === undefined) throw new Error("no scripted answer left");
      if (request.previous === undefined) throw new Error("the worker posts only bytes it archived first");
      return answer(request, { url: request.endpoint.url, sentAt: new Date(), request: request.previous });
    },
  };
}

/** A signed receipt from POP000002 (serial 02). */
export const accepted: Answer = (request, evidence) => ({
  kind: "accepted",
  evidence,
  receipt: {
    messageId: `receipt-${request.messageId}`,
    timestamp: "2026-12-02T09:00:00.000Z",
    refToMessageId: request.messageId,
    nonRepudiationReferences: 2,
    signer: { subject: "CN=POP000002", serialNumber: "02" },
    soap: Buffer.from(`<receipt for="${request.messageId}"/>`),
  },
});
export const retryLater: Answer = (_r, evidence) => ({
  kind: "retry-later",
  reason: "ECONNREFUSED",
  evidence,
});
export const rejected: Answer = (_r, evidence) => ({
  kind: "rejected",
  error: { code: "EBMS:0101", detail: "signature" },
  evidence,
});
export const notServiced: Answer = (_r, evidence) => ({
  kind: "look-up-again",
  error: { code: "PEPPOL:NOT_SERVICED", detail: "not here" },
  evidence,
});

/** A directory that answers with the next of `lookups`, then the last one again; `fresh` keeps what each asked for. */
export function scriptedDirectory(lookups: ParticipantLookup[]) {
  const fresh: boolean[] = [];
  return {
    fresh,
    lookup: async (_query: unknown, options: { readonly fresh: boolean }): Promise<ParticipantLookup> => {
      fresh.push(options.fresh);
      return lookups.length > 1 ? (lookups.shift() as ParticipantLookup) : (lookups[0] as ParticipantLookup);
    },
  };
}

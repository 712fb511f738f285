import type { BounceReader, InboundNotice } from "./ports/bounce-reader.ts";
import type { BounceReaderStore } from "./ports/bounce-store.ts";

/**
 * How a received message was tied to a delivery, or why it was not.
 * - `verp`: a VERP address of the bounce domain carried a token whose HMAC checks: authenticated.
 * - `message-id`: no usable token, but the message quotes the Message-ID of a delivery (or answers it).
 * - `forged`: a VERP address of the bounce domain carried a token that does not check (no secret signed it, or it
 *   was altered so that it no longer decodes): quarantined.
 * - `unmatched`: nothing ties it to a delivery facteur made.
 */
export type BounceMatch =
  | { readonly kind: "verp"; readonly deliveryId: string; readonly address: string }
  | { readonly kind: "message-id"; readonly deliveryId: string; readonly messageId: string }
  | { readonly kind: "forged"; readonly address: string }
  | { readonly kind: "unmatched"; readonly why: string };

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

function bare(messageId: string): string {
  return messageId.trim().replace(/^<(.*)>$/, "$1");
}

/**
 * The addresses of the bounce domain the message was sent to, most trustworthy first: the SMTP envelope, the headers
 * the final delivery agent wrote (Delivered-To, X-Original-To), the To header, then the Return-Path of the quoted
 * original. Only addresses with a `+` can carry a token.
 */
export function verpCandidates(
  notice: InboundNotice,
  envelopeTo: readonly string[],
  bounceDomain: string,
): string[] {
  const domain = bounceDomain.toLowerCase();
  const all = [
    ...envelopeTo,
    ...notice.headers.deliveredTo,
    ...notice.headers.xOriginalTo,
    ...notice.headers.to,
    notice.original.returnPath,
  ];
  const seen = new Set<string>();
  const candidates: string[] = [];
  for (const raw of all) {
    const address = raw.trim().replace(/^<(.*)>$/, "$1");
    const local = address.slice(0, address.lastIndexOf("@"));
    if (!address.includes("@") || domainOf(address) !== domain || !local.includes("+")) continue;
    const key = address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    candidates.push(address);
  }
  return candidates;
}

/**
 * Ties a received message to the delivery it reports on: by the first VERP address whose token checks, else, when no
 * address carried a token at all, by a quoted or answered Message-ID. A token that does not check is never overruled
 * by a Message-ID: whoever forged the address could as easily have quoted one.
 */
export async function matchBounce(
  deps: {
    readonly store: Pick<BounceReaderStore, "hasDelivery" | "deliveryIdByMessageId">;
    readonly reader: BounceReader;
  },
  notice: InboundNotice,
  envelopeTo: readonly string[],
  bounceDomain: string,
): Promise<BounceMatch> {
  let forged: string | null = null;
  let unknownDelivery: string | null = null;
  for (const address of verpCandidates(notice, envelopeTo, bounceDomain)) {
    const verified = deps.reader.verifyReturnPath(address);
    if (!verified.ok) {
      forged ??= address;
      continue;
    }
    if (await deps.store.hasDelivery(verified.value))
      return { kind: "verp", deliveryId: verified.value, address };
    unknownDelivery ??= verified.value;
  }
  if (forged !== null) return { kind: "forged", address: forged };
  if (unknownDelivery !== null) {
    return {
      kind: "unmatched",
      why: `its VERP token names delivery ${unknownDelivery}, which this database does not hold`,
    };
  }
  const messageIds = [notice.original.messageId, ...notice.headers.inReplyTo]
    .map(bare)
    .filter((id) => id !== "");
  for (const messageId of [...new Set(messageIds)]) {
    const deliveryId = await deps.store.deliveryIdByMessageId(messageId);
    if (deliveryId !== null) return { kind: "message-id", deliveryId, messageId };
  }
  return {
    kind: "unmatched",
    why:
      messageIds.length === 0
        ? "it carries no VERP token and quotes no Message-ID"
        : `it carries no VERP token and quotes no Message-ID facteur sent (${messageIds
            .slice(0, 3)
            .map((id) => `<${id}>`)
            .join(", ")})`,
  };
}

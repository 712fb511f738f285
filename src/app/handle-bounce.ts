import { createHash } from "node:crypto";
import type { JsonObject } from "../core/audit/json-value.ts";
import { mainRecipients } from "../core/customer/main-recipients.ts";
import { sameAddress } from "../core/customer/same-address.ts";
import { decideBounceEffects, type NoticeEffect } from "../core/delivery/bounce-effects.ts";
import type { NoticeEvidence, NoticeResult } from "../core/delivery/bounce-notice.ts";
import type { Delivery } from "../core/delivery/delivery.ts";
import { retainUntil } from "../core/delivery/retain-until.ts";
import type { BounceSettings } from "./bounce-settings.ts";
import { changeRecipient } from "./change-recipient.ts";
import { type BounceMatch, matchBounce } from "./match-bounce.ts";
import type { BounceReader, InboundNotice } from "./ports/bounce-reader.ts";
import type {
  BounceStore,
  BounceUnitOfWork,
  InboundOutcome,
  InboundSourceKind,
} from "./ports/bounce-store.ts";
import type { MessageArchive } from "./ports/message-archive.ts";
import { queueResendRound } from "./queue-resend-round.ts";
import { DELIVER_JOB } from "./send-invoices.ts";

export interface HandleBounceDeps {
  readonly store: BounceStore;
  readonly archive: MessageArchive;
  readonly reader: BounceReader;
  readonly settings: BounceSettings;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Who records the effects, in delivery events and the audit trail: `intake:imap`, `intake:smtp`, `cli:alice`. */
  readonly actor: string;
  /** A new Message-ID without angle brackets, for the messages `settings.tryOtherRecipients` sends. */
  readonly newMessageId?: () => string;
}

/** Where a received message came from. */
export interface InboundSource {
  readonly kind: InboundSourceKind;
  /** `imap:<mailbox>:<uidvalidity>:<uid>`, the SMTP session id, the file name. */
  readonly ref: string | null;
  /** The SMTP envelope recipients, when the message came by SMTP. */
  readonly envelopeTo?: readonly string[];
  /** The size of the whole message when `raw` was cut at the intake's limit. */
  readonly size?: number;
}

/** What handling a received message did. */
export interface HandledBounce {
  /** `duplicate`: these bytes were handled before (the earlier record stands; nothing was done again). */
  readonly outcome: InboundOutcome | "duplicate";
  /** For a duplicate: what was done with the earlier copy, when known. */
  readonly previousOutcome?: InboundOutcome;
  readonly inboundId: string;
  readonly deliveryId: string | null;
  readonly invoiceNumber: string | null;
  readonly matchedBy: "verp" | "message-id" | null;
  /** Per result of the notice: what it did to the delivery. */
  readonly effects: readonly NoticeEffect[];
  /** Addresses suspended because of it. */
  readonly suspended: readonly string[];
  /** The addresses the invoice was sent to instead (`settings.tryOtherRecipients`). */
  readonly resentTo?: readonly string[];
  /** One line for logs and the operator. */
  readonly summary: string;
}

const MAX_DETAIL_DIAGNOSTIC = 300;

function resultDetail(result: NoticeResult, effect?: NoticeEffect): JsonObject {
  return {
    recipient: result.recipient,
    action: result.action,
    status: result.status,
    replycode: result.replycode,
    reason: result.reason,
    hard: result.hard,
    rule: result.rule,
    diagnostic: result.diagnostic.slice(0, MAX_DETAIL_DIAGNOSTIC),
    ...(effect === undefined ? {} : { effect }),
  };
}

/**
 * Handles one message received at the bounce address, once: archives its bytes, ties it to the delivery it reports on
 * (an HMAC-checked VERP token, else a quoted Message-ID), and in one transaction records it and applies what its
 * results mean (see `decideBounceEffects`): delivery events with the notice as evidence, suspensions of addresses that
 * failed for good (audited, quoting the bounce), a resend after a soft failure. A message that matches nothing is
 * recorded as `unmatched`, one with a forged token as `quarantined`: neither changes anything else. The same bytes
 * handled again (a redelivery, a crash before the intake moved the message) are reported as `duplicate`.
 */
export async function handleBounce(
  deps: HandleBounceDeps,
  raw: Buffer,
  source: InboundSource,
): Promise<HandledBounce> {
  const sha256 = createHash("sha256").update(raw).digest("hex");
  const earlier = await deps.store.inboundBySha256(sha256);
  if (earlier !== null)
    return {
      ...duplicate(earlier.id, earlier.deliveryId, earlier.matchedBy),
      previousOutcome: earlier.outcome,
    };
  const notice = deps.reader.read(raw);
  const match = await matchBounce(deps, notice, source.envelopeTo ?? [], deps.settings.bounceDomain);
  const object = await deps.archive.put(raw);
  const at = deps.now();
  const inboundId = deps.newId();
  return deps.store.transaction(async (unit) => {
    await unit.indexArchived(object, retainUntil(at, deps.settings.retentionYears), at);
    const claimed = await unit.claimInbound({
      id: inboundId,
      sha256: object.sha256,
      source: source.kind,
      sourceRef: source.ref,
      messageId: notice.headers.messageId === "" ? null : notice.headers.messageId,
      size: Math.max(source.size ?? raw.length, raw.length),
      truncated: source.size !== undefined && source.size > raw.length,
      receivedAt: at,
      kind: notice.kind,
      format: notice.format,
    });
    if (!claimed) return duplicate(inboundId, null, null);
    if (match.kind === "verp" || match.kind === "message-id") {
      return applyEffects(deps, unit, { inboundId, notice, match, at, sha256: object.sha256, source });
    }
    const outcome: InboundOutcome = match.kind === "forged" ? "quarantined" : "unmatched";
    const why =
      match.kind === "forged"
        ? `the VERP token of ${match.address} does not check: forged or altered; nothing was changed`
        : `${match.why}; nothing was changed`;
    await unit.concludeInbound(inboundId, {
      outcome,
      matchedBy: null,
      deliveryId: null,
      detail: {
        why,
        results: notice.results.map((r) => resultDetail(r)),
        subject: notice.headers.subject.slice(0, 300),
      },
    });
    return {
      outcome,
      inboundId,
      deliveryId: null,
      invoiceNumber: null,
      matchedBy: null,
      effects: [],
      suspended: [],
      summary: `${outcome}: ${why}`,
    };
  });
}

function duplicate(
  inboundId: string,
  deliveryId: string | null,
  matchedBy: HandledBounce["matchedBy"],
): HandledBounce {
  return {
    outcome: "duplicate",
    inboundId,
    deliveryId,
    invoiceNumber: null,
    matchedBy,
    effects: [],
    suspended: [],
    summary: "duplicate: these bytes were handled before; nothing was done again",
  };
}

interface Matched {
  readonly inboundId: string;
  readonly notice: InboundNotice;
  readonly match: Extract<BounceMatch, { deliveryId: string }>;
  readonly at: Date;
  readonly sha256: string;
  readonly source: InboundSource;
}

async function applyEffects(
  deps: HandleBounceDeps,
  unit: BounceUnitOfWork,
  m: Matched,
): Promise<HandledBounce> {
  const delivery = await unit.getDelivery(m.match.deliveryId);
  if (delivery === null)
    throw new Error(`delivery ${m.match.deliveryId} vanished while its bounce was handled`);
  const evidence: NoticeEvidence = {
    sha256: m.sha256,
    messageId: m.notice.headers.messageId,
    source: m.source.kind,
    receivedAt: m.at,
    matchedBy: m.match.kind,
    kind: m.notice.kind,
    format: m.notice.format,
  };
  const decided = decideBounceEffects({
    delivery,
    timeline: await unit.timeline(delivery.id),
    results: m.notice.results,
    evidence,
    softRetry: deps.settings.softRetry,
    now: m.at,
  });
  let from = delivery.state;
  for (const planned of decided.events) {
    const retry = planned.event === "retry" && decided.retryAt !== null ? decided.retryAt : null;
    await unit.changeDelivery({
      deliveryId: delivery.id,
      event: planned.event,
      from,
      to: planned.to,
      at: m.at,
      actor: deps.actor,
      evidence: planned.evidence,
      ...(retry === null ? {} : { set: { nextAttemptAt: retry, firstAttemptAt: retry } }),
    });
    if (retry !== null) {
      await unit.enqueue(
        [
          {
            key: `${DELIVER_JOB}:${delivery.id}:retry-${String(planned.evidence.retry)}`,
            kind: DELIVER_JOB,
            payload: { deliveryId: delivery.id },
            runAt: retry,
          },
        ],
        m.at,
      );
    }
    from = planned.to;
  }
  const suspended: string[] = [];
  for (const suspension of decided.suspensions) {
    const changed = await changeRecipient(
      unit,
      delivery.customerNumber,
      { kind: "suspend", id: suspension.recipientId, reason: suspension.reason },
      { at: m.at, actor: { kind: "system", id: deps.actor }, reason: suspension.reason },
    );
    if (changed.ok) suspended.push(suspension.email);
  }
  const effects = decided.effects;
  const resentTo = from === "bounced" ? await tryOthers(deps, unit, delivery, m.at) : [];
  const detail: JsonObject = {
    invoice: delivery.invoiceNumber,
    results: m.notice.results.map((r, i) => resultDetail(r, effects[i])),
    suspended,
    ...(decided.retryAt === null ? {} : { retryAt: decided.retryAt.toISOString() }),
    ...(resentTo.length === 0 ? {} : { resentTo }),
  };
  await unit.concludeInbound(m.inboundId, {
    outcome: "processed",
    matchedBy: m.match.kind,
    deliveryId: delivery.id,
    detail,
  });
  return {
    outcome: "processed",
    inboundId: m.inboundId,
    deliveryId: delivery.id,
    invoiceNumber: delivery.invoiceNumber,
    matchedBy: m.match.kind,
    effects,
    suspended,
    ...(resentTo.length === 0 ? {} : { resentTo }),
    summary: `processed: invoice ${delivery.invoiceNumber}, delivery ${delivery.id} (${m.match.kind}): ${[...new Set(effects)].join(", ") || "nothing to record"}${suspended.length > 0 ? `; suspended ${suspended.join(", ")}` : ""}${resentTo.length > 0 ? `; sent again to ${resentTo.join(", ")}` : ""}`,
  };
}

/**
 * With `tryOtherRecipients`, a main message of the latest round that bounced for good is followed at once by a new
 * round to the customer's main recipients as they now are (the failed addresses being suspended, active persons take
 * over from a dead invoice mailbox). Nothing is sent when no other address is left, nor for a courtesy copy of a
 * Peppol invoice (the invoice itself is not e-mailed).
 */
async function tryOthers(
  deps: HandleBounceDeps,
  unit: BounceUnitOfWork,
  delivery: Delivery,
  at: Date,
): Promise<string[]> {
  if (
    deps.settings.tryOtherRecipients !== true ||
    deps.newMessageId === undefined ||
    delivery.role !== "main" ||
    // A courtesy copy accompanies an invoice that went over Peppol: a new e-mail round would send the invoice itself.
    delivery.courtesyCopy === true
  )
    return [];
  const latest = (await unit.latestRounds([delivery.invoiceId])).get(delivery.invoiceId) ?? 0;
  if (latest !== delivery.round) return [];
  const others = mainRecipients(await unit.listRecipients(delivery.customerNumber)).filter(
    (r) => !delivery.recipients.some((a) => sameAddress(a.email, r.email)),
  );
  if (others.length === 0) return [];
  const sent = await queueResendRound(unit, {
    invoice: {
      id: delivery.invoiceId,
      number: delivery.invoiceNumber,
      customerNumber: delivery.customerNumber,
    },
    target: { channel: "email", recipients: others },
    deliveryId: deps.newId(),
    messageId: deps.newMessageId(),
    at,
    actor: { kind: "system", id: deps.actor },
    reason: `the message to ${delivery.recipients.map((r) => r.email).join(", ")} bounced; trying the customer's other recipients`,
  });
  return [...sent.to];
}

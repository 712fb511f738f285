import { decodeEncodedWords } from "../mime/decode.ts";
import { type HeaderField, headerValue, parseHeaderBlock } from "../mime/headers.ts";
import { LIMITS } from "../mime/limits.ts";
import { type MimeEntity, readEntity, walkMime } from "../mime/mime-tree.ts";
import { partText } from "../mime/part-text.ts";
import type { BounceKind, OriginalMessage } from "../types.ts";
import { parseAmazonSes } from "./amazon-ses.ts";
import { autoReplySignal } from "./auto-reply.ts";
import { type BounceRecord, emptyRecord } from "./bounce-record.ts";
import { dsnRecords } from "./dsn-records.ts";
import { parseFeedbackReport } from "./feedback-report.ts";
import { formatSignature } from "./format-signature.ts";
import { cutAtOriginal } from "./notice-text.ts";
import {
  cleanMessageId,
  NO_ORIGINAL,
  originalByMessageId,
  originalFromHeaders,
  originalFromText,
} from "./original-message.ts";
import { cleanAddress, findAddresses } from "./smtp-text.ts";
import { parseTextBounce } from "./text-bounce.ts";

/** What was read from a bounce, before classification. */
export interface BounceReading {
  readonly kind: BounceKind;
  readonly format: string;
  readonly records: readonly BounceRecord[];
  readonly original: OriginalMessage;
  readonly subject: string;
}

const DSN_TYPES = new Set(["message/delivery-status", "message/global-delivery-status"]);
const ORIGINAL_TYPES = new Set(["message/rfc822", "message/global", "message/partial"]);
const HEADER_TYPES = new Set(["text/rfc822-headers", "message/rfc822-headers", "text/rfc822-header"]);
const DAEMON_RE =
  /\b(?:mailer-daemon|postmaster|mail-daemon|maildaemon|mdaemon|mail delivery (?:system|subsystem))\b/i;
/** A notice that states a delivery failure in so many words. */
const FAILURE_RE =
  /\b(?:could not be delivered|couldn't be delivered|was not delivered|wasn't delivered|undeliverable|unable to deliver|delivery (?:has )?failed|failed permanently|permanent (?:fatal )?errors?|not be delivered)\b/i;
const BOUNCE_SUBJECT_RE =
  /undeliver|returned mail|delivery (?:status notification|failure|failed|has failed|problem|notification|report)|mail delivery (?:failed|failure|system)|failure notice|non[- ]?delivery|not (?:be )?delivered|returned to sender|nicht zustellbar|unzustellbar|non remis|non distribuable|[ée]chec de (?:la )?remise|no se puede entregar|mail failure|delivery failure|warning: (?:message|could not)|delayed mail|bounced? mail|are not (?:a )?member/i;

function originalOf(text: string, entity: MimeEntity | undefined): OriginalMessage {
  if (entity === undefined) return NO_ORIGINAL;
  if (HEADER_TYPES.has(entity.contentType.type))
    return originalFromHeaders(parseHeaderBlock(partText(text, entity)));
  return originalFromHeaders(readEntity(text, entity.bodyStart, entity.bodyEnd, entity.depth + 1).headers);
}

function looksLikeBounce(headers: readonly HeaderField[], subject: string): boolean {
  const from = headerValue(headers, "from");
  return (
    headerValue(headers, "x-failed-recipients") !== "" ||
    DAEMON_RE.test(from) ||
    BOUNCE_SUBJECT_RE.test(subject)
  );
}

/**
 * Reads one message (its bytes as a latin1 string, line endings already `\n`) into per-recipient records: an
 * RFC 5965 complaint, an Amazon SES notification, an RFC 3464 DSN (its human-readable part adds the SMTP command), a
 * forwarded DSN, a vendor text bounce, or an RFC 3834 auto-reply. Anything else gives one record with nothing in it.
 * `depth` counts forwarded bounces already unwrapped.
 */
export function readMessage(text: string, depth = 0): BounceReading {
  const mime = walkMime(text);
  const headers = mime.root.headers;
  const subject = decodeEncodedWords(headerValue(headers, "subject")).slice(0, 1000);
  const dsnParts = mime.leaves.filter((leaf) => DSN_TYPES.has(leaf.contentType.type));
  const arfPart = mime.leaves.find((leaf) => leaf.contentType.type === "message/feedback-report");
  const originalPart = mime.leaves.find(
    (l) => ORIGINAL_TYPES.has(l.contentType.type) || HEADER_TYPES.has(l.contentType.type),
  );
  const textParts = mime.leaves.filter(
    (leaf) => leaf.contentType.type.startsWith("text/") && !HEADER_TYPES.has(leaf.contentType.type),
  );
  const fullText = textParts.map((part) => partText(text, part)).join("\n");
  const notice = cutAtOriginal(fullText);
  let original = originalOf(text, originalPart);
  if (original === NO_ORIGINAL)
    original = originalFromText(fullText.slice(notice.length, notice.length + LIMITS.maxNoticeChars));
  if (original.messageId === "") {
    const found = originalByMessageId(
      text.slice(mime.root.bodyStart, mime.root.bodyStart + LIMITS.maxTextChars),
    );
    if (found !== NO_ORIGINAL) original = found;
  }
  const result = (kind: BounceKind, format: string, records: BounceRecord[]): BounceReading => ({
    kind,
    format,
    records: records.slice(0, LIMITS.maxResults),
    original,
    subject,
  });

  if (arfPart !== undefined) {
    return result("arf", "arf", parseFeedbackReport(partText(text, arfPart), original.to));
  }
  if (/^true$/i.test(headerValue(headers, "x-apple-unsubscribe").trim())) {
    const record: BounceRecord = {
      ...emptyRecord(original.to[0] ?? cleanAddress(headerValue(headers, "to"))),
      action: "complaint",
      feedbackType: "opt-out",
      category: "apple:unsubscribe",
      fixedReason: "feedback",
    };
    return result("arf", "apple-unsubscribe", [record]);
  }
  if (fullText.includes('"notificationType"') || fullText.includes('"eventType"')) {
    const ses = parseAmazonSes(fullText);
    if (ses !== null && ses.records.length > 0) {
      if (original === NO_ORIGINAL || original.messageId === "") original = ses.original;
      const kind = ses.records.some((r) => r.fixedReason === "feedback") ? "arf" : "dsn";
      return result(kind, "amazonses", ses.records);
    }
  }

  const sender = new Set(findAddresses(`${headerValue(headers, "to")} ${headerValue(headers, "from")}`));
  if (original.from !== "") sender.add(original.from);
  if (original.returnPath !== "") sender.add(original.returnPath);
  const statusBodies = dsnParts.map((part) => partText(text, part));
  const fromDsn = dsnRecords(statusBodies, fullText, notice, sender);
  if (fromDsn.length > 0) return result("dsn", "rfc3464", fromDsn);

  if (depth < 2 && originalPart !== undefined && ORIGINAL_TYPES.has(originalPart.contentType.type)) {
    const inner = readEntity(text, originalPart.bodyStart, originalPart.bodyEnd, 0);
    const innerType = inner.contentType;
    if (
      innerType.type === "multipart/report" &&
      /delivery-status/i.test(innerType.params["report-type"] ?? "")
    ) {
      const forwarded = readMessage(text.slice(originalPart.bodyStart, originalPart.bodyEnd), depth + 1);
      if (forwarded.kind === "dsn") return { ...forwarded, format: `forwarded-${forwarded.format}` };
    }
  }

  const saysBounce = looksLikeBounce(headers, subject);
  const bounce = saysBounce || FAILURE_RE.test(notice);
  if (!bounce) {
    const signal = autoReplySignal(headers, subject, notice);
    if (signal !== "") {
      // An auto-reply names the message it answers in In-Reply-To (or last in References).
      const answered =
        headerValue(headers, "references")
          .match(/<[^<>\s]+>/g)
          ?.at(-1) ?? "";
      const repliedTo = cleanMessageId(headerValue(headers, "in-reply-to")) || cleanMessageId(answered);
      if (repliedTo !== "") original = { ...original, messageId: repliedTo };
      const record: BounceRecord = {
        ...emptyRecord(cleanAddress(headerValue(headers, "from"))),
        action: "autoreply",
        diagnostic: notice.replace(/\s+/g, " ").trim().slice(0, LIMITS.maxDiagnosticChars),
        category: `rfc3834:${signal}`,
        fixedReason: "vacation",
      };
      return result("autoreply", "rfc3834", [record]);
    }
  }
  const failed = findAddresses(headerValue(headers, "x-failed-recipients")).filter((a) => !sender.has(a));
  const textRecords = parseTextBounce(notice, subject, failed, sender);
  // Failure wording alone (a person may write "could not be delivered") counts only with a recipient block.
  const accepted = saysBounce || (bounce && textRecords.length > 0);
  if (accepted || textRecords.some((r) => r.status !== "" || r.replycode !== "")) {
    let records =
      textRecords.length > 0 ? textRecords : parseTextBounce(notice, subject, original.to, sender);
    if (records.length === 0) records = parseTextBounce(notice, subject, [""], sender);
    return result("dsn", formatSignature(notice), records);
  }
  return result("unknown", "unknown", [emptyRecord(original.to[0] ?? "")]);
}

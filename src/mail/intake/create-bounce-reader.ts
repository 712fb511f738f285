import type { BounceReader, InboundNotice, NoticeHeaders } from "../../app/ports/bounce-reader.ts";
import { classifyBounce } from "../bounce/classify-bounce.ts";
import { findAddresses } from "../bounce/extract/smtp-text.ts";
import { decodeEncodedWords } from "../bounce/mime/decode.ts";
import { type HeaderField, parseHeaderBlock } from "../bounce/mime/headers.ts";
import { type VerpSecret, verifyVerpToken } from "../verp/verp-token.ts";

/** Bytes searched for the end of the top header block: a header larger than this is read up to here. */
const MAX_HEADER_BYTES = 256 * 1024;
const MAX_VALUES = 50;

function topHeaders(raw: Buffer): HeaderField[] {
  const head = raw.subarray(0, MAX_HEADER_BYTES).toString("latin1").replace(/\r\n?/g, "\n");
  const end = head.indexOf("\n\n");
  return parseHeaderBlock(end < 0 ? head : head.slice(0, end));
}

function values(fields: readonly HeaderField[], name: string): string[] {
  return fields.filter((f) => f.name === name).map((f) => f.value);
}

function addresses(fields: readonly HeaderField[], name: string): string[] {
  return values(fields, name)
    .flatMap((v) => findAddresses(v))
    .slice(0, MAX_VALUES);
}

function messageIds(text: string): string[] {
  return [...text.matchAll(/<([^<>\s]{1,500})>/g)].map((m) => `<${m[1]}>`).slice(0, MAX_VALUES);
}

/** The header fields of a received message that can name the address it came to or the message it answers. */
export function readNoticeHeaders(raw: Buffer): NoticeHeaders {
  const fields = topHeaders(raw);
  return {
    messageId: messageIds(values(fields, "message-id").join(" "))[0] ?? "",
    to: addresses(fields, "to"),
    deliveredTo: addresses(fields, "delivered-to"),
    xOriginalTo: addresses(fields, "x-original-to"),
    inReplyTo: messageIds([...values(fields, "in-reply-to"), ...values(fields, "references")].join(" ")),
    from: values(fields, "from")[0]?.slice(0, 1000) ?? "",
    subject: decodeEncodedWords(values(fields, "subject")[0] ?? "").slice(0, 1000),
  };
}

/**
 * The BounceReader port over src/mail/bounce: the classifier (bounded in size, parts and depth) reads the notice, the
 * top header block gives the addresses it was delivered to, and VERP addresses are checked against `secrets` (the
 * current one first, then those still accepted during a rotation).
 */
export function createBounceReader(secrets: readonly VerpSecret[]): BounceReader {
  if (secrets.length === 0) throw new RangeError("a bounce reader needs at least one VERP secret");
  return {
    read(raw: Buffer): InboundNotice {
      const report = classifyBounce(raw);
      return {
        kind: report.kind,
        format: report.format,
        results: report.results,
        original: report.original,
        headers: readNoticeHeaders(raw),
      };
    },
    verifyReturnPath: (address) => verifyVerpToken(address, secrets),
  };
}

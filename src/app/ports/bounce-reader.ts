import type { NoticeKind, NoticeResult } from "../../core/delivery/bounce-notice.ts";
import type { Result } from "../../core/result.ts";

/** The identifiers of the message a notice is about, as quoted in it. */
export interface QuotedOriginal {
  /** With angle brackets; empty when the notice quotes none. */
  readonly messageId: string;
  readonly returnPath: string;
  readonly to: readonly string[];
  /** The quoted original's `X-*` headers, names lower-cased. */
  readonly xHeaders: Readonly<Record<string, string>>;
}

/** Header fields of the notice itself that can carry the address it was sent to, or the message it answers. */
export interface NoticeHeaders {
  /** With angle brackets; empty when absent. */
  readonly messageId: string;
  readonly to: readonly string[];
  readonly deliveredTo: readonly string[];
  readonly xOriginalTo: readonly string[];
  /** Message-IDs (with angle brackets) of In-Reply-To and References. */
  readonly inReplyTo: readonly string[];
  readonly from: string;
  readonly subject: string;
}

/** A message received at the bounce address, read and classified. */
export interface InboundNotice {
  readonly kind: NoticeKind;
  readonly format: string;
  /** At least one result; a message that is no notice gives one result with reason `undefined`. */
  readonly results: readonly NoticeResult[];
  readonly original: QuotedOriginal;
  readonly headers: NoticeHeaders;
}

/** Why a VERP address was refused: no token in it, or a token no current secret signed. */
export type VerpRefusal = "malformed" | "forged";

/** Reads received messages and checks VERP addresses. Implemented in src/mail. */
export interface BounceReader {
  /** Reads and classifies a message, with fixed bounds on the work done whatever its size or structure. */
  read(raw: Buffer): InboundNotice;
  /** The delivery id a VERP address (`bounces+TOKEN@domain`) names, once its HMAC is checked. */
  verifyReturnPath(address: string): Result<string, VerpRefusal>;
}

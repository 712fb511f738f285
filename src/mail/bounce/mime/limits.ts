/**
 * Bounds on the work done for one message. A bounce's report parts come first and are small; what follows them is
 * the returned message, which we only need the headers of. These limits keep a hostile or huge input (a 50 MB
 * bounce, 10,000 parts, 100-deep nesting) to a fixed amount of work.
 */
export const LIMITS = {
  /** Bytes of the input read at all; the report parts of a bounce sit well inside this. */
  maxInputBytes: 8 * 1024 * 1024,
  /** MIME parts visited in one message, all levels together. */
  maxParts: 500,
  /** Nesting depth of multiparts and attached messages. */
  maxDepth: 12,
  /** Characters of one part's body that are decoded into text. */
  maxTextChars: 256 * 1024,
  /** Header fields read from one header block. */
  maxHeaderFields: 500,
  /** Characters of the notice text searched for recipients and errors. */
  maxNoticeChars: 64 * 1024,
  /** Characters of one recipient's diagnostic text. */
  maxDiagnosticChars: 2048,
  /** Results returned for one message. */
  maxResults: 200,
} as const;

import {
  type ContentType,
  type HeaderField,
  headerValue,
  parseContentType,
  parseHeaderBlock,
} from "./headers.ts";
import { LIMITS } from "./limits.ts";

/**
 * A bounded MIME splitter. mailparser's simpleParser flattens a message into text, html and attachments: it drops
 * the nesting and decodes every attachment, while a bounce is read from the structure (which part is the
 * `message/delivery-status`, which is the returned message) and only its small report parts need decoding. Walking
 * the raw text ourselves also lets us stop at fixed limits of parts and depth instead of trusting the input.
 */

/** One MIME entity, located by offsets into the message text. */
export interface MimeEntity {
  readonly headers: readonly HeaderField[];
  readonly contentType: ContentType;
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly depth: number;
}

/** A message split into its leaf parts (an attached `message/rfc822` counts as a leaf, not walked into). */
export interface MimeMessage {
  /** The message as a latin1 string of its bytes, line endings normalised to `\n`. */
  readonly text: string;
  readonly root: MimeEntity;
  readonly leaves: readonly MimeEntity[];
  /** True when a limit stopped the walk early. */
  readonly truncated: boolean;
}

/** Reads the header block that starts at `start` and returns the entity it introduces. */
export function readEntity(text: string, start: number, end: number, depth: number): MimeEntity {
  let headerEnd: number;
  let bodyStart: number;
  if (text.charCodeAt(start) === 0x0a) {
    headerEnd = start;
    bodyStart = start + 1;
  } else {
    // Searching a slice keeps the scan inside this entity even when the blank line never comes.
    const blank = text.slice(start, end).indexOf("\n\n");
    headerEnd = blank < 0 ? end : start + blank;
    bodyStart = Math.min(headerEnd + 2, end);
  }
  const headers = parseHeaderBlock(text.slice(start, headerEnd));
  const contentType = parseContentType(headerValue(headers, "content-type"));
  return { headers, contentType, bodyStart, bodyEnd: end, depth };
}

/**
 * The boundary of a multipart whose header lost it (a parameter folded without indentation): the first line of the
 * body that looks like a delimiter.
 */
function guessBoundary(text: string, entity: MimeEntity): string {
  const head = text.slice(entity.bodyStart, Math.min(entity.bodyEnd, entity.bodyStart + 4096));
  return /^--([^\s]{1,200})[ \t]*$/m.exec(head)?.[1] ?? "";
}

/**
 * Offsets [start, end) of the parts of a multipart body, or null when its boundary never appears. Past `budget`
 * parts it stops looking; one more range is then returned (the rest of the body) so that the caller sees the cut.
 */
function splitMultipart(text: string, entity: MimeEntity, budget: number): Array<[number, number]> | null {
  const boundary = entity.contentType.params.boundary || guessBoundary(text, entity);
  if (boundary === "") return null;
  const delimiter = `--${boundary}`;
  const ranges: Array<[number, number]> = [];
  // Searching a slice bounds each scan by this entity's own length, whatever the nesting.
  const body = text.slice(entity.bodyStart, entity.bodyEnd);
  let partStart = -1;
  let from = entity.bodyStart;
  let seen = false;
  while (from < entity.bodyEnd && ranges.length < budget) {
    const found = body.indexOf(delimiter, from - entity.bodyStart);
    if (found < 0) break;
    const at = entity.bodyStart + found;
    from = at + delimiter.length;
    if (at !== entity.bodyStart && text.charCodeAt(at - 1) !== 0x0a) continue;
    const lineEnd = text.indexOf("\n", from);
    const rest = text.slice(from, lineEnd < 0 || lineEnd > entity.bodyEnd ? entity.bodyEnd : lineEnd);
    const closing = rest.startsWith("--");
    if (!closing && rest.trim() !== "") continue;
    seen = true;
    if (partStart >= 0) ranges.push([partStart, Math.max(partStart, at - 1)]);
    if (closing) return ranges;
    partStart = lineEnd < 0 ? entity.bodyEnd : Math.min(lineEnd + 1, entity.bodyEnd);
  }
  if (!seen) return null;
  if (partStart >= 0) ranges.push([partStart, entity.bodyEnd]);
  return ranges;
}

/** Splits a message (bytes as a latin1 string, `\n` line endings) into its leaf parts within {@link LIMITS}. */
export function walkMime(text: string): MimeMessage {
  const root = readEntity(text, 0, text.length, 0);
  const leaves: MimeEntity[] = [];
  let visited = 1;
  let truncated = false;
  const visit = (entity: MimeEntity): void => {
    if (!entity.contentType.type.startsWith("multipart/")) {
      leaves.push(entity);
      return;
    }
    if (entity.depth >= LIMITS.maxDepth) {
      truncated = true;
      return;
    }
    const ranges = splitMultipart(text, entity, LIMITS.maxParts - visited);
    if (ranges === null) {
      leaves.push({ ...entity, contentType: { type: "text/plain", params: {} } });
      return;
    }
    for (const [start, end] of ranges) {
      if (visited >= LIMITS.maxParts) {
        truncated = true;
        return;
      }
      visited++;
      visit(readEntity(text, start, end, entity.depth + 1));
    }
  };
  visit(root);
  return { text, root, leaves, truncated };
}

import { LIMITS } from "./limits.ts";

/** One header field, name lower-cased, value unfolded and trimmed. */
export interface HeaderField {
  readonly name: string;
  readonly value: string;
}

/**
 * Reads a header block (line endings already `\n`). Folded lines are joined with one space; lines that are not
 * fields are skipped, since bounces often carry damaged headers.
 */
export function parseHeaderBlock(block: string, maxFields: number = LIMITS.maxHeaderFields): HeaderField[] {
  const fields: HeaderField[] = [];
  const lines = block.split("\n");
  let name = "";
  let value = "";
  const flush = (): void => {
    if (name !== "" && fields.length < maxFields) fields.push({ name, value: value.trim() });
    name = "";
    value = "";
  };
  for (const line of lines) {
    if (line === "") continue;
    const first = line.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      if (name !== "") value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0 || colon > 76 || /\s/.test(line.slice(0, colon).trimEnd())) {
      flush();
      continue;
    }
    flush();
    name = line.slice(0, colon).trim().toLowerCase();
    value = line.slice(colon + 1);
  }
  flush();
  return fields;
}

/** First value of a header field, or the empty string. */
export function headerValue(fields: readonly HeaderField[], name: string): string {
  for (const field of fields) if (field.name === name) return field.value;
  return "";
}

/** A parsed Content-Type: lower-cased `type/subtype` and its parameters (names lower-cased). */
export interface ContentType {
  readonly type: string;
  readonly params: Readonly<Record<string, string>>;
}

/** Parses a Content-Type value; a missing or broken one reads as `text/plain`. */
export function parseContentType(value: string): ContentType {
  const semi = value.indexOf(";");
  const head = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
  const type = /^[a-z0-9!#$&.+^_-]+\/[a-z0-9!#$&.+^_-]+$/.test(head) ? head : "text/plain";
  const params: Record<string, string> = {};
  if (semi >= 0) {
    const re = /;\s*([a-zA-Z0-9_*.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"?|([^;\s]*))/g;
    const rest = value.slice(semi);
    for (let m = re.exec(rest); m !== null; m = re.exec(rest)) {
      const key = (m[1] ?? "").toLowerCase();
      if (!(key in params)) params[key] = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : (m[3] ?? "");
    }
  }
  return { type, params };
}

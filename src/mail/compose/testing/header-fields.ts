/** The top-level header fields of a raw message, unfolded, as [name, value] pairs in order. */
export function headerFields(raw: Buffer): [string, string][] {
  const text = raw.toString("utf8");
  const end = text.indexOf("\r\n\r\n");
  const block = end < 0 ? text : text.slice(0, end);
  return block
    .replace(/\r\n[ \t]/g, " ")
    .split("\r\n")
    .map((line): [string, string] => {
      const colon = line.indexOf(":");
      return [line.slice(0, colon), line.slice(colon + 1).trim()];
    });
}

/** The names of the top-level header fields, lower-cased, in order. */
export function headerNames(raw: Buffer): string[] {
  return headerFields(raw).map(([name]) => name.toLowerCase());
}

import { err, ok, type Result } from "../../core/result.ts";

/** Splits a NAPTR regexp field at its unescaped delimiters: `!ERE!replacement!flags` (RFC 3402, section 3.2). */
function splitFields(field: string): [string, string, string] | undefined {
  const delimiter = field[0];
  // The delimiter may be any character but a digit, a flag or a backslash (RFC 3402, section 3.2).
  if (delimiter === undefined || /[0-9i\\]/.test(delimiter)) return undefined;
  const parts: string[] = [];
  let current = "";
  for (let index = 1; index < field.length; index++) {
    const char = field[index] ?? "";
    if (char === "\\" && field[index + 1] === delimiter) {
      current += delimiter;
      index++;
    } else if (char === delimiter) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  const [ere, replacement, flags] = parts;
  if (parts.length !== 3 || ere === undefined || replacement === undefined || flags === undefined)
    return undefined;
  return [ere, replacement, flags];
}

/** Expands `\1`..`\9` back-references and `\\` of a replacement against the groups of a match. */
function expand(replacement: string, groups: readonly (string | undefined)[]): string {
  return replacement.replace(/\\([0-9\\])/g, (_, token: string) =>
    token === "\\" ? "\\" : (groups[Number(token)] ?? ""),
  );
}

/**
 * Applies the substitution expression of a NAPTR record (RFC 3402 `delim ERE delim replacement delim flags`, as
 * Peppol SMLs publish `!^.*$!https://smp.example.com!`) to the queried name and returns the rewritten string. The
 * ERE is run as a JavaScript regular expression: the two agree on what SMLs publish (anchors, `.*`, groups), and a
 * POSIX ERE engine is not worth a dependency for it.
 */
export function applyNaptrRegexp(field: string, name: string): Result<string, string> {
  const fields = splitFields(field);
  if (!fields) return err(`the NAPTR regexp "${field}" is not of the form !ERE!replacement!flags`);
  const [ere, replacement, flags] = fields;
  if (flags !== "" && flags !== "i") return err(`the NAPTR regexp "${field}" has unknown flags "${flags}"`);
  let pattern: RegExp;
  try {
    pattern = new RegExp(ere, flags);
  } catch {
    return err(`the NAPTR regexp "${field}" is not a valid regular expression`);
  }
  const match = pattern.exec(name);
  if (!match) return err(`the NAPTR regexp "${field}" does not match ${name}`);
  const before = name.slice(0, match.index);
  const after = name.slice(match.index + match[0].length);
  return ok(`${before}${expand(replacement, match)}${after}`);
}

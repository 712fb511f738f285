/** A value that JSON can carry exactly: what the audit trail records as old and new values. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/** A JSON object with string keys. */
export type JsonObject = { readonly [key: string]: JsonValue };

/**
 * Serialises `value` canonically, in the manner of RFC 8785 (JSON Canonicalization Scheme): object keys sorted by
 * UTF-16 code units, no whitespace, numbers and strings as ECMAScript's JSON.stringify writes them. Equal values give
 * equal text, so the text can be hashed. Throws on what JSON cannot carry exactly (non-finite numbers, undefined,
 * bigint, functions): such a value reaching the audit trail is a programming error, and a silent coercion would
 * record something other than what happened.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      return JSON.stringify(value);
    case "object":
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
      return canonicalObject(value as JsonObject);
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not a JSON value`);
  }
}

function canonicalObject(value: JsonObject): string {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError("canonicalJson: only plain objects are JSON objects");
  }
  // Default sort compares UTF-16 code units, which is the order RFC 8785 section 3.2.3 prescribes.
  const keys = Object.keys(value).sort();
  const members = keys.map((key) => {
    const member = value[key];
    if (member === undefined) throw new TypeError(`canonicalJson: key "${key}" is undefined; use null`);
    return `${JSON.stringify(key)}:${canonicalJson(member)}`;
  });
  return `{${members.join(",")}}`;
}

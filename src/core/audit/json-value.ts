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

/** The canonical order of an object's keys, with each member's text up to its value: `{"a":`, then `,"b":`. */
interface KeyOrder {
  /** The keys in the object's own order, as Object.keys gives them. */
  readonly keys: readonly string[];
  readonly sorted: readonly string[];
  readonly heads: readonly string[];
}

/**
 * The key orders of the last objects written, looked up by their keys: callers write objects of a few shapes again
 * and again (an import writes one audit snapshot per invoice), and sorting the keys, quoting them and joining the
 * members each time was a third of the snapshot's cost. Bounded: a shape not met recently replaces the oldest.
 */
const ORDERS: KeyOrder[] = [];
const MAX_ORDERS = 8;
let nextOrder = 0;

function keyOrderOf(keys: readonly string[]): KeyOrder {
  for (const order of ORDERS) {
    if (order.keys.length !== keys.length) continue;
    let same = true;
    for (let i = 0; i < keys.length; i++) {
      if (order.keys[i] !== keys[i]) {
        same = false;
        break;
      }
    }
    if (same) return order;
  }
  // Default sort compares UTF-16 code units, which is the order RFC 8785 section 3.2.3 prescribes.
  const sorted = [...keys].sort();
  const order: KeyOrder = {
    keys,
    sorted,
    heads: sorted.map((key, i) => `${i === 0 ? "{" : ","}${JSON.stringify(key)}:`),
  };
  ORDERS[nextOrder] = order;
  nextOrder = (nextOrder + 1) % MAX_ORDERS;
  return order;
}

function canonicalObject(value: JsonObject): string {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError("canonicalJson: only plain objects are JSON objects");
  }
  const order = keyOrderOf(Object.keys(value));
  const { sorted, heads } = order;
  if (sorted.length === 0) return "{}";
  let text = "";
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i] as string;
    const member = value[key];
    if (member === undefined) throw new TypeError(`canonicalJson: key "${key}" is undefined; use null`);
    text += heads[i] + canonicalJson(member);
  }
  return `${text}}`;
}

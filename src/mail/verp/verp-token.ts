import { createHmac, timingSafeEqual } from "node:crypto";
import { err, ok, type Result } from "../../core/result.ts";
import { decodeBase32, encodeBase32 } from "./base32.ts";

/** A VERP signing secret; at least 16 bytes. Several may be given to verification while a secret is rotated. */
export type VerpSecret = string | Buffer;

/** Why a VERP token was refused: not a token at all, or a token whose MAC does not match (forged or altered). */
export type VerpFailure = "malformed" | "forged";

// 80 bits: a forger needs ~2^80 tries per delivery id, and the token stays short enough for a 64-octet local part.
const TAG_BYTES = 10;
const UUID_FORMAT = 1;
const TEXT_FORMAT = 2;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TEXT_ID = /^[A-Za-z0-9._:-]+$/;
/** Longest non-UUID delivery id: 1 + 24 + 10 bytes encode to 56 characters, which fits "bounces+" in 64 octets. */
export const MAX_TEXT_DELIVERY_ID = 24;
const DOMAIN_SEPARATION = Buffer.from("facteur-verp-v1\0");

function secretBytes(secret: VerpSecret): Buffer {
  const bytes = typeof secret === "string" ? Buffer.from(secret, "utf8") : secret;
  if (bytes.length < 16) throw new RangeError("a VERP secret needs at least 16 bytes");
  return bytes;
}

function tag(secret: VerpSecret, payload: Buffer): Buffer {
  return createHmac("sha256", secretBytes(secret))
    .update(DOMAIN_SEPARATION)
    .update(payload)
    .digest()
    .subarray(0, TAG_BYTES);
}

function encodeId(deliveryId: string): Buffer {
  if (UUID.test(deliveryId)) {
    return Buffer.concat([Buffer.of(UUID_FORMAT), Buffer.from(deliveryId.replaceAll("-", ""), "hex")]);
  }
  if (deliveryId.length > MAX_TEXT_DELIVERY_ID || !TEXT_ID.test(deliveryId)) {
    throw new RangeError(
      `delivery id "${deliveryId}" cannot go into a VERP address: use a lower-case UUID or at most ${MAX_TEXT_DELIVERY_ID} of A-Z a-z 0-9 . _ : -`,
    );
  }
  return Buffer.concat([Buffer.of(TEXT_FORMAT), Buffer.from(deliveryId, "ascii")]);
}

function decodeId(payload: Buffer): string | null {
  const body = payload.subarray(1);
  if (payload[0] === UUID_FORMAT && body.length === 16) {
    const hex = body.toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  if (payload[0] === TEXT_FORMAT && body.length > 0 && body.length <= MAX_TEXT_DELIVERY_ID) {
    const id = body.toString("latin1");
    return TEXT_ID.test(id) ? id : null;
  }
  return null;
}

/**
 * The VERP token of a delivery: base32 of (the delivery id, HMAC-SHA256 of it under `secret` truncated to 80 bits).
 * A lower-case UUID takes 16 bytes (44 characters in all); other ids at most {@link MAX_TEXT_DELIVERY_ID} ASCII
 * characters. Throws a RangeError for an id that cannot fit or a secret shorter than 16 bytes (configuration errors).
 */
export function createVerpToken(deliveryId: string, secret: VerpSecret): string {
  const payload = encodeId(deliveryId);
  return encodeBase32(Buffer.concat([payload, tag(secret, payload)]));
}

/** The VERP return path `<prefix>+<token>@<bounceDomain>` of a delivery (prefix "bounces" unless given). */
export function verpReturnPath(
  deliveryId: string,
  options: { readonly secret: VerpSecret; readonly bounceDomain: string; readonly prefix?: string },
): string {
  return `${options.prefix ?? "bounces"}+${createVerpToken(deliveryId, options.secret)}@${options.bounceDomain}`;
}

function tokenOf(input: string): string {
  const address = input.trim().replace(/^<(.*)>$/, "$1");
  const at = address.lastIndexOf("@");
  if (at < 0) return address;
  const local = address.slice(0, at);
  const plus = local.indexOf("+");
  return plus < 0 ? "" : local.slice(plus + 1);
}

/**
 * Checks a VERP token, or an address carrying one (`bounces+TOKEN@domain`, angle brackets allowed), against the
 * secret or secrets in use, comparing MACs in constant time.
 * @returns the delivery id, or "malformed" (no decodable token) or "forged" (a well-formed token no secret signed).
 */
export function verifyVerpToken(
  input: string,
  secrets: VerpSecret | readonly VerpSecret[],
): Result<string, VerpFailure> {
  const bytes = decodeBase32(tokenOf(input));
  if (bytes === null || bytes.length <= TAG_BYTES + 1) return err("malformed");
  const payload = bytes.subarray(0, bytes.length - TAG_BYTES);
  const deliveryId = decodeId(payload);
  if (deliveryId === null) return err("malformed");
  const given = bytes.subarray(bytes.length - TAG_BYTES);
  const candidates: readonly VerpSecret[] =
    typeof secrets === "string" || Buffer.isBuffer(secrets) ? [secrets] : secrets;
  // Every secret is tried even after a match, so the time taken does not tell which one matched.
  let matched = false;
  for (const secret of candidates) {
    if (timingSafeEqual(tag(secret, payload), given)) matched = true;
  }
  return matched ? ok(deliveryId) : err("forged");
}

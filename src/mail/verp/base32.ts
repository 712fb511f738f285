// RFC 4648 base32 alphabet, lower case: a VERP token lives in a local part, which some mail systems fold to lower
// case, so the encoding must survive that (base64url would not).
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

/** Encodes bytes as unpadded lower-case RFC 4648 base32. */
export function encodeBase32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes unpadded RFC 4648 base32, in either case. Returns null for a character outside the alphabet, an impossible
 * length, or non-zero padding bits (so every byte string has exactly one accepted encoding).
 */
export function decodeBase32(text: string): Buffer | null {
  if ([1, 3, 6].includes(text.length % 8)) return null;
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text.toLowerCase()) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) return null;
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 255);
    }
    buffer &= (1 << bits) - 1;
  }
  if (buffer !== 0) return null;
  return Buffer.from(out);
}

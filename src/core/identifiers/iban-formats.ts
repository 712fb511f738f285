/**
 * BBAN structure per IBAN country, in the SWIFT IBAN registry notation: n = digits, a = upper-case letters,
 * c = letters or digits, each with a fixed length (e.g. BE "3!n7!n2!n"). Covers every SEPA country and the other
 * registry countries whose format is settled. The IBAN length is 4 + the BBAN length.
 */
export const IBAN_FORMATS: Readonly<Record<string, string>> = {
  AD: "4!n4!n12!c",
  AE: "3!n16!n",
  AL: "8!n16!c",
  AT: "5!n11!n",
  AZ: "4!a20!c",
  BA: "3!n3!n8!n2!n",
  BE: "3!n7!n2!n",
  BG: "4!a4!n2!n8!c",
  BH: "4!a14!c",
  BR: "8!n5!n10!n1!a1!c",
  CH: "5!n12!c",
  CR: "4!n14!n",
  CY: "3!n5!n16!c",
  CZ: "4!n6!n10!n",
  DE: "8!n10!n",
  DK: "4!n9!n1!n",
  DO: "4!c20!n",
  EE: "2!n2!n11!n1!n",
  ES: "4!n4!n1!n1!n10!n",
  FI: "3!n11!n",
  FO: "4!n9!n1!n",
  FR: "5!n5!n11!c2!n",
  GB: "4!a6!n8!n",
  GE: "2!a16!n",
  GI: "4!a15!c",
  GL: "4!n9!n1!n",
  GR: "3!n4!n16!c",
  GT: "4!c20!c",
  HR: "7!n10!n",
  HU: "3!n4!n1!n15!n1!n",
  IE: "4!a6!n8!n",
  IL: "3!n3!n13!n",
  IS: "4!n2!n6!n10!n",
  IT: "1!a5!n5!n12!c",
  JO: "4!a4!n18!c",
  KW: "4!a22!c",
  KZ: "3!n13!c",
  LB: "4!n20!c",
  LC: "4!a24!c",
  LI: "5!n12!c",
  LT: "5!n11!n",
  LU: "3!n13!c",
  LV: "4!a13!c",
  MC: "5!n5!n11!c2!n",
  MD: "2!c18!c",
  ME: "3!n13!n2!n",
  MK: "3!n10!c2!n",
  MR: "5!n5!n11!n2!n",
  MT: "4!a5!n18!c",
  MU: "4!a2!n2!n12!n3!n3!a",
  NL: "4!a10!n",
  NO: "4!n6!n1!n",
  PK: "4!a16!c",
  PL: "8!n16!n",
  PS: "4!a21!c",
  PT: "4!n4!n11!n2!n",
  QA: "4!a21!c",
  RO: "4!a16!c",
  RS: "3!n13!n2!n",
  SA: "2!n18!c",
  SE: "3!n16!n1!n",
  SI: "5!n8!n2!n",
  SK: "4!n6!n10!n",
  SM: "1!a5!n5!n12!c",
  ST: "4!n4!n11!n2!n",
  TL: "3!n14!n2!n",
  TN: "2!n3!n13!n2!n",
  TR: "5!n1!n16!c",
  VA: "3!n15!n",
  VG: "4!a16!n",
  XK: "4!n10!n2!n",
};

const CLASSES: Readonly<Record<string, string>> = { n: "[0-9]", a: "[A-Z]", c: "[A-Z0-9]" };

/** The regular expression of a registry BBAN notation such as "3!n7!n2!n". */
export function bbanPattern(format: string): RegExp {
  const body = [...format.matchAll(/([0-9]+)!([nac])/g)].map(
    ([, length, kind]) => `${CLASSES[kind ?? "c"]}{${length}}`,
  );
  return new RegExp(`^${body.join("")}$`);
}

/** Total IBAN length for a registry BBAN notation. */
export function ibanLength(format: string): number {
  return 4 + [...format.matchAll(/([0-9]+)!/g)].reduce((sum, [, length]) => sum + Number(length), 0);
}

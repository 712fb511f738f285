import { err, ok, type Result } from "./result.ts";

/** Why an e-mail address was refused. */
export type EmailAddressErrorCode =
  | "empty"
  | "line-break"
  | "control-character"
  | "space"
  | "several-addresses"
  | "display-name"
  | "quoted-local-part"
  | "missing-at"
  | "several-at"
  | "invalid-local-part"
  | "invalid-domain"
  | "undotted-domain"
  | "too-long";

/** An address that cannot receive invoices, with a sentence that says why. */
export interface EmailAddressError {
  readonly code: EmailAddressErrorCode;
  readonly message: string;
}

// RFC 5321 limits, in octets: 64 for the local part, 254 for a whole forward path address.
const MAX_LOCAL_OCTETS = 64;
const MAX_ADDRESS_OCTETS = 254;
// atext of RFC 5322 plus any non-ASCII character (RFC 6531); control and space characters are refused before.
const LOCAL_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\u{10ffff}-]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;

function failure(code: EmailAddressErrorCode, message: string): Result<string, EmailAddressError> {
  return err({ code, message });
}

function octets(text: string): number {
  return new TextEncoder().encode(text).length;
}

// Checked in this order so that "Marie <marie@example.be>" is reported for its brackets, not its space.
const CHARACTER_RULES: readonly (readonly [RegExp, EmailAddressErrorCode, string])[] = [
  [/[\r\n]/, "line-break", "contains a line break"],
  [/\p{C}/u, "control-character", "contains an invisible control character"],
  [/[,;]/, "several-addresses", "looks like several addresses: give one address per recipient"],
  [/[<>]/, "display-name", "has angle brackets: give only the address, without a name"],
  [/"/, "quoted-local-part", "has a quoted part, which invoice mail does not accept"],
  [/\p{Z}/u, "space", "contains a space"],
];

function characterProblem(address: string, shown: string): Result<string, EmailAddressError> | undefined {
  const rule = CHARACTER_RULES.find(([pattern]) => pattern.test(address));
  return rule === undefined ? undefined : failure(rule[1], `"${shown}" ${rule[2]}.`);
}

function domainProblem(domain: string, shown: string): Result<string, EmailAddressError> | undefined {
  const labels = domain.split(".");
  if (labels.length < 2)
    return failure("undotted-domain", `"${shown}": the domain "${domain}" has no dot (e.g. example.be).`);
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) {
    return failure("invalid-domain", `"${shown}": "${domain}" is not a valid domain name.`);
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? "")) {
    return failure(
      "invalid-domain",
      `"${shown}": the domain "${domain}" ends in a number; IP addresses are not accepted.`,
    );
  }
  return undefined;
}

/**
 * Parses an e-mail address for invoices: trims it, refuses line breaks, control characters, spaces, commas,
 * angle brackets and quoted local parts, and requires a dotted domain. Unicode local parts and domains (RFC 6531)
 * are accepted and kept as given after NFC normalisation; the domain is lower-cased, the local part kept as is.
 */
export function parseEmailAddress(text: string): Result<string, EmailAddressError> {
  const shown = text.trim();
  if (shown === "") return failure("empty", "The e-mail address is empty.");
  const address = shown.normalize("NFC");
  const problem = characterProblem(address, shown);
  if (problem !== undefined) return problem;
  const at = address.lastIndexOf("@");
  if (at < 0) return failure("missing-at", `"${shown}" has no "@".`);
  if (address.indexOf("@") !== at) return failure("several-at", `"${shown}" has more than one "@".`);
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  const atoms = local.split(".");
  if (local === "" || !atoms.every((atom) => LOCAL_ATOM.test(atom))) {
    return failure(
      "invalid-local-part",
      `"${shown}": the part before "@" is empty, has an unusual character or misplaced dots.`,
    );
  }
  const domainError = domainProblem(domain, shown);
  if (domainError !== undefined) return domainError;
  const normalised = `${local}@${domain}`;
  if (octets(local) > MAX_LOCAL_OCTETS || octets(normalised) > MAX_ADDRESS_OCTETS) {
    return failure("too-long", `"${shown}" is too long: at most 64 bytes before "@" and 254 in all.`);
  }
  return ok(normalised);
}

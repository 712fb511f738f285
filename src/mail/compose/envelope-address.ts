import { domainToASCII } from "node:url";

/**
 * The form of an address for the SMTP envelope: an ASCII local part keeps its domain in ASCII (IDNA "xn--" labels),
 * so only a truly internationalised mailbox (a non-ASCII local part) needs the relay's SMTPUTF8 extension.
 */
export function envelopeAddress(address: string): string {
  const at = address.lastIndexOf("@");
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (!/^[\x00-\x7f]*$/.test(local)) return address;
  const ascii = domainToASCII(domain);
  return ascii === "" ? address : `${local}@${ascii}`;
}

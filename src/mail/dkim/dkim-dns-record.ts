import type { DkimAlgorithm } from "./dkim-key.ts";

/** The TXT record that publishes a DKIM public key. */
export interface DkimDnsRecord {
  /** Owner name, `<selector>._domainkey.<domain>`. */
  readonly name: string;
  /** The record's text as one string, e.g. `v=DKIM1; k=rsa; p=MIIB...`. */
  readonly value: string;
  /**
   * A zone-file line. A TXT character-string holds at most 255 octets (RFC 1035), and a 2048-bit RSA key is longer,
   * so the value is split into several quoted strings, which resolvers join back.
   */
  readonly zoneLine: string;
}

/** Builds the DNS TXT record to publish for a DKIM selector (RFC 6376 section 3.6.1, RFC 8463 for Ed25519). */
export function dkimDnsRecord(options: {
  readonly selector: string;
  readonly domain: string;
  readonly algorithm: DkimAlgorithm;
  readonly publicKey: string;
}): DkimDnsRecord {
  const name = `${options.selector}._domainkey.${options.domain}`;
  const k = options.algorithm === "rsa-sha256" ? "rsa" : "ed25519";
  const value = `v=DKIM1; k=${k}; p=${options.publicKey}`;
  const chunks = value.match(/.{1,255}/g) ?? [];
  const zoneLine = `${name}. IN TXT ( ${chunks.map((chunk) => `"${chunk}"`).join(" ")} )`;
  return { name, value, zoneLine };
}

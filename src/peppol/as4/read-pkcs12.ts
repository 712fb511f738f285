import forge from "node-forge";
import { err, ok, type Result } from "../../core/result.ts";

/** The key and certificates a PKCS#12 file holds, as PEM. */
export interface Pkcs12Contents {
  readonly privateKeyPem: string;
  /** Every certificate of the file; the seat's is the one matching the key. */
  readonly certificatePems: readonly string[];
}

/**
 * Reads a PKCS#12 file (.p12/.pfx) with its password: node:crypto cannot open PKCS#12 for use outside a TLS
 * context, and PKI.js needs several hundred lines for the bag structure, hence node-forge. The key must be RSA,
 * which every Peppol seat certificate is. The error never repeats the password.
 */
export function readPkcs12(der: Buffer, password: string): Result<Pkcs12Contents, string> {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der.toString("binary")), password);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return err(`cannot be opened (wrong password or not PKCS#12): ${reason}`);
  }
  const bags = (type: string | undefined): forge.pkcs12.Bag[] =>
    type === undefined ? [] : (p12.getBags({ bagType: type })[type] ?? []);
  const keyBags = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag), ...bags(forge.pki.oids.keyBag)];
  const keys = keyBags.flatMap((bag) => (bag.key ? [bag.key] : []));
  const [key, ...others] = keys;
  if (!key || others.length > 0) return err(`holds ${keys.length} private keys, not one`);
  const certificatePems = bags(forge.pki.oids.certBag).flatMap((bag) =>
    bag.cert ? [forge.pki.certificateToPem(bag.cert)] : [],
  );
  if (certificatePems.length === 0) return err("holds no certificate");
  return ok({ privateKeyPem: forge.pki.privateKeyToPem(key), certificatePems });
}

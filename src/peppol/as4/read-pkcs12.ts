import forge from "node-forge";
import { err, ok, type Result } from "../../core/result.ts";

/** The key (PEM) and certificates (DER, as issued) a PKCS#12 file holds. */
export interface Pkcs12Contents {
  readonly privateKeyPem: string;
  /** Every certificate of the file; the seat's is the one matching the key. */
  readonly certificates: readonly Buffer[];
}

/**
 * A certificate's DER as issued. node-forge keeps the parsed tbsCertificate and the signature but writes a fresh
 * outer AlgorithmIdentifier (with NULL parameters) when asked for the certificate, which changes the octets; the
 * outer identifier must equal the one inside tbsCertificate (RFC 5280, 4.1.1.2), so it is copied from there.
 */
function issuedDer(cert: forge.pki.Certificate): Buffer {
  const asn1 = forge.asn1;
  const tbs = (cert as forge.pki.Certificate & { tbsCertificate: forge.asn1.Asn1 }).tbsCertificate;
  const fields = tbs.value as forge.asn1.Asn1[];
  const algorithm = fields[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? fields[2] : fields[1];
  const signature = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, `\u0000${cert.signature}`);
  const sequence = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    tbs,
    ...(algorithm ? [algorithm] : []),
    signature,
  ]);
  return Buffer.from(asn1.toDer(sequence).getBytes(), "binary");
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
  const certificates = bags(forge.pki.oids.certBag).flatMap((bag) => (bag.cert ? [issuedDer(bag.cert)] : []));
  if (certificates.length === 0) return err("holds no certificate");
  return ok({ privateKeyPem: forge.pki.privateKeyToPem(key), certificates });
}

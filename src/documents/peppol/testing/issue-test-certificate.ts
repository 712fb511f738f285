import { createHash, createPrivateKey, webcrypto, X509Certificate } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

/** One key and certificate of the test PKI. */
export interface TestPkiEntry {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  readonly certificate: X509Certificate;
}

/** An entry with what it needs to issue certificates and CRLs. */
export interface IssuingEntry extends TestPkiEntry {
  readonly signingKey: webcrypto.CryptoKey;
  readonly pkijs: pkijs.Certificate;
  readonly keyIdentifier: Uint8Array;
}

/** What a certificate of the test PKI is: its subject (RDNs, most significant first), validity, CA or not. */
export interface CertificateSpec {
  readonly subject: readonly (readonly [type: string, value: string])[];
  readonly serialNumber: number;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly ca: boolean;
}

const RSA = {
  name: "RSASSA-PKCS1-v1_5",
  hash: "SHA-256",
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const ATTRIBUTE_OID: Record<string, string> = { C: "2.5.4.6", O: "2.5.4.10", OU: "2.5.4.11", CN: "2.5.4.3" };
// KeyUsage bits, most significant first: digitalSignature(0) keyEncipherment(2) dataEncipherment(3) keyCertSign(5) cRLSign(6)
const CA_USAGES = { byte: 0x06, unusedBits: 1 };
// Peppol AP and SMP certificates sign messages and receive the AS4 content-encryption key (key transport).
const SEAT_USAGES = { byte: 0xb0, unusedBits: 4 };

function distinguishedName(rdns: CertificateSpec["subject"]): pkijs.RelativeDistinguishedNames {
  // PKI.js puts every attribute built by hand into one multi-valued RDN; a Name is one RDN per attribute, so the
  // DER is assembled here and read back (PKI.js then keeps the decoded bytes as they are).
  const sets = rdns.map(([type, value]) => {
    const attribute = new pkijs.AttributeTypeAndValue({
      type: ATTRIBUTE_OID[type] ?? type,
      value: type === "C" ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }),
    });
    return new asn1js.Set({ value: [attribute.toSchema()] });
  });
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: sets }).toBER(false));
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

function extensions(
  spec: CertificateSpec,
  keyIdentifier: Uint8Array,
  issuer?: IssuingEntry,
): pkijs.Extension[] {
  const usages = spec.ca ? CA_USAGES : SEAT_USAGES;
  const list = [
    extension("2.5.29.19", true, new pkijs.BasicConstraints({ cA: spec.ca }).toSchema()),
    extension(
      "2.5.29.15",
      true,
      new asn1js.BitString({ valueHex: new Uint8Array([usages.byte]), unusedBits: usages.unusedBits }),
    ),
    extension("2.5.29.14", false, new asn1js.OctetString({ valueHex: keyIdentifier })),
  ];
  const authority = issuer?.keyIdentifier ?? keyIdentifier;
  const aki = new pkijs.AuthorityKeyIdentifier({
    keyIdentifier: new asn1js.OctetString({ valueHex: authority }),
  });
  return [...list, extension("2.5.29.35", false, aki.toSchema())];
}

function pem(label: string, der: ArrayBuffer): string {
  const lines =
    Buffer.from(new Uint8Array(der))
      .toString("base64")
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/** Issues a certificate for a fresh RSA-2048 key, signed with SHA-256 by `issuer` (self-signed when absent). */
export async function issueTestCertificate(
  spec: CertificateSpec,
  issuer?: IssuingEntry,
): Promise<IssuingEntry> {
  const keys = await webcrypto.subtle.generateKey(RSA, true, ["sign", "verify"]);
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ value: spec.serialNumber });
  certificate.subject = distinguishedName(spec.subject);
  certificate.issuer = issuer?.pkijs.subject ?? certificate.subject;
  certificate.notBefore.value = spec.notBefore;
  certificate.notAfter.value = spec.notAfter;
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey);
  const publicKeyBits = certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  const keyIdentifier = new Uint8Array(createHash("sha1").update(publicKeyBits).digest());
  certificate.extensions = extensions(spec, keyIdentifier, issuer);
  await certificate.sign(issuer?.signingKey ?? keys.privateKey, "SHA-256");
  const certificatePem = pem("CERTIFICATE", certificate.toSchema(true).toBER(false));
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
  const privateKeyPem = createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" })
    .export({ format: "pem", type: "pkcs8" })
    .toString();
  return {
    certificatePem,
    privateKeyPem,
    certificate: new X509Certificate(certificatePem),
    signingKey: keys.privateKey,
    pkijs: certificate,
    keyIdentifier,
  };
}

/** A CRL from `issuer` (PEM), current over [thisUpdate, nextUpdate], listing the given serials as revoked. */
export async function issueTestCrl(
  issuer: IssuingEntry,
  validity: { readonly thisUpdate: Date; readonly nextUpdate: Date },
  revoked: readonly { readonly serialNumber: number; readonly revocationDate: Date }[],
): Promise<string> {
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = issuer.pkijs.subject;
  crl.thisUpdate = new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: validity.thisUpdate });
  crl.nextUpdate = new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: validity.nextUpdate });
  crl.revokedCertificates = revoked.map(
    (entry) =>
      new pkijs.RevokedCertificate({
        userCertificate: new asn1js.Integer({ value: entry.serialNumber }),
        revocationDate: new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: entry.revocationDate }),
      }),
  );
  await crl.sign(issuer.signingKey, "SHA-256");
  return pem("X509 CRL", crl.toSchema(true).toBER(false));
}

/** Namespace URIs of XML Signature and the WS-Security vocabularies its key references use. */
export const DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
export const EXC_C14N_NS = "http://www.w3.org/2001/10/xml-exc-c14n#";
export const WSSE_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
export const WSU_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
export const X509_TOKEN_TYPE =
  "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3";

/** A canonicalisation algorithm as {@link canonicalize} takes it. */
export interface C14nAlgorithm {
  readonly mode: "inclusive" | "exclusive";
  readonly withComments: boolean;
}

/** Canonical XML 1.0 and Exclusive Canonicalization 1.0, with and without comments. C14N 1.1 is not supported. */
export const C14N_ALGORITHMS: ReadonlyMap<string, C14nAlgorithm> = new Map([
  ["http://www.w3.org/TR/2001/REC-xml-c14n-20010315", { mode: "inclusive", withComments: false }],
  ["http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments", { mode: "inclusive", withComments: true }],
  [EXC_C14N_NS, { mode: "exclusive", withComments: false }],
  [`${EXC_C14N_NS}WithComments`, { mode: "exclusive", withComments: true }],
]);

/** Digest algorithm URIs and their node:crypto names. */
export const DIGEST_ALGORITHMS: ReadonlyMap<string, string> = new Map([
  ["http://www.w3.org/2000/09/xmldsig#sha1", "sha1"],
  ["http://www.w3.org/2001/04/xmlenc#sha256", "sha256"],
  ["http://www.w3.org/2001/04/xmldsig-more#sha384", "sha384"],
  ["http://www.w3.org/2001/04/xmlenc#sha512", "sha512"],
]);

/** A signature algorithm: its hash and whether the signature value is raw r||s (ECDSA per RFC 4051). */
export interface SignatureAlgorithm {
  readonly hash: string;
  readonly key: "rsa" | "ec";
}

export const SIGNATURE_ALGORITHMS: ReadonlyMap<string, SignatureAlgorithm> = new Map([
  ["http://www.w3.org/2000/09/xmldsig#rsa-sha1", { hash: "sha1", key: "rsa" }],
  ["http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", { hash: "sha256", key: "rsa" }],
  ["http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", { hash: "sha384", key: "rsa" }],
  ["http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", { hash: "sha512", key: "rsa" }],
  ["http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1", { hash: "sha1", key: "ec" }],
  ["http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", { hash: "sha256", key: "ec" }],
  ["http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384", { hash: "sha384", key: "ec" }],
  ["http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512", { hash: "sha512", key: "ec" }],
]);

export const ENVELOPED_SIGNATURE = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
/** SOAP with Attachments profile: the digest covers the attachment's content octets. */
export const ATTACHMENT_CONTENT_TRANSFORM =
  "http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#Attachment-Content-Signature-Transform";

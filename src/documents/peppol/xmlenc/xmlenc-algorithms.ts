/** XML Encryption 1.0 and 1.1 namespaces and the algorithms of the Peppol AS4 profile. */
export const XENC_NS = "http://www.w3.org/2001/04/xmlenc#";
export const XENC11_NS = "http://www.w3.org/2009/xmlenc11#";
export const AES128_GCM = "http://www.w3.org/2009/xmlenc11#aes128-gcm";
export const RSA_OAEP = "http://www.w3.org/2009/xmlenc11#rsa-oaep";
export const MGF1_SHA256 = "http://www.w3.org/2009/xmlenc11#mgf1sha256";
export const OAEP_DIGEST_SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
/** SOAP with Attachments profile 1.1: only the attachment's content is encrypted, its MIME headers stay clear. */
export const ATTACHMENT_CONTENT_ONLY =
  "http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#Attachment-Content-Only";
export const ATTACHMENT_CIPHERTEXT_TRANSFORM =
  "http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#Attachment-Ciphertext-Transform";
export const ENCRYPTED_KEY_TOKEN_TYPE =
  "http://docs.oasis-open.org/wss/oasis-wss-soap-message-security-1.1#EncryptedKey";
export const WSSE11_NS = "http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd";

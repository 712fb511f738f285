import type { X509Certificate } from "node:crypto";
import { X509_TOKEN_TYPE } from "./xmldsig-algorithms.ts";

const BASE64_BINARY =
  "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

/** A wsse:BinarySecurityToken carrying an X.509 certificate (wsse and wsu declared by the enclosing header). */
export function writeBinarySecurityToken(id: string, certificate: X509Certificate): string {
  return `<wsse:BinarySecurityToken EncodingType="${BASE64_BINARY}" ValueType="${X509_TOKEN_TYPE}" wsu:Id="${id}">${certificate.raw.toString("base64")}</wsse:BinarySecurityToken>`;
}

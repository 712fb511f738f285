import { X509Certificate } from "node:crypto";
import { err, ok, type Result } from "../../../core/result.ts";
import type { ElementIds } from "../xml/element-ids.ts";
import { treeAttribute, treeChild, treeText, type XmlTreeElement } from "../xml/xml-tree.ts";
import { decodeBase64 } from "./read-signature.ts";
import { DSIG_NS, WSSE_NS, X509_TOKEN_TYPE } from "./xmldsig-algorithms.ts";

function certificateFrom(base64: string, where: string): Result<X509Certificate, string> {
  const der = decodeBase64(base64);
  if (der === undefined) return err(`${where} is not base64`);
  try {
    return ok(new X509Certificate(der));
  } catch (error) {
    return err(
      `${where} is not an X.509 certificate: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** A ws-security token reference: `<wsse:Reference URI="#X509-…"/>` to a BinarySecurityToken in the message. */
function fromTokenReference(reference: XmlTreeElement, ids: ElementIds): Result<X509Certificate, string> {
  const pointer = treeChild(reference, WSSE_NS, "Reference");
  const uri = pointer ? treeAttribute(pointer, "", "URI") : undefined;
  if (uri === undefined || !uri.startsWith("#"))
    return err("the SecurityTokenReference is not a reference to a token in the message");
  const tokens = ids.get(uri.slice(1)) ?? [];
  const token = tokens[0];
  if (tokens.length !== 1 || !token)
    return err(`the security token ${uri} is ${token ? "ambiguous" : "missing"}`);
  const valueType = treeAttribute(token, "", "ValueType");
  if (token.ns !== WSSE_NS || token.localName !== "BinarySecurityToken" || valueType !== X509_TOKEN_TYPE)
    return err(`${uri} is not an X.509 BinarySecurityToken`);
  return certificateFrom(treeText(token), `the BinarySecurityToken ${uri}`);
}

/**
 * The certificate whose key is to verify a signature, from its ds:KeyInfo: an X509Data/X509Certificate (as SMPs
 * sign) or a WS-Security SecurityTokenReference to a BinarySecurityToken (as AS4 access points sign). Whether the
 * certificate is trusted is a separate question ({@link verifyCertificateChain}).
 */
export function signingCertificate(
  keyInfo: XmlTreeElement | undefined,
  ids: ElementIds,
): Result<X509Certificate, string> {
  if (!keyInfo) return err("the Signature has no KeyInfo");
  const x509 = treeChild(treeChild(keyInfo, DSIG_NS, "X509Data"), DSIG_NS, "X509Certificate");
  if (x509) return certificateFrom(treeText(x509), "the X509Certificate");
  const reference = treeChild(keyInfo, WSSE_NS, "SecurityTokenReference");
  if (reference) return fromTokenReference(reference, ids);
  return err("the KeyInfo holds neither an X509Certificate nor a SecurityTokenReference");
}

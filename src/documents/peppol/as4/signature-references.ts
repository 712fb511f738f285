import { canonicalize } from "../xml/canonicalize.ts";
import { treeChild, treeChildren, type XmlTreeElement } from "../xml/xml-tree.ts";
import { DSIG_NS, WSSE_NS } from "../xmldsig/xmldsig-algorithms.ts";
import { SOAP12_NS } from "./as4-namespaces.ts";

/**
 * The ds:Reference elements of an AS4 message's WS-Security signature, each in exclusive canonical form (which
 * declares the ds namespace on it): what a receipt's NonRepudiationInformation copies, one per
 * MessagePartNRInformation.
 */
export function canonicalSignatureReferences(envelope: XmlTreeElement): string[] {
  const security = treeChild(treeChild(envelope, SOAP12_NS, "Header"), WSSE_NS, "Security");
  const signedInfo = treeChild(treeChild(security, DSIG_NS, "Signature"), DSIG_NS, "SignedInfo");
  return treeChildren(signedInfo, DSIG_NS, "Reference").map((reference) =>
    canonicalize(reference, { mode: "exclusive" }),
  );
}

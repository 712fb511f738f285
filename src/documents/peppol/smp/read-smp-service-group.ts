import type { SmpServiceGroup } from "../../../core/peppol/smp-metadata.ts";
import { err, ok, type Result } from "../../../core/result.ts";
import { treeAttribute, treeChild, treeChildren, type XmlTreeElement } from "../xml/xml-tree.ts";
import { smpIdentifier } from "./read-smp-service-metadata.ts";
import { SMP_NS } from "./smp-namespaces.ts";

/** Reads a Peppol SMP ServiceGroup response: the participant and the href of each ServiceMetadataReference. */
export function readSmpServiceGroup(root: XmlTreeElement): Result<SmpServiceGroup, string> {
  if (root.ns !== SMP_NS || root.localName !== "ServiceGroup")
    return err(`the root element is ${root.localName}, not an SMP ServiceGroup`);
  const participant = smpIdentifier(root, "ParticipantIdentifier");
  if (!participant) return err("the ServiceGroup has no ParticipantIdentifier");
  const collection = treeChild(root, SMP_NS, "ServiceMetadataReferenceCollection");
  const references: string[] = [];
  for (const reference of treeChildren(collection, SMP_NS, "ServiceMetadataReference")) {
    const href = treeAttribute(reference, "", "href");
    if (href === undefined) return err("a ServiceMetadataReference has no href");
    references.push(href);
  }
  return ok({ participant, references });
}

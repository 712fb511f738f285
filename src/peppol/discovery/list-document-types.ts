import type { PeppolIdentifier } from "../../core/peppol/peppol-identifiers.ts";
import { readSmpServiceGroup } from "../../documents/peppol/smp/read-smp-service-group.ts";
import { parseXmlTree } from "../../documents/peppol/xml/parse-xml-tree.ts";
import { fetchSmpResource, type SmpHttpOptions } from "./fetch-smp-resource.ts";
import { documentTypeOfReference, serviceGroupUrl } from "./smp-resource-urls.ts";

/** The document types an SMP lists for a participant, or why it does not say. */
export type DocumentTypeList =
  | { readonly kind: "ok"; readonly documentTypes: readonly string[] }
  | { readonly kind: "not-found" }
  | { readonly kind: "refused"; readonly reason: string }
  | { readonly kind: "try-later"; readonly reason: string };

/**
 * Reads the participant's ServiceGroup and returns the document type of each ServiceMetadataReference. The
 * ServiceGroup is not signed in SMP 1.x, so the list only informs (what the participant does accept); nothing is
 * sent on its word.
 */
export async function listDocumentTypes(
  smpUrl: string,
  participant: PeppolIdentifier,
  http: SmpHttpOptions,
): Promise<DocumentTypeList> {
  const answer = await fetchSmpResource(serviceGroupUrl(smpUrl, participant), http);
  if (answer.kind !== "ok") return answer;
  const document = parseXmlTree(answer.body);
  if (!document.ok)
    return { kind: "refused", reason: `the ServiceGroup is not XML: ${document.error.message}` };
  const group = readSmpServiceGroup(document.value.root);
  if (!group.ok) return { kind: "refused", reason: `the ServiceGroup cannot be read: ${group.error}` };
  const documentTypes = group.value.references.flatMap((href) => documentTypeOfReference(href) ?? []);
  return { kind: "ok", documentTypes };
}

import type { SbdhHeader } from "../../../core/peppol/sbdh-header.ts";
import type { UserMessageMetadata } from "./read-user-message.ts";

/**
 * Checks that the ebMS header agrees with the SBDH it carries, as the Peppol AS4 profile requires: originalSender
 * and finalRecipient are the SBDH sender and receiver, Service is the process and Action the document type.
 * Returns the first disagreement, or undefined.
 */
export function checkUserMessageConsistency(
  metadata: UserMessageMetadata,
  header: SbdhHeader,
  documentTypeScheme: string,
): string | undefined {
  const pairs: [string, string | undefined, string][] = [
    ["originalSender", metadata.properties.get("originalSender"), header.sender.value],
    ["finalRecipient", metadata.properties.get("finalRecipient"), header.receiver.value],
    ["Service", metadata.service, header.process.value],
    ["Action", metadata.action, `${documentTypeScheme}::${header.documentType.value}`],
  ];
  for (const [name, ebms, sbdh] of pairs)
    if (ebms !== sbdh) return `the ebMS ${name} "${ebms ?? ""}" differs from the SBDH's "${sbdh}"`;
  return undefined;
}

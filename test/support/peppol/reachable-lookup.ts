import type { ParticipantLookup } from "../../../src/app/ports/participant-directory.ts";

/**
 * What a directory answers for a participant found on Peppol, for tests that fake the directory: an AS4 endpoint at
 * `url` (https://ap.test/as4 unless given) whose certificate has printable fields only (no PEM).
 */
export function reachableLookup(
  participant: string,
  endpoint: { readonly url?: string; readonly serialNumber?: string } = {},
): ParticipantLookup {
  return {
    kind: "reachable",
    participant,
    tried: [participant],
    smpUrl: "https://smp.test/",
    documentTypes: [],
    endpoint: {
      url: endpoint.url ?? "https://ap.test/as4",
      transportProfile: "peppol-transport-as4-v2_0",
      certificate: {
        pem: "",
        subject: "CN=POP000002",
        issuer: "CN=AP CA",
        serialNumber: endpoint.serialNumber ?? "01",
        validFrom: "",
        validTo: "",
      },
    },
  };
}

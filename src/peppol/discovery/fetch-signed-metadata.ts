import type { X509Certificate } from "node:crypto";
import type { SmpServiceMetadata } from "../../core/peppol/smp-metadata.ts";
import { fetchSmpResource, type SmpHttpOptions } from "./fetch-smp-resource.ts";
import { readSignedMetadata } from "./read-signed-metadata.ts";

/** A verified ServiceInformation, or what stood in the way. */
export type MetadataAnswer =
  | {
      readonly kind: "ok";
      readonly metadata: Extract<SmpServiceMetadata, { kind: "service-information" }>;
    }
  | { readonly kind: "not-found" }
  | { readonly kind: "refused"; readonly reason: string }
  | { readonly kind: "try-later"; readonly reason: string };

/** Compares RDN sequences without regard to spacing, case or order (`CN=a, O=b` and `O=b,CN=a` agree). */
function rdns(name: string): string {
  return name
    .split(/[,\n]/)
    .map((rdn) =>
      rdn
        .trim()
        .replace(/\s*=\s*/, "=")
        .toLowerCase(),
    )
    .filter((rdn) => rdn !== "")
    .sort()
    .join(",");
}

/**
 * True when a Redirect's CertificateUID names the certificate that signed the target's answer. SMPs write it as the
 * whole subject or as its common name (with or without `CN=`), so those three forms are accepted.
 */
function namesSigner(certificateUid: string, signer: X509Certificate): boolean {
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(signer.subject)?.[1];
  const uid = rdns(certificateUid);
  return (
    uid === rdns(signer.subject) ||
    (cn !== undefined && (uid === rdns(`CN=${cn}`) || certificateUid.trim() === cn))
  );
}

/**
 * GETs a ServiceMetadata and verifies it ({@link readSignedMetadata}). A Redirect is followed once (SMP 1.4.0
 * allows one step), and the target's answer must be signed by the certificate the Redirect names.
 */
export async function fetchSignedMetadata(
  url: string,
  http: SmpHttpOptions,
  smpCas: readonly X509Certificate[],
  at: Date,
): Promise<MetadataAnswer> {
  let expectedSigner: string | undefined;
  let target = url;
  for (let step = 0; step < 2; step++) {
    const answer = await fetchSmpResource(target, http);
    if (answer.kind !== "ok") return answer;
    const signed = readSignedMetadata(answer.body, smpCas, at);
    if (!signed.ok) return { kind: "refused", reason: `${target}: ${signed.error}` };
    const { metadata, signer } = signed.value;
    if (expectedSigner !== undefined && !namesSigner(expectedSigner, signer))
      return {
        kind: "refused",
        reason: `${target} is not signed by ${expectedSigner}, as the redirect requires`,
      };
    if (metadata.kind === "service-information") return { kind: "ok", metadata };
    expectedSigner = metadata.certificateUid;
    target = metadata.href;
  }
  return { kind: "refused", reason: `${url} redirects more than once` };
}

import type { NaptrRecord } from "node:dns";
import type { PeppolIdentifier } from "../../core/peppol/peppol-identifiers.ts";
import { participantDnsName } from "./participant-dns-name.ts";
import { isSmpRecord, smpUrlFromNaptr } from "./smp-url-from-naptr.ts";

/** The part of node:dns `Resolver` discovery uses (a test may pass a counting wrapper). */
export interface NaptrResolver {
  resolveNaptr(hostname: string): Promise<NaptrRecord[]>;
}

/** Where the SML says a participant's SMP is, or why it says nothing usable. */
export type SmpLocation =
  | { readonly kind: "found"; readonly dnsName: string; readonly smpUrl: string }
  | { readonly kind: "not-registered"; readonly dnsName: string }
  | { readonly kind: "refused"; readonly dnsName: string; readonly reason: string }
  | { readonly kind: "try-later"; readonly dnsName: string; readonly reason: string };

/** c-ares codes that mean "the name, or its NAPTR records, do not exist": an answer, not a failure. */
const ABSENT = new Set(["ENOTFOUND", "ENODATA"]);

/**
 * Resolves the participant's U-NAPTR record under the SML zone and rewrites it to the SMP's https URL. NXDOMAIN or
 * no NAPTR data means not registered; SERVFAIL, timeouts, refusals and unreachable servers mean try later.
 */
export async function locateSmp(
  resolver: NaptrResolver,
  participant: PeppolIdentifier,
  zone: string,
): Promise<SmpLocation> {
  const dnsName = participantDnsName(participant, zone);
  let records: NaptrRecord[];
  try {
    records = await resolver.resolveNaptr(dnsName);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && ABSENT.has(code)) return { kind: "not-registered", dnsName };
    const reason = `DNS lookup of ${dnsName} failed: ${typeof code === "string" ? code : String(error)}`;
    return { kind: "try-later", dnsName, reason };
  }
  const url = smpUrlFromNaptr(records, dnsName);
  if (url.ok) return { kind: "found", dnsName, smpUrl: url.value };
  // A name with records of other services only does not name an SMP: the participant is not registered here.
  if (!records.some(isSmpRecord)) return { kind: "not-registered", dnsName };
  return { kind: "refused", dnsName, reason: `the SML's record for ${dnsName} is not usable: ${url.error}` };
}

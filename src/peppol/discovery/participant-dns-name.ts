import { createHash } from "node:crypto";
import { base32 } from "rfc4648";
import type { PeppolIdentifier } from "../../core/peppol/peppol-identifiers.ts";

/** The production SML zone (Peppol SML run by the European Commission, DG DIGIT). */
export const PRODUCTION_SML_ZONE = "edelivery.tech.ec.europa.eu";
/** The test SML zone (SMK), for the Peppol testbed. */
export const TEST_SML_ZONE = "acc.edelivery.tech.ec.europa.eu";

/**
 * The DNS name under which the SML publishes a participant's U-NAPTR record (Peppol Policy for use of Identifiers
 * 4.4.0, POLICY 7; SML 1.3.0): the value (not the scheme) lower-cased, because participant values are
 * case-insensitive (POLICY 2), hashed with SHA-256, encoded in base32 (RFC 4648) without the trailing `=`, in lower
 * case, then `.<scheme>.<zone>`. The scheme is a label of its own, so other identifier schemes do not collide.
 */
export function participantDnsName(participant: PeppolIdentifier, zone: string): string {
  const digest = createHash("sha256").update(participant.value.toLowerCase(), "utf8").digest();
  const label = base32.stringify(digest, { pad: false }).toLowerCase();
  return `${label}.${participant.scheme.toLowerCase()}.${zone.replace(/^\.+|\.+$/g, "").toLowerCase()}`;
}

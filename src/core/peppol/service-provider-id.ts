/** ICD of the OpenPeppol Service Provider Identification Scheme (SPIS): participant ids of service providers. */
export const SERVICE_PROVIDER_ICD = "0242";

/**
 * The participant id (`0242:NNNNNN`) under which the service provider with this seat id (certificate CN, e.g.
 * `POP000123`) receives Message Level Statuses: the seat id without its `P` and two-letter country prefix (SPIS 1.0).
 * Undefined when the seat id does not have that shape.
 */
export function serviceProviderParticipant(seatId: string): string | undefined {
  const match = /^P[A-Z]{2}([0-9]{6})$/.exec(seatId.trim());
  return match ? `${SERVICE_PROVIDER_ICD}:${match[1]}` : undefined;
}

/** Splits `ICD:value` into the UBL EndpointID scheme and value; the scheme is the ICD. */
export function endpointOf(participant: string): { readonly scheme: string; readonly value: string } {
  const cut = participant.indexOf(":");
  return { scheme: participant.slice(0, cut), value: participant.slice(cut + 1) };
}

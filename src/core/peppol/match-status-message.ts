/** One of our Peppol deliveries, as matching a received status message needs it. */
export interface PeppolDeliveryRef {
  readonly id: string;
  readonly invoiceId: string;
  /** The participant it went to (`ICD:value`). */
  readonly participant: string;
  readonly round: number;
}

/**
 * Whether two participant ids are the same participant: Peppol participant identifiers of the
 * `iso6523-actorid-upis` scheme are case-insensitive (Policy for use of Identifiers, POLICY 2).
 */
export function sameParticipant(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The delivery an Invoice Response answers, among the Peppol deliveries of the invoice its reference names: the
 * latest round sent to the response's sender. A response from anyone else answers nothing, so that a stranger who
 * knows an invoice number cannot change the invoice's status or open a query on it.
 */
export function invoiceResponseDelivery(
  sender: string,
  deliveries: readonly PeppolDeliveryRef[],
): PeppolDeliveryRef | undefined {
  return deliveries
    .filter((d) => sameParticipant(d.participant, sender))
    .reduce<PeppolDeliveryRef | undefined>(
      (latest, d) => (latest === undefined || d.round > latest.round ? d : latest),
      undefined,
    );
}

/**
 * Whether a Message Level Status may speak for one of our deliveries: it must come from the access point that took
 * the message, i.e. the seat (certificate CN) that signed the delivery's AS4 receipt, `CN=…` within the subject
 * recorded with the receipt. The delivery id it names is known only to that access point; this check also holds
 * should the id leak. Without a recorded receipt there is no seat to compare with, and the id alone counts.
 */
export function fromReceivingAccessPoint(
  senderSeat: string,
  receiptSignerSubject: string | undefined,
): boolean {
  if (receiptSignerSubject === undefined) return true;
  const cn = receiptSignerSubject
    .split(/,\s*|\n/)
    .find((part) => part.startsWith("CN="))
    ?.slice(3);
  return cn !== undefined && cn.trim().toLowerCase() === senderSeat.trim().toLowerCase();
}

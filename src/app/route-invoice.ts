import type { JsonObject } from "../core/audit/json-value.ts";
import type { Customer } from "../core/customer/customer.ts";
import { parseVatNumber } from "../core/identifiers/vat-number.ts";
import {
  type ChannelDecision,
  type ChannelParty,
  channelBuyer,
  decideChannel,
  type OwnAccessPoint,
  type PeppolReachability,
  peppolLookupNeeded,
} from "../core/peppol/channel-policy.ts";
import {
  BIS_BILLING_PROCESS,
  BIS_CREDIT_NOTE_DOCUMENT_TYPE,
  BIS_INVOICE_DOCUMENT_TYPE,
} from "../core/peppol/peppol-identifiers.ts";
import type { ParticipantDirectory, ParticipantLookup } from "./ports/participant-directory.ts";

/** What routing needs besides the invoice. */
export interface RouteInvoiceDeps {
  /** The seller as the mandate sees it (from configuration). */
  readonly seller: ChannelParty;
  /** Peppol discovery; null when it is not configured (then in-scope invoices are held, never e-mailed). */
  readonly directory: ParticipantDirectory | null;
  /** Whether facteur's own access point can send. */
  readonly ownAccessPoint: OwnAccessPoint;
  /** First day of the Belgian B2B mandate (a parameter for tests); the policy's default otherwise. */
  readonly mandateStart?: string;
}

/** The invoice facts routing reads. */
export interface InvoiceToRoute {
  readonly kind: "invoice" | "credit-note";
  /** YYYY-MM-DD. */
  readonly issueDate: string;
  readonly customer: Customer;
}

/** A decision with the Peppol lookup behind it, ready to be recorded. */
export interface RoutedInvoice {
  readonly decision: ChannelDecision;
  /** The participant id looked up (or that would have been), null when none is known or none was needed. */
  readonly participant: string | null;
  /** What the lookup answered, as evidence; null when no lookup was made. */
  readonly lookup: JsonObject | null;
}

/**
 * The Peppol participant id of a customer: its registered Peppol id, else its Belgian enterprise number under 0208
 * (the directory tries 9925 too), else the enterprise number inside a Belgian VAT number.
 */
export function participantOf(customer: Customer): string | null {
  if (customer.peppolId !== null) return customer.peppolId;
  if (customer.enterpriseNumber !== null) return `0208:${customer.enterpriseNumber}`;
  const vat = customer.vatNumber === null ? undefined : parseVatNumber(customer.vatNumber);
  return vat?.ok && vat.value.startsWith("BE") ? `0208:${vat.value.slice(2)}` : null;
}

function reachabilityOf(lookup: ParticipantLookup): PeppolReachability {
  switch (lookup.kind) {
    case "reachable":
      return "reachable";
    case "not-registered":
    case "document-type-not-supported":
      return "unreachable";
    case "refused":
      return "refused";
    case "try-later":
      return "unknown";
  }
}

/** The lookup as evidence: everything but the certificate's PEM, which the SMP can be asked for again. */
function lookupEvidence(lookup: ParticipantLookup): JsonObject {
  if (lookup.kind !== "reachable") return { ...lookup, tried: [...lookup.tried] };
  const { certificate, ...endpoint } = lookup.endpoint;
  return {
    kind: lookup.kind,
    participant: lookup.participant,
    tried: [...lookup.tried],
    smpUrl: lookup.smpUrl,
    endpoint: { ...endpoint },
    certificate: {
      subject: certificate.subject,
      issuer: certificate.issuer,
      serialNumber: certificate.serialNumber,
      validTo: certificate.validTo,
    },
    documentTypes: [...lookup.documentTypes],
  };
}

/**
 * Decides how one invoice must travel (core/peppol/channel-policy.ts), looking the buyer up on Peppol only when the
 * law or the customer's preference calls for Peppol. A customer with no Peppol id, enterprise number or Belgian VAT
 * number cannot be on Peppol: it counts as unreachable.
 */
export async function routeInvoice(deps: RouteInvoiceDeps, invoice: InvoiceToRoute): Promise<RoutedInvoice> {
  const buyer = channelBuyer(invoice.customer);
  const facts = {
    seller: deps.seller,
    buyer,
    issueDate: invoice.issueDate,
    ...(deps.mandateStart === undefined ? {} : { mandateStart: deps.mandateStart }),
  };
  const decide = (reachability: PeppolReachability) =>
    decideChannel({ ...facts, reachability, ownAccessPoint: deps.ownAccessPoint });
  if (!peppolLookupNeeded(facts)) return { decision: decide("unreachable"), participant: null, lookup: null };
  const participant = participantOf(invoice.customer);
  if (participant === null) {
    const lookup = {
      kind: "no-participant-id",
      reason: "no Peppol id, enterprise number or Belgian VAT number",
    };
    return { decision: decide("unreachable"), participant, lookup };
  }
  if (deps.directory === null) return { decision: decide("not-configured"), participant, lookup: null };
  const answer = await deps.directory.lookup({
    participant,
    documentType: invoice.kind === "invoice" ? BIS_INVOICE_DOCUMENT_TYPE : BIS_CREDIT_NOTE_DOCUMENT_TYPE,
    process: BIS_BILLING_PROCESS,
  });
  return { decision: decide(reachabilityOf(answer)), participant, lookup: lookupEvidence(answer) };
}

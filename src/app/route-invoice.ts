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
import { mapConcurrently } from "./map-concurrently.ts";
import type {
  ParticipantDirectory,
  ParticipantLookup,
  ParticipantQuery,
} from "./ports/participant-directory.ts";

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

/** Routes a batch of invoices: one decision per invoice, in the invoices' order. */
export type InvoiceRouter = (invoices: readonly InvoiceToRoute[]) => Promise<readonly RoutedInvoice[]>;

/** Peppol look-ups of one batch in flight at once: each may wait on DNS and an SMP, one after the other would add up. */
const LOOKUPS_AT_ONCE = 8;

/** A decision made without the network, or the look-up it waits for and how its answer decides. */
type RoutePlan = { readonly kind: "decided"; readonly routed: RoutedInvoice } | LookupPlan;

/** A Peppol look-up to make, and how its answer decides. */
interface LookupPlan {
  readonly kind: "lookup";
  readonly directory: ParticipantDirectory;
  readonly query: ParticipantQuery;
  readonly decide: (answer: ParticipantLookup) => RoutedInvoice;
}

/**
 * What routing one invoice needs (core/peppol/channel-policy.ts): the decision itself when no Peppol look-up is
 * called for, else the look-up to make. A customer with no Peppol id, enterprise number or Belgian VAT number cannot
 * be on Peppol: it counts as unreachable.
 */
function planRoute(deps: RouteInvoiceDeps, invoice: InvoiceToRoute): RoutePlan {
  const buyer = channelBuyer(invoice.customer);
  const facts = {
    seller: deps.seller,
    buyer,
    issueDate: invoice.issueDate,
    ...(deps.mandateStart === undefined ? {} : { mandateStart: deps.mandateStart }),
  };
  const decide = (reachability: PeppolReachability) =>
    decideChannel({ ...facts, reachability, ownAccessPoint: deps.ownAccessPoint });
  const decided = (routed: RoutedInvoice): RoutePlan => ({ kind: "decided", routed });
  if (!peppolLookupNeeded(facts))
    return decided({ decision: decide("unreachable"), participant: null, lookup: null });
  const participant = participantOf(invoice.customer);
  if (participant === null) {
    const lookup = {
      kind: "no-participant-id",
      reason: "no Peppol id, enterprise number or Belgian VAT number",
    };
    return decided({ decision: decide("unreachable"), participant, lookup });
  }
  if (deps.directory === null)
    return decided({ decision: decide("not-configured"), participant, lookup: null });
  return {
    kind: "lookup",
    directory: deps.directory,
    query: {
      participant,
      documentType: invoice.kind === "invoice" ? BIS_INVOICE_DOCUMENT_TYPE : BIS_CREDIT_NOTE_DOCUMENT_TYPE,
      process: BIS_BILLING_PROCESS,
    },
    decide: (answer) => ({
      decision: decide(reachabilityOf(answer)),
      participant,
      lookup: lookupEvidence(answer),
    }),
  };
}

/**
 * Decides how each invoice of a batch must travel, looking its buyer up on Peppol only when the law or the
 * customer's preference calls for Peppol. Each distinct look-up (participant, document type, process) is made once
 * for the batch, up to {@link LOOKUPS_AT_ONCE} in flight at once. The decisions come back in the invoices' order.
 */
export async function routeInvoices(
  deps: RouteInvoiceDeps,
  invoices: readonly InvoiceToRoute[],
): Promise<RoutedInvoice[]> {
  const plans = invoices.map((invoice) => planRoute(deps, invoice));
  const distinct: LookupPlan[] = [];
  const slotOf = new Map<string, number>();
  const slots = plans.map((plan) => {
    if (plan.kind !== "lookup") return -1;
    const key = JSON.stringify([plan.query.participant, plan.query.documentType, plan.query.process]);
    const known = slotOf.get(key);
    if (known !== undefined) return known;
    slotOf.set(key, distinct.length);
    return distinct.push(plan) - 1;
  });
  const answers = await mapConcurrently(distinct, LOOKUPS_AT_ONCE, (plan) =>
    plan.directory.lookup(plan.query),
  );
  return plans.map((plan, i) =>
    plan.kind === "decided" ? plan.routed : plan.decide(answers[slots[i] ?? -1] as ParticipantLookup),
  );
}

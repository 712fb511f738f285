import type { Channel, Customer } from "../customer/customer.ts";
import type { SellerProfile } from "../invoice/seller-profile.ts";

/** First issue date on which invoices between Belgian VAT-registered businesses must be Peppol e-invoices. */
export const BE_B2B_MANDATE_START = "2026-01-01";

/**
 * What the Peppol lookup said about the buyer for the document type: `reachable`; `unreachable` (not registered,
 * or the document type is not supported); `unknown` (the lookup failed and should be tried again later); `refused`
 * (an answer came that cannot be trusted: a bad SMP signature, an endpoint certificate not from the access point CA);
 * `not-configured` (facteur has no Peppol discovery configured, so nothing can be known).
 */
export type PeppolReachability = "reachable" | "unreachable" | "unknown" | "refused" | "not-configured";

/** Whether facteur can send over Peppol itself: its own access point (certificate, key, endpoint) is configured. */
export type OwnAccessPoint = "ready" | "not-configured";

/** A party's VAT status as the mandate sees it; `exempt`: registered but exempt (e.g. art. 44 activities only). */
export type VatStatus = "registered" | "exempt" | "none";

/** The facts about a party the policy needs. */
export interface ChannelParty {
  /** ISO 3166-1 alpha-2 country of establishment. */
  readonly country: string;
  readonly vatStatus: VatStatus;
}

/** Input of {@link decideChannel}. */
export interface ChannelPolicyInput {
  readonly seller: ChannelParty;
  readonly buyer: ChannelParty & { readonly preferredChannel: Channel };
  readonly reachability: PeppolReachability;
  readonly ownAccessPoint: OwnAccessPoint;
  /** The invoice's issue date, YYYY-MM-DD. */
  readonly issueDate: string;
  /** First day of the Belgian B2B mandate; default {@link BE_B2B_MANDATE_START}. */
  readonly mandateStart?: string;
}

/** Why the invoice is, or is not, within the Belgian B2B e-invoicing mandate. */
export const CHANNEL_SCOPES = [
  "be-b2b-mandate",
  "before-mandate",
  "seller-out-of-scope",
  "buyer-foreign",
  "buyer-not-vat-registered",
  "buyer-exempt",
] as const;
export type ChannelScope = (typeof CHANNEL_SCOPES)[number];

/**
 * Why an invoice is held instead of sent: the buyer is not on Peppol (`not-on-peppol`, or
 * `preferred-peppol-unreachable` outside the mandate), the lookup failed (`lookup-unavailable`, try later) or was
 * not trustworthy (`lookup-refused`, an operator must look), or facteur cannot do Peppol yet (`peppol-not-configured`).
 */
export const HOLD_REASONS = [
  "not-on-peppol",
  "lookup-unavailable",
  "lookup-refused",
  "preferred-peppol-unreachable",
  "peppol-not-configured",
] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** The channel decision, recorded on the delivery with its reason. */
export type ChannelDecision =
  | {
      readonly kind: "send";
      /** The channel that carries the legal invoice. */
      readonly channel: Channel;
      readonly scope: ChannelScope;
      /** True when the law requires Peppol for this invoice. */
      readonly peppolRequired: boolean;
      /** An e-mail copy to send alongside the Peppol invoice; it must say it is not the legal invoice. */
      readonly courtesyCopy?: { readonly channel: "email"; readonly legalInvoice: false };
      readonly explanation: string;
    }
  | {
      readonly kind: "hold";
      readonly reason: HoldReason;
      readonly scope: ChannelScope;
      readonly peppolRequired: boolean;
      readonly explanation: string;
    };

/** The facts that decide whether Peppol is needed at all, before any lookup. */
export type ChannelScopeInput = Omit<ChannelPolicyInput, "reachability" | "ownAccessPoint">;

/**
 * Whether the decision depends on a Peppol lookup: the law requires Peppol, or the customer prefers it. When false,
 * no lookup is made (a consumer's invoice never waits for the network).
 */
export function peppolLookupNeeded(input: ChannelScopeInput): boolean {
  return scopeOf(input) === "be-b2b-mandate" || input.buyer.preferredChannel === "peppol";
}

/**
 * Whether the law requires Peppol for the invoice (the Belgian B2B mandate), and why or why not in words: such an
 * invoice has no other legal channel, neither e-mail nor paper.
 */
export function peppolRequirement(input: ChannelScopeInput): {
  readonly required: boolean;
  readonly why: string;
} {
  const scope = scopeOf(input);
  return { required: scope === "be-b2b-mandate", why: SCOPE_TEXT[scope] };
}

function scopeOf(input: ChannelScopeInput): ChannelScope {
  const { seller, buyer } = input;
  if (seller.country.toUpperCase() !== "BE" || seller.vatStatus !== "registered")
    return "seller-out-of-scope";
  if (buyer.country.toUpperCase() !== "BE") return "buyer-foreign";
  if (buyer.vatStatus === "none") return "buyer-not-vat-registered";
  if (buyer.vatStatus === "exempt") return "buyer-exempt";
  return input.issueDate < (input.mandateStart ?? BE_B2B_MANDATE_START) ? "before-mandate" : "be-b2b-mandate";
}

const SCOPE_TEXT: Readonly<Record<ChannelScope, string>> = {
  "be-b2b-mandate": "seller and buyer are Belgian VAT-registered businesses: the invoice must go over Peppol",
  "before-mandate": "the invoice predates the Belgian B2B e-invoicing mandate",
  "seller-out-of-scope": "the seller is not a Belgian VAT-registered business",
  "buyer-foreign": "the buyer is not established in Belgium",
  "buyer-not-vat-registered": "the buyer is not VAT-registered (a consumer or non-taxable body)",
  "buyer-exempt": "the buyer is VAT-exempt",
};

/**
 * Decides the legal channel of an invoice. Between Belgian VAT-registered businesses, from the mandate start on,
 * Peppol is required: a buyer not reachable on Peppol is held and raised, never silently e-mailed; a customer who
 * prefers e-mail also gets an e-mail copy marked as not the legal invoice. Outside the mandate the customer's
 * preference decides; a preferred Peppol that is not reachable is held too, so that someone decides.
 */
export function decideChannel(input: ChannelPolicyInput): ChannelDecision {
  const scope = scopeOf(input);
  const peppolRequired = scope === "be-b2b-mandate";
  const preferred = input.buyer.preferredChannel;
  const why = SCOPE_TEXT[scope];
  if (!peppolRequired && preferred !== "peppol")
    return {
      kind: "send",
      channel: preferred,
      scope,
      peppolRequired,
      explanation: `${why}; customer prefers ${preferred}`,
    };
  const hold = holdFor(input, peppolRequired);
  if (hold !== undefined) {
    return { kind: "hold", reason: hold.reason, scope, peppolRequired, explanation: `${why}; ${hold.why}` };
  }
  const explanation = peppolRequired ? why : `${why}; customer prefers peppol`;
  const decision = { kind: "send", channel: "peppol", scope, peppolRequired, explanation } as const;
  return peppolRequired && preferred === "email"
    ? { ...decision, courtesyCopy: { channel: "email", legalInvoice: false } }
    : decision;
}

function holdFor(
  input: ChannelPolicyInput,
  peppolRequired: boolean,
): { readonly reason: HoldReason; readonly why: string } | undefined {
  switch (input.reachability) {
    case "not-configured":
      return {
        reason: "peppol-not-configured",
        why: "Peppol discovery is not configured, so the invoice is held",
      };
    case "unknown":
      return {
        reason: "lookup-unavailable",
        why: "the Peppol lookup could not be completed, try again later",
      };
    case "refused":
      return {
        reason: "lookup-refused",
        why: "the Peppol lookup gave an answer that cannot be trusted; look into it",
      };
    case "unreachable":
      return {
        reason: peppolRequired ? "not-on-peppol" : "preferred-peppol-unreachable",
        why: "the buyer is not reachable on Peppol for this document type, so the invoice is held",
      };
    case "reachable":
      return input.ownAccessPoint === "ready"
        ? undefined
        : {
            reason: "peppol-not-configured",
            why: "the buyer is on Peppol but facteur's own access point is not configured, so the invoice is held",
          };
  }
}

/**
 * The policy's view of a customer: country from the address, VAT status from the VAT number (a customer without
 * one is treated as not VAT-registered), and the preferred channel. `vatExempt` marks a registered but exempt buyer.
 */
export function channelBuyer(
  customer: Customer,
  vatExempt = false,
): ChannelParty & { readonly preferredChannel: Channel } {
  const vatStatus: VatStatus = customer.vatNumber === null ? "none" : vatExempt ? "exempt" : "registered";
  return { country: customer.address.country, vatStatus, preferredChannel: customer.preferredChannel };
}

/** The policy's view of the seller: its country, and VAT-registered when it has a VAT number. */
export function channelSeller(seller: SellerProfile): ChannelParty {
  return { country: seller.address.country, vatStatus: seller.vatNumber ? "registered" : "none" };
}

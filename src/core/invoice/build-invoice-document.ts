import type { Customer } from "../customer/customer.ts";
import { vatEndpointScheme } from "../identifiers/vat-endpoint-scheme.ts";
import { type Decimal, ZERO } from "../money/decimal.ts";
import type { ComputedAmounts } from "./compute-totals.ts";
import { computeTotals } from "./compute-totals.ts";
import type {
  AllowanceCharge,
  Identifier,
  InvoiceDocument,
  InvoiceLine,
  Party,
  PaymentMeans,
} from "./invoice.ts";
import type { ContentLine, InvoiceContent, LineAllowanceCharge } from "./invoice-content.ts";
import type { SellerProfile } from "./seller-profile.ts";
import type { VatCategory } from "./vat-category.ts";

/** Peppol BIS Billing 3.0 specification identifier (BT-24). */
export const PEPPOL_BIS3_CUSTOMIZATION =
  "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
/** Peppol BIS Billing 3.0 process (BT-23). */
export const PEPPOL_BIS3_PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

/** What, besides its content, an issued invoice needs to become a document. */
export interface DocumentContext {
  readonly number: string;
  readonly seller: SellerProfile;
  readonly buyer: Customer;
  /** Belgian structured communication, 12 digits, put in BT-83 as `+++xxx/xxxx/xxxxx+++`. */
  readonly structuredCommunication?: string;
  /** Due date when the content has none (issue date + the customer's payment terms, computed by the caller). */
  readonly dueDate?: string;
  /** The main invoice e-mail, used as the buyer's electronic address when it has no Peppol id or enterprise number. */
  readonly buyerEmail?: string;
  /** `computeTotals(content)` when the caller has it already (imports need the totals too): computed once, not twice. */
  readonly amounts?: ComputedAmounts;
}

/** Splits `scheme:value` of a Peppol participant id into an EN 16931 identifier. */
function endpointOf(peppolId: string): Identifier {
  const i = peppolId.indexOf(":");
  return { scheme: peppolId.slice(0, i), value: peppolId.slice(i + 1) };
}

/**
 * The buyer's electronic address (BT-49): its Peppol id, else its Belgian enterprise number (0208), else its VAT
 * number under its country's Peppol VAT scheme (9925 BE, 9930 DE, ...), else the invoice mailbox with the EAS scheme
 * EM. EN 16931 accepts EM; Peppol's CL008 does not, which is right: such a buyer (a consumer) is not on Peppol and
 * receives the invoice by e-mail, where EN 16931 is the rule set that applies.
 */
function buyerEndpoint(buyer: Customer, email: string | undefined): Identifier | undefined {
  if (buyer.peppolId) return endpointOf(buyer.peppolId);
  if (buyer.enterpriseNumber) return { scheme: "0208", value: buyer.enterpriseNumber };
  const vatScheme = buyer.vatNumber ? vatEndpointScheme(buyer.vatNumber) : undefined;
  if (buyer.vatNumber && vatScheme) return { scheme: vatScheme, value: buyer.vatNumber.toLowerCase() };
  if (email) return { scheme: "EM", value: email };
  return undefined;
}

/**
 * The buyer's party, the same for every invoice of a customer: built once per customer object and e-mail (a weak map,
 * so it holds nothing once the customer is dropped), as the seller's is per profile. An import bills the customers it
 * holds again and again; a party is some half a kilobyte of objects.
 */
const BUYER_PARTIES = new WeakMap<Customer, { readonly email: string | undefined; readonly party: Party }>();

function buyerPartyOf(buyer: Customer, email: string | undefined): Party {
  const known = BUYER_PARTIES.get(buyer);
  if (known !== undefined && known.email === email) return known.party;
  const party = buyerParty(buyer, email);
  BUYER_PARTIES.set(buyer, { email, party });
  return party;
}

function buyerParty(buyer: Customer, email: string | undefined): Party {
  const a = buyer.address;
  const endpoint = buyerEndpoint(buyer, email);
  return {
    name: buyer.legalName,
    identifiers: [],
    ...(buyer.enterpriseNumber
      ? { legalRegistration: { scheme: "0208", value: buyer.enterpriseNumber } }
      : {}),
    ...(buyer.vatNumber ? { vatNumber: buyer.vatNumber } : {}),
    ...(endpoint ? { endpoint } : {}),
    address: {
      ...(a.street ? { street: a.street } : {}),
      ...(a.additionalStreet ? { additionalStreet: a.additionalStreet } : {}),
      ...(a.city ? { city: a.city } : {}),
      ...(a.postalCode ? { postalCode: a.postalCode } : {}),
      ...(a.countrySubdivision ? { countrySubdivision: a.countrySubdivision } : {}),
      country: a.country,
    },
  };
}

/** Shared by every document part that has none of a list (most lines have no allowances, no classifications). */
const NONE: readonly never[] = Object.freeze([]);

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The seller's party and credit transfer, the same for every invoice of a seller profile: built once per profile
 * object (a weak map, so it holds nothing once the profile is dropped). Documents are read-only, so they share them.
 */
const SELLER_PARTS = new WeakMap<
  SellerProfile,
  { party: Party; transfers: PaymentMeans["creditTransfers"] }
>();

function sellerParts(seller: SellerProfile): { party: Party; transfers: PaymentMeans["creditTransfers"] } {
  let parts = SELLER_PARTS.get(seller);
  if (parts === undefined) {
    parts = {
      party: sellerParty(seller),
      transfers: [
        { account: seller.iban, accountName: seller.name, ...(seller.bic ? { bic: seller.bic } : {}) },
      ],
    };
    SELLER_PARTS.set(seller, parts);
  }
  return parts;
}

function sellerParty(seller: SellerProfile): Party {
  return {
    name: seller.name,
    ...(seller.tradingName ? { tradingName: seller.tradingName } : {}),
    identifiers: [],
    ...(seller.enterpriseNumber
      ? { legalRegistration: { scheme: "0208", value: seller.enterpriseNumber } }
      : {}),
    ...(seller.vatNumber ? { vatNumber: seller.vatNumber } : {}),
    ...(seller.legalForm ? { legalForm: seller.legalForm } : {}),
    endpoint: endpointOf(seller.peppolId),
    address: seller.address,
    ...(seller.contact ? { contact: seller.contact } : {}),
  };
}

/**
 * An allowance or charge with its computed amount. A percentage one also states the base it was computed on
 * (PEPPOL-EN16931-R041 requires BT-93 with BT-94), and on category O no VAT rate is stated (BR-O-06, BR-O-07).
 */
function withAmount(
  ac: LineAllowanceCharge & { vatRate?: Decimal; vatCategory?: string },
  amount: Decimal | undefined,
  base: Decimal,
): AllowanceCharge {
  const { vatRate, ...rest } = ac;
  return {
    ...rest,
    ...(amount ? { amount } : {}),
    ...(ac.percentage && !ac.baseAmount ? { baseAmount: base } : {}),
    ...(vatRate !== undefined && ac.vatCategory !== "O" ? { vatRate } : {}),
  };
}

/**
 * The VAT of the last line built (BT-151, BT-152; no rate on category O, BR-O-05), shared by the lines that follow
 * with the same category and rate: most invoices have one rate, and documents are read-only.
 */
let lastVat: InvoiceLine["vat"] = { category: "O" };

function lineVat(category: VatCategory, rate: Decimal): InvoiceLine["vat"] {
  const last = lastVat;
  if (last.category === category && (category === "O" || last.rate?.eq(rate))) return last;
  lastVat = category === "O" ? { category } : { category, rate };
  return lastVat;
}

/** The document line of a content line with its computed amounts. */
function documentLine(
  line: ContentLine,
  computed: ComputedAmounts["lines"][number] | undefined,
): InvoiceLine {
  const gross = computed?.grossAmount ?? ZERO;
  const item: Writable<InvoiceLine["item"]> = { name: line.name, classifications: NONE, attributes: NONE };
  if (line.description) item.description = line.description;
  if (line.sellersItemId) item.sellersId = line.sellersItemId;
  // BT-131 in the literal (computeTotals gives every line one) rather than added after it, which would allocate
  // a property store per line.
  const out: Writable<InvoiceLine> = {
    id: line.id,
    netAmount: computed?.netAmount,
    quantity: line.quantity,
    unitCode: line.unitCode,
    allowances:
      line.allowances.length === 0
        ? NONE
        : line.allowances.map((a, j) => withAmount(a, computed?.allowances[j], gross)),
    charges:
      line.charges.length === 0
        ? NONE
        : line.charges.map((c, j) => withAmount(c, computed?.charges[j], gross)),
    price: line.baseQuantity
      ? { netPrice: line.netPrice, baseQuantity: line.baseQuantity }
      : { netPrice: line.netPrice },
    vat: lineVat(line.vatCategory, line.vatRate),
    item,
  };
  if (line.orderLineReference) out.orderLineReference = line.orderLineReference;
  if (line.period) out.period = line.period;
  return out;
}

/** Formats 12 OGM digits as `+++123/4567/89002+++`. */
function ogmText(digits: string): string {
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}

/**
 * Builds the complete EN 16931 document of an issued invoice or credit note, as Peppol BIS Billing 3.0 expects it:
 * all amounts derived by {@link computeTotals}, seller from configuration, buyer from the customer, payment by credit
 * transfer (code 58, SEPA) to the seller's IBAN with the structured communication.
 */
export function buildInvoiceDocument(content: InvoiceContent, ctx: DocumentContext): InvoiceDocument {
  const amounts: ComputedAmounts = ctx.amounts ?? computeTotals(content);
  const dueDate = content.dueDate ?? ctx.dueDate;
  const seller = sellerParts(ctx.seller);
  // The properties every document has in one literal, the optional ones set after it: an object literal that
  // spreads (`...(dueDate ? { dueDate } : {})`) makes the object grow one property at a time, reallocating its
  // property store, besides the small object of each spread.
  const means: Writable<PaymentMeans> = { code: "58", creditTransfers: seller.transfers };
  if (ctx.structuredCommunication) means.remittanceInformation = ogmText(ctx.structuredCommunication);
  const doc: Writable<InvoiceDocument> = {
    kind: content.kind,
    typeCode: content.kind === "invoice" ? "380" : "381",
    customizationId: PEPPOL_BIS3_CUSTOMIZATION,
    profileId: PEPPOL_BIS3_PROFILE,
    number: ctx.number,
    issueDate: content.issueDate,
    currency: content.currency,
    notes: content.notes,
    precedingInvoices: content.precedingInvoices,
    seller: seller.party,
    buyer: buyerPartyOf(ctx.buyer, ctx.buyerEmail),
    paymentMeans: [means],
    allowances:
      content.allowances.length === 0
        ? NONE
        : content.allowances.map((a, i) => withAmount(a, amounts.allowances[i], amounts.totals.lineNet)),
    charges:
      content.charges.length === 0
        ? NONE
        : content.charges.map((c, i) => withAmount(c, amounts.charges[i], amounts.totals.lineNet)),
    totals: amounts.totals,
    vatBreakdown: amounts.vatBreakdown,
    attachments: NONE,
    lines: content.lines.map((line, i) => documentLine(line, amounts.lines[i])),
  };
  if (dueDate) doc.dueDate = dueDate;
  if (content.taxCurrency) doc.taxCurrency = content.taxCurrency.code;
  if (content.buyerReference) doc.buyerReference = content.buyerReference;
  if (content.orderReference) doc.orderReference = content.orderReference;
  if (content.invoicingPeriod) doc.invoicingPeriod = content.invoicingPeriod;
  if (amounts.taxTotalInTaxCurrency) doc.taxTotalInTaxCurrency = amounts.taxTotalInTaxCurrency;
  return doc;
}

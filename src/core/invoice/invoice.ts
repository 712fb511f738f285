import type { Decimal } from "../money/decimal.ts";
import type { VatCategory } from "./vat-category.ts";

/**
 * The EN 16931 semantic model of an invoice or credit note, as facteur writes it and as the UBL reader reads any
 * document. Business terms are cited (BT-n, BG-n). Fields that a received document may lack are optional, so the
 * validator can report a missing field instead of the reader refusing the document; facteur's own builder fills them.
 * Amounts are exact decimals: facteur's own always have two decimals, a received document may not (BR-DEC rules).
 */
export interface InvoiceDocument {
  /** 380 commercial invoice, 381 credit note, or another UNCL1001 code from a received document (BT-3). */
  readonly typeCode: string;
  /** UBL root: Invoice or CreditNote. */
  readonly kind: "invoice" | "credit-note";
  /** BT-24 specification identifier (CustomizationID). */
  readonly customizationId?: string;
  /** BT-23 business process type (ProfileID). */
  readonly profileId?: string;
  /** BT-1 invoice number. */
  readonly number?: string;
  /** BT-2 issue date, YYYY-MM-DD. */
  readonly issueDate?: string;
  /** BT-9 payment due date, YYYY-MM-DD. */
  readonly dueDate?: string;
  /** BT-7 VAT point date. */
  readonly taxPointDate?: string;
  /** BT-8 VAT point date code. */
  readonly taxPointDateCode?: string;
  /** BT-5 invoice currency. */
  readonly currency?: string;
  /** BT-6 VAT accounting currency, when different. */
  readonly taxCurrency?: string;
  /** BT-19 buyer accounting reference. */
  readonly accountingCost?: string;
  /** BT-10 buyer reference. */
  readonly buyerReference?: string;
  /** BT-11 project reference. */
  readonly projectReference?: string;
  /** BT-12 contract reference. */
  readonly contractReference?: string;
  /** BT-13 purchase order reference. */
  readonly orderReference?: string;
  /** BT-14 sales order reference. */
  readonly salesOrderReference?: string;
  /** BT-15 receiving advice reference. */
  readonly receivingAdviceReference?: string;
  /** BT-16 despatch advice reference. */
  readonly despatchAdviceReference?: string;
  /** BT-17 tender or lot reference. */
  readonly tenderReference?: string;
  /** BT-18 invoiced object identifier, with its scheme. */
  readonly invoicedObject?: Identifier;
  /** BT-20 payment terms. */
  readonly paymentTerms?: string;
  /** BT-22 invoice notes (with optional BT-21 subject code prefix as written). */
  readonly notes: readonly string[];
  /** BG-3 preceding invoice references (required on credit notes issued by facteur). */
  readonly precedingInvoices: readonly PrecedingInvoice[];
  /** BG-14 invoicing period. */
  readonly invoicingPeriod?: Period;
  /** BG-4 seller. */
  readonly seller: Party;
  /** BG-7 buyer. */
  readonly buyer: Party;
  /** BG-10 payee, when different from the seller. */
  readonly payee?: Payee;
  /** BG-11 seller tax representative. */
  readonly taxRepresentative?: TaxRepresentative;
  /** BG-13 delivery information. */
  readonly delivery?: Delivery;
  /** BG-16 payment instructions. */
  readonly paymentMeans: readonly PaymentMeans[];
  /** BG-20 document level allowances. */
  readonly allowances: readonly AllowanceCharge[];
  /** BG-21 document level charges. */
  readonly charges: readonly AllowanceCharge[];
  /** BG-22 document totals. */
  readonly totals: Totals;
  /** BG-23 VAT breakdown. */
  readonly vatBreakdown: readonly VatBreakdown[];
  /** BT-111 total VAT in accounting currency (only with BT-6). */
  readonly taxTotalInTaxCurrency?: Decimal;
  /** BG-24 additional supporting documents (facteur embeds the PDF here). */
  readonly attachments: readonly Attachment[];
  /** BG-25 invoice lines. */
  readonly lines: readonly InvoiceLine[];
}

/** An identifier with an optional scheme (ISO 6523 ICD, EAS, or another code list). */
export interface Identifier {
  readonly value: string;
  readonly scheme?: string;
}

/** BG-3 */
export interface PrecedingInvoice {
  /** BT-25 */
  readonly number: string;
  /** BT-26 */
  readonly issueDate?: string;
}

/** BG-14 / BG-26 */
export interface Period {
  readonly start?: string;
  readonly end?: string;
  /** BT-8 in UBL's InvoicePeriod/DescriptionCode. */
  readonly descriptionCode?: string;
}

/** BG-5 / BG-8 / BG-12 / BG-15 postal address. */
export interface Address {
  readonly street?: string;
  readonly additionalStreet?: string;
  readonly addressLine?: string;
  readonly city?: string;
  readonly postalCode?: string;
  readonly countrySubdivision?: string;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
}

/** BG-6 / BG-9 contact. */
export interface Contact {
  readonly name?: string;
  readonly telephone?: string;
  readonly email?: string;
}

/** BG-4 seller / BG-7 buyer. */
export interface Party {
  /** BT-27 / BT-44 legal name. */
  readonly name?: string;
  /** BT-28 / BT-45 trading name. */
  readonly tradingName?: string;
  /** BT-29 / BT-46 party identifiers. */
  readonly identifiers: readonly Identifier[];
  /** BT-30 / BT-47 legal registration identifier (e.g. KBO number with scheme 0208). */
  readonly legalRegistration?: Identifier;
  /** BT-31 / BT-48 VAT identifier with country prefix. */
  readonly vatNumber?: string;
  /** BT-32 seller tax registration identifier (non-VAT). */
  readonly taxRegistration?: string;
  /** BT-33 seller additional legal information. */
  readonly legalForm?: string;
  /** BT-34 / BT-49 electronic address with its EAS scheme. */
  readonly endpoint?: Identifier;
  readonly address?: Address;
  readonly contact?: Contact;
}

/** BG-10 */
export interface Payee {
  readonly name?: string;
  readonly identifier?: Identifier;
  readonly legalRegistration?: Identifier;
}

/** BG-11 */
export interface TaxRepresentative {
  readonly name?: string;
  readonly vatNumber?: string;
  readonly address?: Address;
}

/** BG-13 */
export interface Delivery {
  /** BT-70 deliver to party name. */
  readonly name?: string;
  /** BT-71 deliver to location identifier. */
  readonly locationId?: Identifier;
  /** BT-72 actual delivery date. */
  readonly date?: string;
  readonly address?: Address;
}

/** BG-16 */
export interface PaymentMeans {
  /** BT-81 UNCL4461 code: 30 credit transfer, 58 SEPA credit transfer, 59 SEPA direct debit, 48 card, ... */
  readonly code?: string;
  /** BT-82 */
  readonly text?: string;
  /** BT-83 remittance information: facteur puts the Belgian structured communication (OGM) here. */
  readonly remittanceInformation?: string;
  /** BG-17 credit transfer accounts. */
  readonly creditTransfers: readonly CreditTransfer[];
  /** BG-18 card: BT-87 last digits, BT-88 holder. */
  readonly card?: { readonly accountNumber?: string; readonly holderName?: string };
  /** BG-19 direct debit: BT-89 mandate, BT-90 creditor id, BT-91 debited account. */
  readonly directDebit?: {
    readonly mandateId?: string;
    readonly creditorId?: string;
    readonly debitedAccount?: string;
  };
}

/** BG-17 */
export interface CreditTransfer {
  /** BT-84 account identifier (IBAN). */
  readonly account?: string;
  /** BT-85 account name. */
  readonly accountName?: string;
  /** BT-86 service provider identifier (BIC). */
  readonly bic?: string;
}

/** BG-20 / BG-21 / BG-27 / BG-28 */
export interface AllowanceCharge {
  /** BT-92 / BT-99 / BT-136 / BT-141 */
  readonly amount?: Decimal;
  /** BT-93 / BT-100 / BT-137 / BT-142 */
  readonly baseAmount?: Decimal;
  /** BT-94 / BT-101 / BT-138 / BT-143 */
  readonly percentage?: Decimal;
  /** BT-95 / BT-102 document level only. */
  readonly vatCategory?: VatCategory | string;
  /** BT-96 / BT-103 document level only. */
  readonly vatRate?: Decimal;
  /** BT-97 / BT-104 / BT-139 / BT-144 */
  readonly reason?: string;
  /** BT-98 / BT-105 / BT-140 / BT-145 */
  readonly reasonCode?: string;
}

/** BG-22 */
export interface Totals {
  /** BT-106 sum of line net amounts. */
  readonly lineNet?: Decimal;
  /** BT-107 sum of allowances on document level. */
  readonly allowances?: Decimal;
  /** BT-108 sum of charges on document level. */
  readonly charges?: Decimal;
  /** BT-109 total without VAT. */
  readonly taxExclusive?: Decimal;
  /** BT-110 total VAT amount in invoice currency. */
  readonly tax?: Decimal;
  /** BT-112 total with VAT. */
  readonly taxInclusive?: Decimal;
  /** BT-113 paid amount. */
  readonly prepaid?: Decimal;
  /** BT-114 rounding amount. */
  readonly rounding?: Decimal;
  /** BT-115 amount due for payment. */
  readonly payable?: Decimal;
}

/** BG-23 */
export interface VatBreakdown {
  /** BT-116 */
  readonly taxableAmount?: Decimal;
  /** BT-117 */
  readonly taxAmount?: Decimal;
  /** BT-118 */
  readonly category?: VatCategory | string;
  /** BT-119 */
  readonly rate?: Decimal;
  /** BT-120 */
  readonly exemptionReason?: string;
  /** BT-121 */
  readonly exemptionReasonCode?: string;
}

/** BG-24 */
export interface Attachment {
  /** BT-122 */
  readonly id: string;
  /** BT-123 */
  readonly description?: string;
  /** BT-124 external location (facteur never fetches it). */
  readonly uri?: string;
  /** BT-125 embedded content, with its MIME code and file name. */
  readonly content?: { readonly mimeCode: string; readonly filename: string; readonly base64: string };
}

/** BG-25 */
export interface InvoiceLine {
  /** BT-126 */
  readonly id?: string;
  /** BT-127 */
  readonly note?: string;
  /** BT-128 */
  readonly objectIdentifier?: Identifier;
  /** BT-129 */
  readonly quantity?: Decimal;
  /** BT-130 UN/ECE Recommendation 20 or 21 unit code. */
  readonly unitCode?: string;
  /** BT-131 */
  readonly netAmount?: Decimal;
  /** BT-132 */
  readonly orderLineReference?: string;
  /** BT-133 */
  readonly accountingCost?: string;
  /** BG-26 */
  readonly period?: Period;
  /** BG-27 */
  readonly allowances: readonly AllowanceCharge[];
  /** BG-28 */
  readonly charges: readonly AllowanceCharge[];
  /** BG-29 */
  readonly price: LinePrice;
  /** BG-30 */
  readonly vat: { readonly category?: VatCategory | string; readonly rate?: Decimal };
  /** BG-31 */
  readonly item: Item;
}

/** BG-29 */
export interface LinePrice {
  /** BT-146 item net price. */
  readonly netPrice?: Decimal;
  /** BT-147 item price discount. */
  readonly discount?: Decimal;
  /** BT-148 item gross price. */
  readonly grossPrice?: Decimal;
  /** BT-149 item price base quantity. */
  readonly baseQuantity?: Decimal;
  /** BT-150 */
  readonly baseUnitCode?: string;
}

/** BG-31 */
export interface Item {
  /** BT-153 */
  readonly name?: string;
  /** BT-154 */
  readonly description?: string;
  /** BT-155 */
  readonly sellersId?: string;
  /** BT-156 */
  readonly buyersId?: string;
  /** BT-157 */
  readonly standardId?: Identifier;
  /** BT-158 classification codes with list id. */
  readonly classifications: readonly Identifier[];
  /** BT-159 */
  readonly originCountry?: string;
  /** BG-32 item attributes (BT-160 name, BT-161 value). */
  readonly attributes: readonly { readonly name: string; readonly value: string }[];
}

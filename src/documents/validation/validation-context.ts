import type { InvoiceDocument } from "../../core/invoice/invoice.ts";
import { computeVatTotals, type VatTotals } from "./vat-totals.ts";

/**
 * The document under validation plus facts several rules share, each computed at most once per validation so that
 * no rule walks the document again.
 */
export class ValidationContext {
  /** `/Invoice` or `/CreditNote`: the root of every location. */
  readonly root: string;
  /** `cac:InvoiceLine` or `cac:CreditNoteLine`. */
  readonly lineElement: string;
  /** `cbc:InvoicedQuantity` or `cbc:CreditedQuantity`. */
  readonly quantityElement: string;
  private vatTotalsCache: VatTotals | undefined;

  constructor(readonly doc: InvoiceDocument) {
    const invoice = doc.kind === "invoice";
    this.root = invoice ? "/Invoice" : "/CreditNote";
    this.lineElement = invoice ? "cac:InvoiceLine" : "cac:CreditNoteLine";
    this.quantityElement = invoice ? "cbc:InvoicedQuantity" : "cbc:CreditedQuantity";
  }

  /** Per-category sums and sets for the VAT category rules. */
  get vat(): VatTotals {
    this.vatTotalsCache ??= computeVatTotals(this.doc);
    return this.vatTotalsCache;
  }

  /** Seller VAT identifier (BT-31) or seller tax representative VAT identifier (BT-63) is present. */
  get sellerOrRepresentativeVat(): boolean {
    return this.doc.seller.vatNumber !== undefined || this.doc.taxRepresentative?.vatNumber !== undefined;
  }

  /**
   * BT-31, BT-32 or BT-63 is present: the schematron tests any seller PartyTaxScheme/CompanyID (VAT or not) or the
   * representative's VAT identifier.
   */
  get sellerTaxIdentified(): boolean {
    return this.sellerOrRepresentativeVat || this.doc.seller.taxRegistration !== undefined;
  }
}

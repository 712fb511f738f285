import type { MlsIssue } from "../../core/peppol/decide-mls.ts";
import type { InvoiceResponseStatement } from "../../core/peppol/invoice-response-rules.ts";

/** A Message Level Status to write. */
export interface MlsToWrite {
  /** The MLS's own id (BT-003). */
  readonly id: string;
  readonly issuedAt: Date;
  /** Participant ids `0242:NNNNNN` of the sending and receiving service providers. */
  readonly sender: string;
  readonly receiver: string;
  readonly responseCode: "AB" | "AP" | "RE";
  /** Mandatory for RE (SCH-MLS-20). */
  readonly description?: string;
  /** The SBDH InstanceIdentifier of the answered business message. */
  readonly reference: string;
  /** At least one for RE (SCH-MLS-23), none for AP/AB. */
  readonly issues: readonly MlsIssue[];
}

/** A party of an Invoice Response: its Peppol participant id and legal name (both mandatory in T111). */
export interface InvoiceResponseParty {
  readonly participant: string;
  readonly name: string;
}

/** An Invoice Response (BIS T111) to write. */
export interface InvoiceResponseToWrite {
  readonly id: string;
  readonly issuedAt: Date;
  /** The buyer who answers, and the seller who issued the invoice. */
  readonly sender: InvoiceResponseParty;
  readonly receiver: InvoiceResponseParty;
  /** The status, checked by checkInvoiceResponse. */
  readonly statement: InvoiceResponseStatement;
  /** YYYY-MM-DD: when the status took effect. */
  readonly effectiveDate?: string;
  /** The invoice answered: its number, issue date and type code (380 invoice, 381 credit note...). */
  readonly invoice: { readonly id: string; readonly issueDate?: string; readonly typeCode: string };
}

type Written = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: string };

/** Writes Peppol status messages as UBL ApplicationResponse XML. Implemented by src/documents/peppol/responses. */
export interface PeppolResponseWriter {
  mls(mls: MlsToWrite): Written;
  invoiceResponse(response: InvoiceResponseToWrite): Written;
}

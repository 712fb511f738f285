import { CAC_NS, CBC_NS, CREDIT_NOTE_NS, INVOICE_NS } from "../../ubl/ubl-namespaces.ts";
import { firstChild, textOf, type XmlElement } from "../../ubl/xml-element.ts";

/** What an Invoice Response refers to and names: the invoice's number, date, type and the parties' legal names. */
export interface InvoiceFacts {
  readonly number: string;
  readonly issueDate: string;
  readonly typeCode: string;
  readonly sellerName: string;
  readonly buyerName: string;
}

function partyName(root: XmlElement, role: string): string | undefined {
  const party = firstChild(firstChild(root, CAC_NS, role), CAC_NS, "Party");
  return (
    textOf(firstChild(firstChild(party, CAC_NS, "PartyLegalEntity"), CBC_NS, "RegistrationName")) ??
    textOf(firstChild(firstChild(party, CAC_NS, "PartyName"), CBC_NS, "Name"))
  );
}

/**
 * Reads the facts an Invoice Response needs from a UBL invoice or credit note (BT-1, BT-2, BT-3, BT-27, BT-44),
 * whether or not the document passed validation; undefined when it is no UBL invoice or lacks one of them.
 */
export function readInvoiceFacts(root: XmlElement): InvoiceFacts | undefined {
  const typeElement =
    root.ns === INVOICE_NS && root.name === "Invoice"
      ? "InvoiceTypeCode"
      : root.ns === CREDIT_NOTE_NS && root.name === "CreditNote"
        ? "CreditNoteTypeCode"
        : undefined;
  if (typeElement === undefined) return undefined;
  const number = textOf(firstChild(root, CBC_NS, "ID"));
  const issueDate = textOf(firstChild(root, CBC_NS, "IssueDate"));
  const typeCode = textOf(firstChild(root, CBC_NS, typeElement));
  const sellerName = partyName(root, "AccountingSupplierParty");
  const buyerName = partyName(root, "AccountingCustomerParty");
  if (!number || !issueDate || !typeCode || !sellerName || !buyerName) return undefined;
  return { number, issueDate, typeCode, sellerName, buyerName };
}

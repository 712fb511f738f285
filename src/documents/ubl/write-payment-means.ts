import type { CreditTransfer, PaymentMeans } from "../../core/invoice/invoice.ts";
import type { XmlBuilder } from "./xml-builder.ts";

/**
 * BG-16 as cac:PaymentMeans, in UBL order: PaymentMeansCode (BT-81, BT-82 as its name attribute), PaymentDueDate
 * (BT-9 of a credit note, given only for the first element: UBL-SR-45 allows it once), PaymentID (BT-83, the OGM),
 * CardAccount, PayeeFinancialAccount (BG-17: IBAN, account name, BIC), PaymentMandate (BG-19).
 * UBL holds one account per PaymentMeans, so a payment means with several accounts is written once per account.
 */
export function writePaymentMeans(b: XmlBuilder, means: PaymentMeans, dueDate: string | undefined): void {
  const accounts: (CreditTransfer | undefined)[] =
    means.creditTransfers.length > 0 ? [...means.creditTransfers] : [undefined];
  accounts.forEach((account, i) => {
    b.open("cac:PaymentMeans")
      .leaf("cbc:PaymentMeansCode", means.code, "code", b.attr("name", means.text, "text"))
      .leaf("cbc:PaymentDueDate", i === 0 ? dueDate : undefined, "dueDate")
      .leaf("cbc:PaymentID", means.remittanceInformation, "remittanceInformation");
    if (means.card) {
      b.open("cac:CardAccount")
        .leaf("cbc:PrimaryAccountNumberID", means.card.accountNumber, "card.accountNumber")
        .leaf("cbc:HolderName", means.card.holderName, "card.holderName")
        .close("cac:CardAccount");
    }
    if (account) {
      b.open("cac:PayeeFinancialAccount")
        .leaf("cbc:ID", account.account, "account")
        .leaf("cbc:Name", account.accountName, "accountName");
      if (account.bic) {
        b.open("cac:FinancialInstitutionBranch")
          .leaf("cbc:ID", account.bic, "bic")
          .close("cac:FinancialInstitutionBranch");
      }
      b.close("cac:PayeeFinancialAccount");
    }
    const debit = means.directDebit;
    if (debit) {
      b.open("cac:PaymentMandate").leaf("cbc:ID", debit.mandateId, "directDebit.mandateId");
      if (debit.debitedAccount) {
        b.open("cac:PayerFinancialAccount")
          .leaf("cbc:ID", debit.debitedAccount, "directDebit.debitedAccount")
          .close("cac:PayerFinancialAccount");
      }
      b.close("cac:PaymentMandate");
    }
    b.close("cac:PaymentMeans");
  });
}

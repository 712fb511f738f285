import type { PaymentMeans } from "../../core/invoice/invoice.ts";
import { cac, cbc, cbcText } from "./ubl-access.ts";
import { attributeOf, type XmlElement } from "./xml-element.ts";

/**
 * BG-16 payment instructions from one cac:PaymentMeans: BT-81 code, BT-82 its `name` attribute, BT-83 PaymentID,
 * BG-17 PayeeFinancialAccount, BG-18 CardAccount, BG-19 PaymentMandate. UBL carries one account per PaymentMeans,
 * so `creditTransfers` has at most one entry here. BT-90 (creditor id) sits on the seller or payee party and is
 * attached by the caller.
 */
export function readPaymentMeans(means: XmlElement): PaymentMeans {
  const code = cbc(means, "PaymentMeansCode");
  const account = cac(means, "PayeeFinancialAccount");
  const card = cac(means, "CardAccount");
  const mandate = cac(means, "PaymentMandate");
  return {
    code: cbcText(means, "PaymentMeansCode"),
    text: attributeOf(code, "name"),
    remittanceInformation: cbcText(means, "PaymentID"),
    creditTransfers: account
      ? [
          {
            account: cbcText(account, "ID"),
            accountName: cbcText(account, "Name"),
            bic: cbcText(cac(account, "FinancialInstitutionBranch"), "ID"),
          },
        ]
      : [],
    card: card
      ? { accountNumber: cbcText(card, "PrimaryAccountNumberID"), holderName: cbcText(card, "HolderName") }
      : undefined,
    directDebit: mandate
      ? {
          mandateId: cbcText(mandate, "ID"),
          debitedAccount: cbcText(cac(mandate, "PayerFinancialAccount"), "ID"),
        }
      : undefined,
  };
}

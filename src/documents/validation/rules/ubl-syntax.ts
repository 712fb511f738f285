import type { PaymentMeans } from "../../../core/invoice/invoice.ts";
import { amountScope } from "../element-scopes.ts";
import type { Rule } from "../rule.ts";
import { ruleOf } from "../rule.ts";
import { attachmentScope, documentScope } from "../scopes.ts";
import { atMostTwoDecimals } from "./br-dec.ts";

const rule = ruleOf("UBL");

/**
 * True when the defined values `pick` finds are all equal (`count(//x[not(preceding::x/. = .)]) <= 1`), compared
 * in place: the lists are a handful of payment means, and arrays and a Set per validation were garbage.
 */
function atMostOneDistinct<T>(list: readonly T[], pick: (item: T) => string | undefined): boolean {
  let first: string | undefined;
  for (const item of list) {
    const value = pick(item);
    if (value === undefined) continue;
    if (first === undefined) first = value;
    else if (value !== first) return false;
  }
  return true;
}

const remittanceOf = (means: PaymentMeans) => means.remittanceInformation;
const codeOf = (means: PaymentMeans) => means.code;

/**
 * The CEN UBL syntax rules (UBL-SR-*, UBL-DT-*) that the semantic model can express. The others count repeated
 * elements or look at attributes the model does not keep; see the validation README.
 */
export const ublSyntaxRules: Rule<unknown>[] = [
  rule(documentScope, {
    id: "UBL-SR-44",
    message:
      "An Invoice may only have one unique PaymentID, but the PaymentID may be used for multiple PaymentMeans",
    at: "cac:PaymentMeans/cbc:PaymentID",
    test: (doc) => atMostOneDistinct(doc.paymentMeans, remittanceOf),
  }),
  rule(documentScope, {
    id: "UBL-SR-47",
    message: "When there are more than one payment means code, they shall be equal",
    at: "cac:PaymentMeans/cbc:PaymentMeansCode",
    test: (doc) => atMostOneDistinct(doc.paymentMeans, codeOf),
  }),
  rule(amountScope, {
    id: "UBL-DT-01",
    message: "Amounts shall be decimal up to two fraction digits",
    test: atMostTwoDecimals,
  }),
  rule(attachmentScope, {
    id: "UBL-DT-06",
    message: "Binary object elements shall contain the mime code attribute",
    at: "cac:Attachment/cbc:EmbeddedDocumentBinaryObject",
    applies: (attachment) => attachment.content !== undefined,
    test: (attachment) => attachment.content?.mimeCode !== "",
  }),
  rule(attachmentScope, {
    id: "UBL-DT-07",
    message: "Binary object elements shall contain the file name attribute",
    at: "cac:Attachment/cbc:EmbeddedDocumentBinaryObject",
    applies: (attachment) => attachment.content !== undefined,
    test: (attachment) => attachment.content?.filename !== "",
  }),
];

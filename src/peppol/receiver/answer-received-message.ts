import {
  type AnswerOutcome,
  type AnswerReceivedDeps,
  answerReceivedDocument,
} from "../../app/answer-received-document.ts";
import type { ReceivedPeppolMessage } from "../../app/ports/peppol-inbox.ts";
import type { ReceivedInvoice } from "../../app/ports/peppol-response-outbox.ts";
import { readInvoiceFacts } from "../../documents/peppol/responses/read-invoice-facts.ts";
import type { SbdhDocument } from "../../documents/peppol/sbdh/read-sbdh.ts";

/** What the receiver calls once a message is in the inbox: the access point's follow-up (the MLS, the facts kept). */
export interface ReceivedMessageResponder {
  answer(message: ReceivedPeppolMessage, sbdh: SbdhDocument): Promise<AnswerOutcome>;
}

function invoiceOf(message: ReceivedPeppolMessage, sbdh: SbdhDocument): ReceivedInvoice | undefined {
  if (message.kind !== "invoice" && message.kind !== "credit-note") return undefined;
  const facts = readInvoiceFacts(sbdh.businessMessage);
  if (facts === undefined) return undefined;
  return {
    messageId: message.messageId,
    invoiceNumber: facts.number,
    issueDate: facts.issueDate,
    typeCode: facts.typeCode,
    seller: { participant: message.sender, name: facts.sellerName },
    buyer: { participant: message.receiver, name: facts.buyerName },
  };
}

/**
 * The receiver's follow-up of each recorded message ({@link answerReceivedDocument}): the invoice's facts for a later
 * Invoice Response, and the Message Level Status its SBDH (MLS_TYPE, MLS_TO) and its validation call for. A failure
 * here never changes the AS4 answer (the receipt is due once the message is stored): it is returned for the log.
 */
export function createReceivedMessageResponder(deps: AnswerReceivedDeps): ReceivedMessageResponder {
  return {
    async answer(message, sbdh) {
      const invoice = invoiceOf(message, sbdh);
      const { mlsTo, mlsType } = sbdh.header;
      try {
        return await answerReceivedDocument(deps, {
          message,
          ...(mlsType === undefined ? {} : { mlsType }),
          ...(mlsTo === undefined ? {} : { mlsTo: mlsTo.value }),
          ...(invoice === undefined ? {} : { invoice }),
        });
      } catch (error) {
        return { kind: "none", reason: `failed: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}

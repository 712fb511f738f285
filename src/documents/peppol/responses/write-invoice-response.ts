import type {
  InvoiceResponseParty,
  InvoiceResponseToWrite,
} from "../../../app/ports/peppol-response-writer.ts";
import { INVOICE_RESPONSE_PROCESS } from "../../../core/peppol/peppol-identifiers.ts";
import type { Result } from "../../../core/result.ts";
import { applicationResponse, endpointAttributes, issueInstant } from "./application-response.ts";
import type { XmlNode } from "./write-xml-document.ts";

function party(value: InvoiceResponseParty): XmlNode[] {
  return [
    { name: "cbc:EndpointID", ...endpointAttributes(value.participant) },
    {
      name: "cac:PartyLegalEntity",
      children: [{ name: "cbc:RegistrationName", text: value.name }],
    },
  ];
}

/**
 * Writes a Peppol BIS Invoice Response 3.0 (T111) as UBL ApplicationResponse: both parties with their endpoint and
 * legal name, the status code (UNCL 4343 subset) with its effective date and clarification (OPStatusReason or
 * OPStatusAction, with its text), and the invoice it answers.
 */
export function writeInvoiceResponse(response: InvoiceResponseToWrite): Result<string, string> {
  const { date, time } = issueInstant(response.issuedAt);
  const { statement, invoice } = response;
  const clarification = statement.clarification;
  return applicationResponse({
    customization: "urn:fdc:peppol.eu:poacc:trns:invoice_response:3",
    profile: INVOICE_RESPONSE_PROCESS,
    id: response.id,
    issueDate: date,
    issueTime: time,
    ...(statement.note === undefined ? {} : { note: statement.note }),
    sender: party(response.sender),
    receiver: party(response.receiver),
    documentResponse: [
      {
        name: "cac:Response",
        children: [
          {
            name: "cbc:ResponseCode",
            attributes: { listID: "UNCL4343OpSubset" },
            text: statement.responseCode,
          },
          response.effectiveDate === undefined
            ? undefined
            : { name: "cbc:EffectiveDate", text: response.effectiveDate },
          clarification === undefined
            ? undefined
            : {
                name: "cac:Status",
                children: [
                  {
                    name: "cbc:StatusReasonCode",
                    attributes: { listID: clarification.listId },
                    text: clarification.code,
                  },
                  clarification.text === undefined
                    ? undefined
                    : { name: "cbc:StatusReason", text: clarification.text },
                ],
              },
        ],
      },
      {
        name: "cac:DocumentReference",
        children: [
          { name: "cbc:ID", text: invoice.id },
          invoice.issueDate === undefined ? undefined : { name: "cbc:IssueDate", text: invoice.issueDate },
          { name: "cbc:DocumentTypeCode", text: invoice.typeCode },
        ],
      },
    ],
  });
}

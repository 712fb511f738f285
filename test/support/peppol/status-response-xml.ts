/** What a test status message says. */
export interface StatusResponseSpec {
  readonly kind: "invoice-response" | "mls";
  readonly id: string;
  readonly code: string;
  /** The invoice number (Invoice Response) or the SBDH instance id answered (MLS). */
  readonly reference: string;
  readonly issueDate: string;
  readonly issueTime?: string;
  readonly description?: string;
  /** Invoice Response status reasons: code list, code, text and the questioned business term. */
  readonly reasons?: readonly {
    readonly listId: string;
    readonly code: string;
    readonly text: string;
    readonly term?: { readonly id: string; readonly value: string };
  }[];
}

const CUSTOMIZATION = {
  "invoice-response": "urn:fdc:peppol.eu:poacc:trns:invoice_response:3",
  mls: "urn:peppol:edec:mls:1.0",
};
const PROFILE = {
  "invoice-response": "urn:fdc:peppol.eu:poacc:bis:invoice_response:3",
  mls: "urn:peppol:edec:mls",
};

/** A Peppol status message (UBL ApplicationResponse) as a buyer or its access point would send it, for tests. */
export function statusResponseXml(spec: StatusResponseSpec): string {
  const reasons = (spec.reasons ?? [])
    .map(
      (r) => `
      <cac:Status>
        <cbc:StatusReasonCode listID="${r.listId}">${r.code}</cbc:StatusReasonCode>
        <cbc:StatusReason>${r.text}</cbc:StatusReason>${
          r.term === undefined
            ? ""
            : `
        <cac:Condition><cbc:AttributeID>${r.term.id}</cbc:AttributeID><cbc:Description>${r.term.value}</cbc:Description></cac:Condition>`
        }
      </cac:Status>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<ApplicationResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>${CUSTOMIZATION[spec.kind]}</cbc:CustomizationID>
  <cbc:ProfileID>${PROFILE[spec.kind]}</cbc:ProfileID>
  <cbc:ID>${spec.id}</cbc:ID>
  <cbc:IssueDate>${spec.issueDate}</cbc:IssueDate>${
    spec.issueTime === undefined
      ? ""
      : `
  <cbc:IssueTime>${spec.issueTime}</cbc:IssueTime>`
  }
  <cac:SenderParty><cbc:EndpointID schemeID="0208">0202239951</cbc:EndpointID></cac:SenderParty>
  <cac:ReceiverParty><cbc:EndpointID schemeID="0208">0123456749</cbc:EndpointID></cac:ReceiverParty>
  <cac:DocumentResponse>
    <cac:Response>
      <cbc:ResponseCode>${spec.code}</cbc:ResponseCode>${
        spec.description === undefined
          ? ""
          : `
      <cbc:Description>${spec.description}</cbc:Description>`
      }${reasons}
    </cac:Response>
    <cac:DocumentReference><cbc:ID>${spec.reference}</cbc:ID></cac:DocumentReference>
  </cac:DocumentResponse>
</ApplicationResponse>
`;
}

import type { Identifier } from "../../core/invoice/invoice.ts";
import { fixed, type Locate, nth, type Scope, scope } from "./scope.ts";
import { BUYER, SELLER } from "./scopes.ts";

/** The parties whose identifiers rules inspect. */
export type PartyRole = "seller" | "buyer" | "payee" | "taxRepresentative";

/** An identifier together with the party it belongs to (some code lists depend on the role). */
export interface RoleIdentifier {
  readonly role: PartyRole;
  readonly id: Identifier;
}

function partyPath(role: PartyRole): string {
  switch (role) {
    case "seller":
      return SELLER;
    case "buyer":
      return BUYER;
    case "payee":
      return "/cac:PayeeParty";
    case "taxRepresentative":
      return "/cac:TaxRepresentativeParty";
  }
}

/** A location per party role, built once rather than per validation. */
function byRole(step: string): Record<PartyRole, Locate> {
  return {
    seller: fixed(`${partyPath("seller")}${step}`),
    buyer: fixed(`${partyPath("buyer")}${step}`),
    payee: fixed(`${partyPath("payee")}${step}`),
    taxRepresentative: fixed(`${partyPath("taxRepresentative")}${step}`),
  };
}

const VAT_AT = byRole("/cac:PartyTaxScheme/cbc:CompanyID");
const LEGAL_AT = byRole("/cac:PartyLegalEntity/cbc:CompanyID");
const ENDPOINT_AT = byRole("/cbc:EndpointID");
const IDENTIFIER_AT: Record<PartyRole, Locate> = {
  seller: (ctx, i) => `${ctx.root}${partyPath("seller")}/cac:PartyIdentification${nth(i)}/cbc:ID`,
  buyer: (ctx, i) => `${ctx.root}${partyPath("buyer")}/cac:PartyIdentification${nth(i)}/cbc:ID`,
  payee: (ctx, i) => `${ctx.root}${partyPath("payee")}/cac:PartyIdentification${nth(i)}/cbc:ID`,
  taxRepresentative: (ctx, i) =>
    `${ctx.root}${partyPath("taxRepresentative")}/cac:PartyIdentification${nth(i)}/cbc:ID`,
};

/** BT-31, BT-48, BT-63: PartyTaxScheme[TaxScheme/ID='VAT']/CompanyID of each party. */
export const vatIdentifierScope: Scope<{ role: PartyRole; value: string }> = scope(
  "vatIdentifier",
  (ctx, visit) => {
    const { seller, buyer, taxRepresentative } = ctx.doc;
    if (seller.vatNumber !== undefined)
      visit({ role: "seller", value: seller.vatNumber }, VAT_AT.seller, 0, 0);
    if (buyer.vatNumber !== undefined) visit({ role: "buyer", value: buyer.vatNumber }, VAT_AT.buyer, 0, 0);
    if (taxRepresentative?.vatNumber !== undefined) {
      visit(
        { role: "taxRepresentative", value: taxRepresentative.vatNumber },
        VAT_AT.taxRepresentative,
        0,
        0,
      );
    }
  },
);

/** BT-29, BT-46, BT-60: PartyIdentification/ID. */
export const partyIdentifierScope: Scope<RoleIdentifier> = scope("partyIdentifier", (ctx, visit) => {
  const { seller, buyer, payee } = ctx.doc;
  let i = 0;
  for (const id of seller.identifiers) visit({ role: "seller", id }, IDENTIFIER_AT.seller, i++, 0);
  i = 0;
  for (const id of buyer.identifiers) visit({ role: "buyer", id }, IDENTIFIER_AT.buyer, i++, 0);
  if (payee?.identifier) visit({ role: "payee", id: payee.identifier }, IDENTIFIER_AT.payee, 0, 0);
});

/** BT-30, BT-47, BT-61: PartyLegalEntity/CompanyID. */
export const legalRegistrationScope: Scope<RoleIdentifier> = scope("legalRegistration", (ctx, visit) => {
  const { seller, buyer, payee } = ctx.doc;
  if (seller.legalRegistration)
    visit({ role: "seller", id: seller.legalRegistration }, LEGAL_AT.seller, 0, 0);
  if (buyer.legalRegistration) visit({ role: "buyer", id: buyer.legalRegistration }, LEGAL_AT.buyer, 0, 0);
  if (payee?.legalRegistration) visit({ role: "payee", id: payee.legalRegistration }, LEGAL_AT.payee, 0, 0);
});

/** BT-34, BT-49: EndpointID. */
export const endpointScope: Scope<RoleIdentifier> = scope("endpoint", (ctx, visit) => {
  const { seller, buyer } = ctx.doc;
  if (seller.endpoint) visit({ role: "seller", id: seller.endpoint }, ENDPOINT_AT.seller, 0, 0);
  if (buyer.endpoint) visit({ role: "buyer", id: buyer.endpoint }, ENDPOINT_AT.buyer, 0, 0);
});

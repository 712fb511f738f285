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

/** BT-31, BT-48, BT-63: PartyTaxScheme[TaxScheme/ID='VAT']/CompanyID of each party. */
export const vatIdentifierScope: Scope<{ role: PartyRole; value: string }> = scope(
  "vatIdentifier",
  (ctx, visit) => {
    const { seller, buyer, taxRepresentative } = ctx.doc;
    const path = (role: PartyRole) => fixed(`${partyPath(role)}/cac:PartyTaxScheme/cbc:CompanyID`);
    if (seller.vatNumber !== undefined)
      visit({ role: "seller", value: seller.vatNumber }, path("seller"), 0, 0);
    if (buyer.vatNumber !== undefined) visit({ role: "buyer", value: buyer.vatNumber }, path("buyer"), 0, 0);
    if (taxRepresentative?.vatNumber !== undefined) {
      visit(
        { role: "taxRepresentative", value: taxRepresentative.vatNumber },
        path("taxRepresentative"),
        0,
        0,
      );
    }
  },
);

/** BT-29, BT-46, BT-60: PartyIdentification/ID. */
export const partyIdentifierScope: Scope<RoleIdentifier> = scope("partyIdentifier", (ctx, visit) => {
  const { seller, buyer, payee } = ctx.doc;
  const parties: [PartyRole, readonly Identifier[]][] = [
    ["seller", seller.identifiers],
    ["buyer", buyer.identifiers],
    ["payee", payee?.identifier ? [payee.identifier] : []],
  ];
  for (const [role, ids] of parties) {
    const locate: Locate = (c, i) => `${c.root}${partyPath(role)}/cac:PartyIdentification${nth(i)}/cbc:ID`;
    let i = 0;
    for (const id of ids) visit({ role, id }, locate, i++, 0);
  }
});

/** BT-30, BT-47, BT-61: PartyLegalEntity/CompanyID. */
export const legalRegistrationScope: Scope<RoleIdentifier> = scope("legalRegistration", (ctx, visit) => {
  const { seller, buyer, payee } = ctx.doc;
  const path = (role: PartyRole) => fixed(`${partyPath(role)}/cac:PartyLegalEntity/cbc:CompanyID`);
  if (seller.legalRegistration) visit({ role: "seller", id: seller.legalRegistration }, path("seller"), 0, 0);
  if (buyer.legalRegistration) visit({ role: "buyer", id: buyer.legalRegistration }, path("buyer"), 0, 0);
  if (payee?.legalRegistration) visit({ role: "payee", id: payee.legalRegistration }, path("payee"), 0, 0);
});

/** BT-34, BT-49: EndpointID. */
export const endpointScope: Scope<RoleIdentifier> = scope("endpoint", (ctx, visit) => {
  const { seller, buyer } = ctx.doc;
  if (seller.endpoint)
    visit({ role: "seller", id: seller.endpoint }, fixed(`${SELLER}/cbc:EndpointID`), 0, 0);
  if (buyer.endpoint) visit({ role: "buyer", id: buyer.endpoint }, fixed(`${BUYER}/cbc:EndpointID`), 0, 0);
});

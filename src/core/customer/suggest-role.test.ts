import { describe, expect, it } from "vitest";
import { suggestRole } from "./suggest-role.ts";

describe("suggestRole", () => {
  it.each([
    "invoice@acme.be",
    "invoices@acme.com",
    "Invoicing@acme.co.uk",
    "billing@acme.com",
    "accounting@acme.com",
    "accounts.payable@acme.co.uk",
    "accountspayable@acme.com",
    "ap@acme.com",
    "ap-invoices@acme.com",
    "apinvoices@acme.com",
    "e-invoice@acme.be",
    "einvoicing@acme.be",
    "invoices.be@acme.com",
    "invoices2@acme.com",
    "supplier_invoices@acme.com",
    "facture@acme.fr",
    "factures@acme.be",
    "facturation@acme.fr",
    "factures.fournisseurs@acme.fr",
    "comptabilite@acme.be",
    "comptabilité@acme.be",
    "compta@acme.fr",
    "factuur@acme.be",
    "facturen@acme.nl",
    "facturatie@acme.be",
    "inkoopfacturen@acme.nl",
    "boekhouding@acme.be",
    "crediteuren@acme.nl",
    "crediteurenadministratie@acme.nl",
    "rechnung@acme.de",
    "rechnungen@acme.de",
    "rechnungseingang@acme.de",
    "eingangsrechnungen@acme.de",
    "buchhaltung@acme.de",
    "kreditoren@acme.de",
    "kreditorenbuchhaltung@acme.de",
    "FACTUREN+ACME@acme.nl",
  ])("suggests invoice-mailbox for %s", (email) => {
    expect(suggestRole(email).role).toBe("invoice-mailbox");
  });

  it.each([
    "marie.dupont@acme.be",
    "jan.peeters@acme.be",
    "j.smith@acme.co.uk",
    "bill@acme.com",
    "bill.jones@acme.com",
    "billingsley@acme.com",
    "apolline@acme.fr",
    "pierre-antoine@acme.fr",
  ])("suggests person for %s", (email) => {
    expect(suggestRole(email).role).toBe("person");
  });

  it("names the word and its language in the reason", () => {
    expect(suggestRole("facturen@acme.nl").reason).toBe('"facturen" (nl) marks a shared invoice mailbox.');
    expect(suggestRole("rechnungseingang@acme.de").reason).toContain("(de)");
  });

  it("warns that a general mailbox is not an invoice mailbox", () => {
    const suggestion = suggestRole("info@acme.be");
    expect(suggestion.role).toBe("person");
    expect(suggestion.reason).toContain("not an invoice mailbox");
  });

  it("says a personal-looking address looks personal", () => {
    expect(suggestRole("marie.dupont@acme.be").reason).toContain("personal");
  });
});

import type { RecipientRole } from "./recipient.ts";

/** A suggested role for a new address, with the reason to show the operator, who decides. */
export interface RoleSuggestion {
  readonly role: Extract<RecipientRole, "invoice-mailbox" | "person">;
  readonly reason: string;
}

type Language = "en" | "fr" | "nl" | "de";

// Words that name a shared invoice or accounts-payable mailbox, compared with whole parts of the local part
// (split on . _ -, digits removed, accents stripped, lower case).
const INVOICE_WORDS: Readonly<Record<Language, string>> = {
  en:
    "invoice invoices invoicing einvoice einvoices einvoicing billing bills accounting accounts " +
    "accountspayable payable payables ap finance",
  fr: "facture factures facturation efacture efactures comptabilite compta comptable fournisseurs",
  nl:
    "factuur facturen facturatie efactuur efacturen boekhouding crediteuren crediteurenadministratie " +
    "inkoopfacturen administratie financien",
  de:
    "rechnung rechnungen erechnung erechnungen rechnungseingang eingangsrechnungen buchhaltung " +
    "finanzbuchhaltung fibu kreditoren kreditorenbuchhaltung",
};

// Long, distinctive words also recognised at the start or end of a compound part ("apinvoices", "invoicesbe").
// Short or ambiguous words (bill, ap, billing) are left out: "billingsley" is a person.
const COMPOUND_WORDS: Readonly<Record<Language, string>> = {
  en: "invoice invoices invoicing accounting",
  fr: "facture factures facturation comptabilite",
  nl: "factuur facturen facturatie boekhouding crediteuren",
  de: "rechnung rechnungen buchhaltung kreditoren",
};

const GENERAL_WORDS = new Set([
  ..."info contact office admin hello sales support mail post team".split(" "),
  ..."secretariat secretariaat sekretariat accueil reception".split(" "),
]);

function parts(email: string): string[] {
  const at = email.lastIndexOf("@");
  const local = (at < 0 ? email : email.slice(0, at)).split("+")[0] ?? "";
  const plain = local.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  return plain
    .split(/[._-]+/)
    .map((part) => part.replace(/[0-9]+/g, ""))
    .filter((part) => part !== "");
}

function invoiceWord(part: string): { readonly word: string; readonly language: string } | undefined {
  for (const [language, words] of Object.entries(INVOICE_WORDS)) {
    if (words.split(" ").includes(part)) return { word: part, language };
  }
  for (const [language, words] of Object.entries(COMPOUND_WORDS)) {
    const word = words.split(" ").find((w) => part.startsWith(w) || part.endsWith(w));
    if (word !== undefined) return { word, language };
  }
  return undefined;
}

/**
 * Suggests whether an address is a shared invoice mailbox (invoices@, facture@, factuur@, rechnung@,
 * accounts.payable@, e-invoice@, invoices.be@ and the like, in English, French, Dutch and German) or a person.
 * General shared addresses such as info@ are suggested as `person` with a reason saying they are not invoice
 * mailboxes. Only a suggestion: the operator confirms.
 */
export function suggestRole(email: string): RoleSuggestion {
  const localParts = parts(email);
  for (const part of localParts) {
    const match = invoiceWord(part);
    if (match !== undefined) {
      return {
        role: "invoice-mailbox",
        reason: `"${match.word}" (${match.language}) marks a shared invoice mailbox.`,
      };
    }
  }
  const general = localParts.find((part) => GENERAL_WORDS.has(part));
  if (general !== undefined) {
    return {
      role: "person",
      reason: `"${general}" is a general mailbox, not an invoice mailbox: ask the customer for their invoice address.`,
    };
  }
  return { role: "person", reason: "No invoice mailbox word in the address: it looks personal." };
}

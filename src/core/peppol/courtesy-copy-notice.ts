import type { Language } from "../language.ts";

const NOTICES: Readonly<Record<Language, string>> = {
  en: "This e-mail is a copy for your information. It is not the legal invoice: the invoice was sent to you over the Peppol network.",
  fr: "Ce courriel est une copie pour information. Il ne constitue pas la facture légale : la facture vous a été envoyée via le réseau Peppol.",
  nl: "Deze e-mail is een kopie ter informatie. Het is niet de wettelijke factuur: de factuur werd u via het Peppol-netwerk bezorgd.",
  de: "Diese E-Mail ist eine Kopie zu Ihrer Information. Sie ist nicht die rechtsgültige Rechnung: Die Rechnung wurde Ihnen über das Peppol-Netzwerk zugestellt.",
};

/** The sentence an e-mail copy of a Peppol invoice carries, in the customer's language. */
export function courtesyCopyNotice(language: Language): string {
  return NOTICES[language];
}

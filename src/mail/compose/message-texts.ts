import type { Language } from "../../core/language.ts";

/** Values a text is filled with, already formatted for the language. */
export interface TextValues {
  readonly number: string;
  readonly issueDate: string;
  readonly amount: string;
  readonly dueDate: string | null;
  readonly paymentReference: string | null;
  readonly sellerName: string;
}

/** The sentences of an invoice message in one language. Kept short and free of links on purpose. */
export interface MessageTexts {
  readonly locale: string;
  readonly documentName: { readonly invoice: string; readonly "credit-note": string };
  readonly greeting: string;
  readonly invoiceIntro: (v: TextValues) => string;
  readonly creditNoteIntro: (v: TextValues) => string;
  readonly reference: (reference: string) => string;
  readonly mainAttachments: string;
  readonly copyNotice: string;
  readonly copyAttachments: string;
  readonly closing: string;
}

/** The copy mark, the same in every language so that it reads at a glance in any inbox. */
export const COPY_MARK = "COPIE / KOPIE / COPY";

const due = (v: TextValues, words: string): string => (v.dueDate === null ? "" : `, ${words} ${v.dueDate}`);

/** Texts per language (fr, nl, de, en). */
export const MESSAGE_TEXTS: Readonly<Record<Language, MessageTexts>> = {
  fr: {
    locale: "fr-BE",
    documentName: { invoice: "Facture", "credit-note": "Note de crédit" },
    greeting: "Bonjour,",
    invoiceIntro: (v) =>
      `Veuillez trouver ci-joint la facture ${v.number} du ${v.issueDate}, d'un montant de ${v.amount}${due(v, "à payer au plus tard le")}.`,
    creditNoteIntro: (v) =>
      `Veuillez trouver ci-joint la note de crédit ${v.number} du ${v.issueDate}, d'un montant de ${v.amount}.`,
    reference: (r) => `Communication : ${r}`,
    mainAttachments:
      "Le document est joint en PDF et au format électronique UBL (fichier XML) pour votre logiciel comptable.",
    copyNotice:
      "Ceci est une copie pour information. L'original a été envoyé au destinataire principal : ne le comptabilisez pas et ne le payez pas une seconde fois.",
    copyAttachments: "La copie est jointe en PDF.",
    closing: "Cordialement,",
  },
  nl: {
    locale: "nl-BE",
    documentName: { invoice: "Factuur", "credit-note": "Creditnota" },
    greeting: "Goedendag,",
    invoiceIntro: (v) =>
      `In bijlage vindt u factuur ${v.number} van ${v.issueDate}, voor een bedrag van ${v.amount}${due(v, "te betalen uiterlijk op")}.`,
    creditNoteIntro: (v) =>
      `In bijlage vindt u creditnota ${v.number} van ${v.issueDate}, voor een bedrag van ${v.amount}.`,
    reference: (r) => `Mededeling: ${r}`,
    mainAttachments:
      "Het document is bijgevoegd als PDF en in elektronisch UBL-formaat (XML-bestand) voor uw boekhoudpakket.",
    copyNotice:
      "Dit is een kopie ter informatie. Het origineel werd naar de hoofdgeadresseerde gestuurd: boek of betaal het geen tweede keer.",
    copyAttachments: "De kopie is bijgevoegd als PDF.",
    closing: "Met vriendelijke groeten,",
  },
  de: {
    locale: "de-BE",
    documentName: { invoice: "Rechnung", "credit-note": "Gutschrift" },
    greeting: "Guten Tag,",
    invoiceIntro: (v) =>
      `anbei erhalten Sie die Rechnung ${v.number} vom ${v.issueDate} über ${v.amount}${due(v, "zahlbar bis zum")}.`,
    creditNoteIntro: (v) =>
      `anbei erhalten Sie die Gutschrift ${v.number} vom ${v.issueDate} über ${v.amount}.`,
    reference: (r) => `Verwendungszweck: ${r}`,
    mainAttachments:
      "Das Dokument ist als PDF und im elektronischen UBL-Format (XML-Datei) für Ihre Buchhaltungssoftware beigefügt.",
    copyNotice:
      "Dies ist eine Kopie zur Information. Das Original wurde an den Hauptempfänger gesendet: bitte nicht ein zweites Mal buchen oder bezahlen.",
    copyAttachments: "Die Kopie ist als PDF beigefügt.",
    closing: "Mit freundlichen Grüßen",
  },
  en: {
    locale: "en-BE",
    documentName: { invoice: "Invoice", "credit-note": "Credit note" },
    greeting: "Hello,",
    invoiceIntro: (v) =>
      `Please find attached invoice ${v.number} of ${v.issueDate}, for an amount of ${v.amount}${due(v, "payable by")}.`,
    creditNoteIntro: (v) =>
      `Please find attached credit note ${v.number} of ${v.issueDate}, for an amount of ${v.amount}.`,
    reference: (r) => `Payment reference: ${r}`,
    mainAttachments:
      "The document is attached as a PDF and in the electronic UBL format (XML file) for your accounting software.",
    copyNotice:
      "This is a copy for your information. The original was sent to the main recipient: do not book or pay it a second time.",
    copyAttachments: "The copy is attached as a PDF.",
    closing: "Kind regards,",
  },
};

import type { Language } from "../../../core/language.ts";
import { DE_LABELS } from "./labels-de.ts";
import { EN_LABELS } from "./labels-en.ts";
import { FR_LABELS } from "./labels-fr.ts";
import { NL_LABELS } from "./labels-nl.ts";
import type { PdfLabels } from "./pdf-labels.ts";

const LABELS: Readonly<Record<Language, PdfLabels>> = {
  fr: FR_LABELS,
  nl: NL_LABELS,
  de: DE_LABELS,
  en: EN_LABELS,
};

/** The label table of a language. */
export function labelsFor(language: Language): PdfLabels {
  return LABELS[language];
}

/** The copy mark's words, the customer's language first: "DUPLICATA / COPY / KOPIE" for French. */
export function copyMarkText(language: Language): string {
  const words = [LABELS[language].copyWord, EN_LABELS.copyWord, FR_LABELS.copyWord, NL_LABELS.copyWord];
  return [...new Set(words)].join(" / ");
}

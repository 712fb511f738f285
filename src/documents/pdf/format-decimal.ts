import type { Language } from "../../core/language.ts";
import { type Decimal, decimalPlaces, toFixedPlaces } from "../../core/money/decimal.ts";

/** Separators of each language: 1.234,56 in French, Dutch and German as written in Belgium; 1,234.56 in English. */
const SEPARATORS: Readonly<Record<Language, { readonly group: string; readonly decimal: string }>> = {
  fr: { group: ".", decimal: "," },
  nl: { group: ".", decimal: "," },
  de: { group: ".", decimal: "," },
  en: { group: ",", decimal: "." },
};

/**
 * Formats an exact decimal for print with at least `minPlaces` decimals and never fewer than it has, so a price of
 * 0.125 is not shown rounded. The digits come from the exact decimal, never from a binary float.
 */
export function formatDecimal(value: Decimal, language: Language, minPlaces: number): string {
  const text = toFixedPlaces(value, Math.max(minPlaces, decimalPlaces(value)));
  const negative = text.startsWith("-") && /[1-9]/.test(text);
  const [whole = "0", fraction] = text.replace("-", "").split(".");
  const { group, decimal } = SEPARATORS[language];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? "-" : ""}${grouped}${fraction ? `${decimal}${fraction}` : ""}`;
}

/** An amount: two decimals, or more when the document has more. */
export function formatAmount(value: Decimal, language: Language): string {
  return formatDecimal(value, language, 2);
}

/** A quantity as written: 3, 1,5, 0,125. */
export function formatQuantity(value: Decimal, language: Language): string {
  return formatDecimal(value, language, 0);
}

/** A VAT rate or percentage with its sign: "21 %" in French and German, "21%" in Dutch and English. */
export function formatPercent(value: Decimal, language: Language): string {
  const number = formatDecimal(value, language, 0);
  return language === "fr" || language === "de" ? `${number}\u00a0%` : `${number}%`;
}

import type { Language } from "../../core/language.ts";
import { COPY_MARK, MESSAGE_TEXTS, type TextValues } from "./message-texts.ts";

/** The visible content of an invoice message. */
export interface MessageBody {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** What the body needs; names and the number are already cleaned or validated by the caller. */
export interface BodyFacts {
  readonly kind: "main" | "copy";
  readonly language: Language;
  readonly type: "invoice" | "credit-note";
  readonly number: string;
  readonly issueDate: string;
  readonly dueDate: string | null;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly paymentReference: string | null;
  readonly sellerName: string;
  /** Shown first and marked, e.g. that a courtesy copy is not the legal invoice. */
  readonly notice?: string;
}

// Building an Intl formatter costs far more than using one (about 250 µs against 5 µs): they are kept per locale.
const amountFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** Formats hundredths as a currency amount of the locale, exactly (a decimal string, never a float). */
export function formatAmount(minor: bigint, currency: string, locale: string): string {
  const sign = minor < 0n ? "-" : "";
  const magnitude = minor < 0n ? -minor : minor;
  const decimal = `${sign}${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, "0")}`;
  const format = cached(
    amountFormats,
    `${locale} ${currency}`,
    () => new Intl.NumberFormat(locale, { style: "currency", currency }),
  );
  return format.format(decimal as `${number}`);
}

/** Formats an ISO date (YYYY-MM-DD) as a long date of the locale, e.g. "15 mars 2024". */
export function formatDate(isoDate: string, locale: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  const time = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
  const format = cached(
    dateFormats,
    locale,
    () =>
      new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  );
  return format.format(time);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Writes the subject and the short text and HTML bodies in the customer's language. The HTML is the same
 * paragraphs as the text: no images, no links, no styles that need fetching, so nothing to track and little for a
 * spam filter to dislike.
 */
export function renderMessageBody(facts: BodyFacts): MessageBody {
  const texts = MESSAGE_TEXTS[facts.language];
  const values: TextValues = {
    number: facts.number,
    issueDate: formatDate(facts.issueDate, texts.locale),
    amount: formatAmount(facts.amountMinor, facts.currency, texts.locale),
    dueDate: facts.type === "invoice" && facts.dueDate ? formatDate(facts.dueDate, texts.locale) : null,
    paymentReference: facts.type === "invoice" ? facts.paymentReference : null,
    sellerName: facts.sellerName,
  };
  const copy = facts.kind === "copy";
  const title = `${texts.documentName[facts.type]} ${facts.number} – ${facts.sellerName}`;
  const subject = copy ? `${COPY_MARK}: ${title}` : title;
  const marked = copy || facts.notice !== undefined;
  const paragraphs = [
    ...(facts.notice === undefined ? [] : [facts.notice]),
    ...(copy ? [COPY_MARK, texts.copyNotice] : []),
    texts.greeting,
    facts.type === "invoice" ? texts.invoiceIntro(values) : texts.creditNoteIntro(values),
    ...(values.paymentReference ? [texts.reference(values.paymentReference)] : []),
    copy ? texts.copyAttachments : texts.mainAttachments,
    `${texts.closing}\n${facts.sellerName}`,
  ];
  const text = `${paragraphs.join("\n\n")}\n`;
  const htmlParagraphs = paragraphs
    .map((p, i) => {
      const inner = escapeHtml(p).replace(/\n/g, "<br>");
      return marked && i === 0 ? `<p><strong>${inner}</strong></p>` : `<p>${inner}</p>`;
    })
    .join("\n");
  const html = `<!DOCTYPE html>\n<html lang="${facts.language}">\n<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body>\n${htmlParagraphs}\n</body>\n</html>\n`;
  return { subject, text, html };
}

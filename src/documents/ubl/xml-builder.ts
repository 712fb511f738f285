import type { Decimal } from "../../core/money/decimal.ts";

/** Thrown while writing when a value holds a character XML 1.0 cannot carry; writeUbl returns it as a value. */
export class UnwritableCharacterError extends Error {
  constructor(
    readonly field: string,
    readonly codePoint: number,
  ) {
    super(
      `${field} contains U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}, which XML 1.0 cannot carry`,
    );
  }
}

/** Printable ASCII without markup characters: the common case, written as is without further checks. */
const SAFE_TEXT = /^[\x20-\x25\x27-\x3B\x3D\x3F-\x7E]*$/;
const SAFE_ATTRIBUTE = /^[\x20\x21\x23-\x25\x27-\x3B\x3D\x3F-\x7E]*$/;
/** Anything but tab, LF, CR and the XML 1.0 Char ranges: C0 controls, lone surrogates, U+FFFE and U+FFFF. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const TEXT_SPECIAL = /[&<>\r]/;
const TEXT_SPECIAL_ALL = /[&<>\r]/g;
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r]/;
const ATTRIBUTE_SPECIAL_ALL = /[&<>"\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};
const escapeOne = (c: string): string => ESCAPES[c] ?? c;
const INDENTS = Array.from({ length: 16 }, (_, i) => `\n${"  ".repeat(i)}`);

/** Plain notation of a decimal with at least `minPlaces` decimals. Never rounds. */
function plain(value: Decimal, minPlaces: number): string {
  return value.scale >= minPlaces ? value.toString() : value.toFixed(minPlaces);
}

/** An amount (BR-DEC: two decimals), keeping more decimals when a received document had them. */
export function formatAmount(value: Decimal): string {
  return plain(value, 2);
}

/** A quantity, price or percentage: exact, plain notation, no exponent. */
export function formatDecimal(value: Decimal): string {
  return plain(value, 0);
}

/**
 * A minimal, deterministic XML writer: elements in the order they are written, two-space indentation, every value
 * checked for characters XML cannot carry and escaped (&, <, >, CR in text; also quotes, tabs and newlines in
 * attributes, which attribute-value normalisation would otherwise turn into spaces).
 */
export class XmlBuilder {
  private out = "";
  private depth = 0;
  /** Prefix of the model field being written (`lines[3]`), used only in error messages. */
  section = "";

  private fieldName(field: string): string {
    return this.section === "" ? field : `${this.section}.${field}`;
  }

  private check(value: string, field: string): void {
    const bad = NOT_XML_CHAR.exec(value);
    if (bad) throw new UnwritableCharacterError(this.fieldName(field), bad[0].codePointAt(0) ?? 0);
  }

  private text(value: string, field: string): string {
    if (SAFE_TEXT.test(value)) return value;
    this.check(value, field);
    return TEXT_SPECIAL.test(value) ? value.replace(TEXT_SPECIAL_ALL, escapeOne) : value;
  }

  /** ` name="value"` escaped, or "" when the value is undefined or empty. */
  attr(name: string, value: string | undefined, field: string): string {
    if (value === undefined || value === "") return "";
    if (SAFE_ATTRIBUTE.test(value)) return ` ${name}="${value}"`;
    this.check(value, field);
    const escaped = ATTRIBUTE_SPECIAL.test(value) ? value.replace(ATTRIBUTE_SPECIAL_ALL, escapeOne) : value;
    return ` ${name}="${escaped}"`;
  }

  private indent(): string {
    return INDENTS[this.depth] ?? `\n${"  ".repeat(this.depth)}`;
  }

  /** Raw markup, for the XML declaration and the root's namespace declarations. */
  raw(markup: string): this {
    this.out += markup;
    return this;
  }

  open(tag: string, attributes = ""): this {
    this.out += `${this.indent()}<${tag}${attributes}>`;
    this.depth++;
    return this;
  }

  close(tag: string): this {
    this.depth--;
    this.out += `${this.indent()}</${tag}>`;
    return this;
  }

  /** `<tag attrs>value</tag>`; nothing when the value is undefined or empty. */
  leaf(tag: string, value: string | undefined, field: string, attributes = ""): this {
    if (value === undefined || value === "") return this;
    this.out += `${this.indent()}<${tag}${attributes}>${this.text(value, field)}</${tag}>`;
    return this;
  }

  /** An amount, with its currencyID attribute already rendered by {@link attr}. */
  amount(tag: string, value: Decimal | undefined, currencyAttribute: string): this {
    if (value === undefined) return this;
    this.out += `${this.indent()}<${tag}${currencyAttribute}>${formatAmount(value)}</${tag}>`;
    return this;
  }

  /** A quantity, price or percentage, exact, with an optional attribute already rendered. */
  decimal(tag: string, value: Decimal | undefined, attributes = ""): this {
    if (value === undefined) return this;
    this.out += `${this.indent()}<${tag}${attributes}>${formatDecimal(value)}</${tag}>`;
    return this;
  }

  toString(): string {
    return this.out;
  }
}

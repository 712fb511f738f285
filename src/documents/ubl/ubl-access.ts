import type { Identifier } from "../../core/invoice/invoice.ts";
import { type Decimal, dec, isDecimalText } from "../../core/money/decimal.ts";
import { CAC_NS, CBC_NS } from "./ubl-namespaces.ts";
import { attributeOf, childrenNamed, firstChild, textOf, type XmlElement } from "./xml-element.ts";

/** Thrown by {@link decimalOf} while mapping; readUblElement turns it into an `invalid-number` error value. */
export class InvalidNumberError extends Error {
  constructor(readonly element: XmlElement) {
    super(`"${element.text.trim()}" is not a decimal number`);
  }
}

/** First cac child. */
export function cac(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  return firstChild(parent, CAC_NS, name);
}

/** Every cac child of that name. */
export function cacs(parent: XmlElement | undefined, name: string): XmlElement[] {
  return childrenNamed(parent, CAC_NS, name);
}

/** First cbc child. */
export function cbc(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  return firstChild(parent, CBC_NS, name);
}

/** Text of the first cbc child of that name (trimmed, undefined when absent or empty). */
export function cbcText(parent: XmlElement | undefined, name: string): string | undefined {
  return textOf(firstChild(parent, CBC_NS, name));
}

/** Texts of every non-empty cbc child of that name. */
export function cbcTexts(parent: XmlElement | undefined, name: string): string[] {
  const texts: string[] = [];
  for (const child of childrenNamed(parent, CBC_NS, name)) {
    const text = textOf(child);
    if (text !== undefined) texts.push(text);
  }
  return texts;
}

/** The exact decimal value of an element (xsd:decimal lexical form); undefined when absent or empty. */
export function decimalOf(element: XmlElement | undefined): Decimal | undefined {
  const text = textOf(element);
  if (text === undefined || !element) return undefined;
  if (!isDecimalText(text)) throw new InvalidNumberError(element);
  // xsd:decimal allows a leading "+"; dropped so that the decimal always gets the plain form.
  return dec(text.charCodeAt(0) === 43 ? text.slice(1) : text);
}

/** Decimal value of the first cbc child of that name. */
export function cbcDecimal(parent: XmlElement | undefined, name: string): Decimal | undefined {
  return decimalOf(firstChild(parent, CBC_NS, name));
}

/**
 * An identifier with its scheme attribute (schemeID, or listID for classification codes). An empty element that
 * carries a scheme is kept with value "": the schematron's scheme code-list rules (BR-CL-07/10/11/13/21) select any
 * element with the attribute, whatever its text.
 */
export function identifierOf(
  element: XmlElement | undefined,
  schemeAttribute = "schemeID",
): Identifier | undefined {
  const scheme = attributeOf(element, schemeAttribute);
  const value = textOf(element) ?? (scheme === undefined ? undefined : "");
  if (value === undefined) return undefined;
  return scheme === undefined ? { value } : { value, scheme };
}

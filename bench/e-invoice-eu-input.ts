/**
 * Turns a UBL Invoice that facteur wrote into the internal JSON format of @e-invoice-eu/core (`{"ubl:Invoice": {...}}`,
 * one key per UBL element, `key@attribute` for attributes), so the two generators get equivalent data: the same
 * elements, values and attributes. The library's JSON schema says which elements repeat (arrays) and which exist at
 * all; an element it does not know is dropped and counted, so a benchmark can say the data were not equivalent.
 */
import { invoiceSchema } from "@e-invoice-eu/core";
import { parseXml } from "../src/documents/ubl/parse-xml.ts";
import { qualifiedName, type XmlElement } from "../src/documents/ubl/xml-element.ts";

/** The part of a JSON schema this conversion reads. */
interface SchemaNode {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
}

type JsonValue = string | JsonObject | JsonValue[];
interface JsonObject {
  [key: string]: JsonValue;
}

/** The input for @e-invoice-eu/core, and the elements left out because its schema has no place for them. */
export interface EInvoiceEuInput {
  readonly data: JsonObject;
  readonly dropped: readonly string[];
}

function convert(element: XmlElement, schema: SchemaNode, dropped: string[], path: string): JsonValue {
  if (schema.type !== "object") return element.text.trim();
  const object: JsonObject = {};
  for (const [name, value] of Object.entries(element.attributes)) object[`@${name}`] = value;
  for (const child of element.children) {
    const key = qualifiedName(child);
    const childSchema = schema.properties?.[key];
    if (childSchema === undefined) {
      dropped.push(`${path}/${key}`);
      continue;
    }
    const itemSchema = childSchema.type === "array" ? (childSchema.items ?? {}) : childSchema;
    const value = convert(child, itemSchema, dropped, `${path}/${key}`);
    for (const [attribute, attributeValue] of Object.entries(child.attributes)) {
      if (schema.properties?.[`${key}@${attribute}`]) object[`${key}@${attribute}`] = attributeValue;
    }
    if (childSchema.type === "array") {
      const list = object[key];
      if (Array.isArray(list)) list.push(value);
      else object[key] = [value];
    } else object[key] = value;
  }
  for (const key of Object.keys(object)) if (key.startsWith("@")) delete object[key];
  return object;
}

/** The @e-invoice-eu/core input equivalent to a UBL Invoice. */
export function eInvoiceEuInput(ubl: string): EInvoiceEuInput {
  const parsed = parseXml(ubl);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const root = (invoiceSchema as SchemaNode).properties?.["ubl:Invoice"];
  if (root === undefined) throw new Error("the @e-invoice-eu/core schema has no ubl:Invoice");
  const dropped: string[] = [];
  const invoice = convert(parsed.value, root, dropped, "/Invoice");
  return { data: { "ubl:Invoice": invoice }, dropped };
}

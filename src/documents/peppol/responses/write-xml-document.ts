import { err, ok, type Result } from "../../../core/result.ts";

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\r": "&#13;",
};

/** Characters XML 1.0 cannot carry at all, even escaped: C0 controls but tab and line ends, lone surrogates, U+FFFE/F. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/u;

/**
 * Escapes a value for element content or a quoted attribute, so that no text given (a note, a finding's message, an
 * id) can add markup; carriage returns are written as a reference so that they survive end-of-line normalisation.
 * Refuses text XML 1.0 cannot carry (a control character), naming the field, rather than dropping it silently.
 */
export function xmlText(field: string, value: string): Result<string, string> {
  if (NOT_XML.test(value)) return err(`${field} contains a character XML cannot carry`);
  return ok(value.replace(/[&<>"'\r]/g, (c) => ESCAPES[c] ?? c));
}

/** An element to write: its qualified name, attributes, and either text or child elements (undefined ones skipped). */
export interface XmlNode {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly text?: string;
  readonly children?: readonly (XmlNode | undefined)[];
}

function render(node: XmlNode, indent: string, out: string[]): string | undefined {
  let attributes = "";
  for (const [name, value] of Object.entries(node.attributes ?? {})) {
    const escaped = xmlText(`${node.name}/@${name}`, value);
    if (!escaped.ok) return escaped.error;
    attributes += ` ${name}="${escaped.value}"`;
  }
  if (node.text !== undefined) {
    const escaped = xmlText(node.name, node.text);
    if (!escaped.ok) return escaped.error;
    out.push(`${indent}<${node.name}${attributes}>${escaped.value}</${node.name}>`);
    return undefined;
  }
  out.push(`${indent}<${node.name}${attributes}>`);
  for (const child of node.children ?? []) {
    if (child === undefined) continue;
    const problem = render(child, `${indent}  `, out);
    if (problem !== undefined) return problem;
  }
  out.push(`${indent}</${node.name}>`);
  return undefined;
}

/**
 * Writes an element tree as an XML document (UTF-8 declaration, two-space indentation). Names are the caller's
 * constants; every text and attribute value goes through {@link xmlText}, so markup cannot come from data.
 */
export function writeXmlDocument(root: XmlNode): Result<string, string> {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const problem = render(root, "", out);
  return problem === undefined ? ok(`${out.join("\n")}\n`) : err(problem);
}

import type { Severity } from "../finding.ts";
import type { RuleFamily, RuleInfo } from "../rule.ts";
import type { XmlNode } from "./xml-node.ts";

/** Facts about the document every XML rule may need. */
export interface XmlDocument {
  readonly root: XmlNode;
  readonly isCreditNote: boolean;
  /** The root's cbc:DocumentCurrencyCode as written, undefined when absent. */
  readonly documentCurrency: string | undefined;
}

/**
 * A rule over the XML itself, for what the semantic model does not keep: how often an element occurs, attributes
 * such as currencyID on every amount, empty elements. Like the model rules, it is data plus a predicate: `names`
 * and `applies` are the schematron context, `test` the assertion.
 */
export interface XmlRule extends RuleInfo {
  /** Local names of the elements that can be the rule's context; the walk offers a rule only those. */
  readonly names: readonly string[] | "any";
  applies?(node: XmlNode, doc: XmlDocument): boolean;
  test(node: XmlNode, doc: XmlDocument): boolean;
}

/** The parts of an XML rule a module writes. */
export type XmlRuleBody = Omit<XmlRule, "family" | "severity" | "input"> & { readonly severity?: Severity };

/** Returns a constructor of XML rules for one family. */
export function xmlRuleOf(family: RuleFamily): (body: XmlRuleBody) => XmlRule {
  return (body) => ({ ...body, severity: body.severity ?? "fatal", family, input: "xml" });
}

import type { XmlElement } from "../../ubl/xml-element.ts";
import type { Finding } from "../finding.ts";
import type { RuleInfo } from "../rule.ts";
import { UBL_SYNTAX_RULES } from "./ubl-syntax-rules.ts";
import { cbcChild, pathOf, walk } from "./xml-node.ts";
import type { XmlDocument, XmlRule } from "./xml-rule.ts";

/** Rules offered to every element, and rules by the local names they can match. */
const ANY: readonly XmlRule[] = UBL_SYNTAX_RULES.filter((r) => r.names === "any");
const BY_NAME: ReadonlyMap<string, readonly XmlRule[]> = (() => {
  const map = new Map<string, XmlRule[]>();
  for (const rule of UBL_SYNTAX_RULES) {
    if (rule.names === "any") continue;
    for (const name of rule.names) map.set(name, [...(map.get(name) ?? []), rule]);
  }
  return map;
})();

/**
 * Checks the rules that need the UBL XML itself rather than the semantic model (see {@link implementedSyntaxRules}),
 * in one walk over the parsed document. Run it next to `validateDocument` on documents read from XML.
 */
export function validateUblSyntax(root: XmlElement): Finding[] {
  const findings: Finding[] = [];
  let doc: XmlDocument | undefined;
  walk(root, (node) => {
    doc ??= {
      root: node,
      isCreditNote: root.name === "CreditNote",
      documentCurrency: cbcChild(root, "DocumentCurrencyCode")?.text,
    };
    const named = BY_NAME.get(node.element.name);
    for (const rules of named ? [ANY, named] : [ANY]) {
      for (const rule of rules) {
        if (rule.applies && !rule.applies(node, doc)) continue;
        if (rule.test(node, doc)) continue;
        findings.push({
          rule: rule.id,
          severity: rule.severity,
          location: pathOf(node),
          message: rule.message,
        });
      }
    }
  });
  return findings;
}

/** The rules {@link validateUblSyntax} checks. */
export function implementedSyntaxRules(): readonly RuleInfo[] {
  return UBL_SYNTAX_RULES.map(({ id, family, severity, message, input }) => ({
    id,
    family,
    severity,
    message,
    input,
  }));
}

import type { InvoiceDocument } from "../../core/invoice/invoice.ts";
import type { Finding } from "./finding.ts";
import type { Rule, RuleInfo } from "./rule.ts";
import { ALL_RULES } from "./rules/all-rules.ts";
import type { Locate, Scope } from "./scope.ts";
import { implementedSyntaxRules } from "./syntax/validate-ubl-syntax.ts";
import { ValidationContext } from "./validation-context.ts";

/**
 * Rules grouped by scope once, at load, so a validation walks each scope's nodes a single time. An array of pairs
 * rather than the Map itself: iterating a Map allocates an entry array per scope and validation.
 */
const RULES_BY_SCOPE: readonly {
  readonly scope: Scope<unknown>;
  readonly rules: readonly Rule<unknown>[];
}[] = (() => {
  const groups = new Map<Scope<unknown>, Rule<unknown>[]>();
  for (const rule of ALL_RULES) {
    const group = groups.get(rule.scope);
    if (group) group.push(rule);
    else groups.set(rule.scope, [rule]);
  }
  return [...groups].map(([scope, rules]) => ({ scope, rules }));
})();

const INFOS: readonly RuleInfo[] = [
  ...ALL_RULES.map(({ id, family, severity, message, input }) => ({ id, family, severity, message, input })),
  ...implementedSyntaxRules(),
];

/** What the visitor of the validation under way works on. */
interface Run {
  readonly ctx: ValidationContext;
  readonly findings: Finding[];
  rules: readonly Rule<unknown>[];
}

/**
 * The validation under way. Validations are synchronous and a rule never starts another, but the previous one is
 * put back all the same. A module's state rather than a closure per validation: under tsx every named closure is
 * also given its name (esbuild's keepNames, an Object.defineProperty per closure made).
 */
let run: Run | undefined;

/** One visitor for every scope: it evaluates the rules of the scope being walked (`run.rules`) on each node. */
function visitor(value: unknown, locate: Locate, i: number, j: number): void {
  const { ctx, findings, rules } = run as Run;
  for (const rule of rules) {
    if (rule.applies && !rule.applies(value, ctx)) continue;
    if (rule.test(value, ctx)) continue;
    const path = locate(ctx, i, j);
    findings.push({
      rule: rule.id,
      severity: rule.severity,
      location: rule.at === undefined ? path : `${path}/${rule.at}`,
      message: rule.message,
    });
  }
}

/**
 * Checks a document against the EN 16931 business rules and the Peppol BIS Billing 3.0 rules this module
 * implements (see {@link implementedRules}). Returns every violation; an empty list means the document passes them.
 */
export function validateDocument(doc: InvoiceDocument): Finding[] {
  const ctx = new ValidationContext(doc);
  const current: Run = { ctx, findings: [], rules: [] };
  const previous = run;
  run = current;
  try {
    for (const group of RULES_BY_SCOPE) {
      current.rules = group.rules;
      group.scope.visit(ctx, visitor);
    }
  } finally {
    run = previous;
  }
  return current.findings;
}

/**
 * Every implemented rule with its official id, family, severity and message: those {@link validateDocument} checks
 * on the model (`input: "model"`) and those `validateUblSyntax` checks on the XML (`input: "xml"`).
 */
export function implementedRules(): readonly RuleInfo[] {
  return INFOS;
}

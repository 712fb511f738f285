import type { Severity } from "./finding.ts";
import type { Scope } from "./scope.ts";
import type { ValidationContext } from "./validation-context.ts";

/** The rule families, one module each under `rules/`. */
export type RuleFamily =
  | "BR"
  | "BR-CO"
  | "BR-CL"
  | "BR-DEC"
  | "BR-S"
  | "BR-Z"
  | "BR-E"
  | "BR-AE"
  | "BR-IC"
  | "BR-G"
  | "BR-O"
  | "BR-AF"
  | "BR-AG"
  | "BR-B"
  | "UBL"
  | "PEPPOL";

/** What a report needs to know about a rule. */
export interface RuleInfo {
  /** Official identifier. */
  readonly id: string;
  readonly family: RuleFamily;
  /** Severity as flagged in the official schematron. */
  readonly severity: Severity;
  /** Official message text, without the `[ID]-` prefix. */
  readonly message: string;
  /** What the rule reads: the semantic model (`validateDocument`) or the UBL XML (`validateUblSyntax`). */
  readonly input: "model" | "xml";
}

/**
 * A business rule as data: the schematron `rule context` becomes a {@link Scope} (which nodes the rule looks at,
 * narrowed by `applies`), the `assert test` becomes `test`, which returns true when the node satisfies the rule.
 * Both are methods so that a rule over one scope is assignable to `Rule<unknown>` and can share a registry.
 */
export interface Rule<T> extends RuleInfo {
  readonly scope: Scope<T>;
  /** Narrows the scope as a schematron context predicate does; the rule ignores nodes for which it is false. */
  applies?(node: T, ctx: ValidationContext): boolean;
  test(node: T, ctx: ValidationContext): boolean;
  /** Step below the node's own location that the finding points at, e.g. `cbc:LineExtensionAmount`. */
  readonly at?: string;
}

/** The parts of a rule a family module writes. */
export interface RuleBody<T> {
  readonly id: string;
  readonly message: string;
  /** Defaults to fatal. */
  readonly severity?: Severity;
  readonly at?: string;
  applies?(node: T, ctx: ValidationContext): boolean;
  test(node: T, ctx: ValidationContext): boolean;
}

/**
 * Returns a rule constructor for one family: `const rule = ruleOf("BR"); rule(lineScope, { id, message, test })`.
 * Every rule gets the same properties in the same order, absent ones undefined, so that the engine's reads of
 * `applies` and `test` see one object shape instead of dozens (a megamorphic property read on every evaluation).
 */
export function ruleOf(family: RuleFamily): <T>(scope: Scope<T>, body: RuleBody<T>) => Rule<T> {
  return (scope, body) => ({
    id: body.id,
    family,
    severity: body.severity ?? "fatal",
    message: body.message,
    input: "model",
    scope,
    applies: body.applies,
    test: body.test,
    at: body.at,
  });
}

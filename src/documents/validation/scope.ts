import type { ValidationContext } from "./validation-context.ts";

/**
 * Builds the XPath-like location of a node from its position: `i` and `j` are 0-based indexes (line, then
 * allowance within the line, ...), unused ones are 0. Locations are built only for nodes that fail a rule.
 */
export type Locate = (ctx: ValidationContext, i: number, j: number) => string;

/** Receives each node of a scope with what is needed to locate it. */
export type Visit<T> = (value: T, locate: Locate, i: number, j: number) => void;

/**
 * Where a rule applies: the counterpart of a schematron rule context. `visit` walks every matching node of a
 * document once; the engine evaluates all rules of a scope on each node during that single walk.
 */
export interface Scope<T> {
  readonly name: string;
  visit(ctx: ValidationContext, visit: Visit<T>): void;
}

/** Declares a scope. */
export function scope<T>(name: string, visit: (ctx: ValidationContext, visit: Visit<T>) => void): Scope<T> {
  return { name, visit };
}

/** A location that does not depend on the node's position. */
export function fixed(path: string): Locate {
  return (ctx) => ctx.root + path;
}

/** XPath position predicate for a 0-based index. */
export function nth(index: number): string {
  return `[${index + 1}]`;
}

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

/**
 * Visits every item of a list, located by its index. An index loop: scopes run once per document and were not
 * optimised, and their for-of loops allocated an iterator result per item.
 */
export function visitList<T>(list: readonly T[], locate: Locate, visit: Visit<T>): void {
  for (let i = 0; i < list.length; i++) visit(list[i] as T, locate, i, 0);
}

/** Like {@link visitList} for a list inside the `i`-th item of another (a line's allowances): indexes `i`, then `j`. */
export function visitNested<T>(list: readonly T[], locate: Locate, visit: Visit<T>, i: number): void {
  for (let j = 0; j < list.length; j++) visit(list[j] as T, locate, i, j);
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

import type { ValidationContext } from "./validation-context.ts";

/** A node of the document a rule is evaluated on, with its XPath-like location. */
export interface Node<T> {
  readonly value: T;
  readonly path: string;
}

/**
 * Where a rule applies: the counterpart of a schematron rule context. `nodes` lists every matching node of a
 * document once; the engine evaluates all rules of a scope on each node in a single pass.
 */
export interface Scope<T> {
  readonly name: string;
  nodes(ctx: ValidationContext): readonly Node<T>[];
}

/** Declares a scope from a function that emits its nodes. */
export function scope<T>(
  name: string,
  enumerate: (ctx: ValidationContext, emit: (value: T, path: string) => void) => void,
): Scope<T> {
  return {
    name,
    nodes(ctx) {
      const nodes: Node<T>[] = [];
      enumerate(ctx, (value, path) => nodes.push({ value, path }));
      return nodes;
    },
  };
}

/** XPath position predicate, 1-based. */
export function nth(index: number): string {
  return `[${index + 1}]`;
}

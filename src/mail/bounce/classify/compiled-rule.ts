import type { BounceRule, Phrase } from "../rules/rule.ts";
import type { BounceAction, BounceReason, SmtpCommand } from "../types.ts";

/** The facts about one record that rules are tested against. */
export interface RuleContext {
  readonly fixedReason: BounceReason | "";
  readonly action: BounceAction;
  readonly status: string;
  readonly statusReason: BounceReason | "";
  readonly replycode: string;
  /** The diagnostic, lower-cased. */
  readonly text: string;
  readonly command: SmtpCommand;
  readonly diagnosticType: string;
  readonly category: string;
  readonly host: string;
  readonly undecided: boolean;
}

/** A rule with its phrase lists compiled to single expressions. */
export interface CompiledRule {
  readonly rule: BounceRule;
  readonly test: (context: RuleContext) => boolean;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One expression matching any of the phrases (strings as substrings, patterns as written). */
function phraseExpression(phrases: readonly Phrase[]): RegExp {
  const sources = phrases.map((p) => (typeof p === "string" ? escapeRegExp(p) : `(?:${p.source})`));
  return new RegExp(sources.length === 0 ? "(?!)" : sources.join("|"));
}

function statusMatches(status: string, patterns: readonly string[]): boolean {
  for (const pattern of patterns) {
    const p =
      pattern.startsWith("x.") && (status.startsWith("4.") || status.startsWith("5."))
        ? status[0] + pattern.slice(1)
        : pattern;
    if (p.endsWith(".") ? status.startsWith(p) : status === p) return true;
  }
  return false;
}

/** Compiles a rule once, so that testing it costs a few comparisons and at most two expression runs. */
export function compileRule(rule: BounceRule): CompiledRule {
  const w = rule.when;
  const text = w.text === undefined ? null : phraseExpression(w.text);
  const notText = w.notText === undefined ? null : phraseExpression(w.notText);
  const test = (c: RuleContext): boolean =>
    (w.fixedReason === undefined || (c.fixedReason !== "" && w.fixedReason.includes(c.fixedReason))) &&
    (w.action === undefined || w.action.includes(c.action)) &&
    (w.statusReason === undefined || w.statusReason.includes(c.statusReason)) &&
    (w.status === undefined || statusMatches(c.status, w.status)) &&
    (w.replycode === undefined ||
      (c.replycode !== "" && w.replycode.some((r) => c.replycode.startsWith(r)))) &&
    (w.command === undefined || (c.command !== "" && w.command.includes(c.command))) &&
    (w.notCommand === undefined || !w.notCommand.includes(c.command)) &&
    (w.smtpDiagnostic === undefined || w.smtpDiagnostic === (c.diagnosticType !== "x-unix")) &&
    (w.diagnosticType === undefined || w.diagnosticType.includes(c.diagnosticType)) &&
    (w.hasStatus === undefined || w.hasStatus === (c.status !== "")) &&
    (w.hasDiagnostic === undefined || w.hasDiagnostic === (c.text !== "")) &&
    (w.undecided === undefined || w.undecided === c.undecided) &&
    (w.category === undefined || w.category.test(c.category)) &&
    (w.host === undefined || w.host.test(c.host)) &&
    (text === null || text.test(c.text)) &&
    (notText === null || !notText.test(c.text));
  return { rule, test };
}

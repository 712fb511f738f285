/**
 * Bounce reading and classification, usable on its own: give it a raw message, get per-recipient results with a
 * reason from the taxonomy, hard or soft, and the id of the rule that decided.
 */
export { classifyBounce, classifyMailbox } from "./classify-bounce.ts";
export { BOUNCE_RULES } from "./rules/bounce-rules.ts";
export type { BounceRule, RuleWhen } from "./rules/rule.ts";
export {
  BOUNCE_REASONS,
  type BounceAction,
  type BounceKind,
  type BounceReason,
  type BounceReport,
  type BounceResult,
  type OriginalMessage,
  type SmtpCommand,
} from "./types.ts";

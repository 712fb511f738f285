import type { BounceRecord } from "../extract/bounce-record.ts";
import { findReplyStatus } from "../extract/smtp-text.ts";
import { BOUNCE_RULES } from "../rules/bounce-rules.ts";
import { statusReason } from "../rules/status-reasons.ts";
import type { BounceReason } from "../types.ts";
import { type CompiledRule, compileRule, type RuleContext } from "./compiled-rule.ts";

const COMPILED: readonly CompiledRule[] = BOUNCE_RULES.map(compileRule);

/** Status reasons too broad to settle a failure without reading its text. */
const BROAD: ReadonlySet<BounceReason | ""> = new Set([
  "",
  "systemerror",
  "securityerror",
  "expired",
  "networkerror",
  "hostunknown",
  "userunknown",
]);

/** The decision for one record. */
export interface Classification {
  readonly reason: BounceReason;
  readonly rule: string;
  /** The status code used: the record's, or a more specific one its diagnostic gives. */
  readonly status: string;
}

/**
 * The status to trust: the record's own, unless it is missing or only says the class (`5.0.0`) while the
 * diagnostic names a specific code of the same class.
 */
function effectiveStatus(status: string, diagnostic: string): string {
  if (status !== "" && !/^\d\.0\.0$/.test(status)) return status;
  const found = findReplyStatus(diagnostic);
  if (found === "") return status;
  return status === "" || found[0] === status[0] ? found : status;
}

/** Runs the rules table on one record; the first rule that holds decides. */
export function classifyRecord(record: BounceRecord, host: string): Classification {
  const status = effectiveStatus(record.status, record.diagnostic);
  const byStatus = statusReason(status);
  const diagnosticType = record.diagnosticType;
  const context: RuleContext = {
    fixedReason: record.fixedReason,
    action: record.action,
    status,
    statusReason: byStatus,
    replycode: record.replycode,
    text: record.diagnostic.toLowerCase(),
    command: record.command,
    diagnosticType,
    category: record.category,
    host,
    undecided: BROAD.has(byStatus) || diagnosticType === "x-unix",
  };
  for (const { rule, test } of COMPILED) {
    if (!test(context)) continue;
    const reason = rule.reason === "by-status" ? byStatus || "onhold" : rule.reason;
    return { reason, rule: rule.id, status };
  }
  return { reason: "undefined", rule: "undefined.nothing", status };
}

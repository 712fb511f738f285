import { FALLBACK_RULES } from "./fallback-rules.ts";
import { GATEWAY_RULES } from "./gateway-rules.ts";
import { PROVIDER_RULES } from "./provider-rules.ts";
import { REPORT_RULES } from "./report-rules.ts";
import type { BounceRule } from "./rule.ts";
import { SMTP_RECIPIENT_RULES } from "./smtp-recipient-rules.ts";
import { SMTP_SESSION_RULES } from "./smtp-session-rules.ts";

/** The whole rules table, in the order the classifier tries it. */
export const BOUNCE_RULES: readonly BounceRule[] = [
  ...REPORT_RULES,
  ...PROVIDER_RULES,
  ...GATEWAY_RULES,
  ...SMTP_RECIPIENT_RULES,
  ...SMTP_SESSION_RULES,
  ...FALLBACK_RULES,
];

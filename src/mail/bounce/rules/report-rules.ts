import type { BounceRule } from "./rule.ts";

/** Reports that are not failures: complaints, auto-replies and success notices. They come first and are never hard. */
export const REPORT_RULES: readonly BounceRule[] = [
  {
    id: "report.feedback",
    description:
      "A complaint report (RFC 5965 ARF, a provider's complaint notice, an unsubscribe request) is feedback.",
    reason: "feedback",
    when: { fixedReason: ["feedback"] },
    sample: "eml/arf-01.eml",
  },
  {
    id: "report.vacation",
    description: "An automatic reply (RFC 3834, an out-of-office notice) is a vacation notice, not a bounce.",
    reason: "vacation",
    when: { fixedReason: ["vacation"] },
    sample: "eml/rfc3834-01.eml",
  },
  {
    id: "report.delivered",
    description: "A success notice (action delivered, or a 2.x.x status) means the message was delivered.",
    reason: "delivered",
    when: { fixedReason: ["delivered"] },
    sample: "eml/lhost-amazonses-12.eml",
  },
  {
    id: "dsn.action-delivered",
    description: "A DSN whose action is delivered, relayed or expanded reports a delivery.",
    reason: "delivered",
    when: { action: ["delivered", "relayed", "expanded"] },
    sample: "eml/rfc3464-28.eml",
  },
  {
    id: "dsn.status-success",
    description: "A 2.x.x enhanced status code reports a delivery.",
    reason: "delivered",
    when: { status: ["2."] },
    sample: "smtp:250 2.0.0 Ok: queued as 4B1A012345",
  },
];

import type { NaptrRecord } from "node:dns";
import { err, ok, type Result } from "../../core/result.ts";
import { applyNaptrRegexp } from "./apply-naptr-regexp.ts";

/** The U-NAPTR service of an SMP (SML 1.3.0; OASIS BDX Location 1.0). */
export const SMP_NAPTR_SERVICE = "Meta:SMP";

/** True for a terminal (`U` flag) record of service `Meta:SMP`; flags and services compare case-insensitively. */
export function isSmpRecord(record: NaptrRecord): boolean {
  return (
    record.flags.toUpperCase() === "U" && record.service.toLowerCase() === SMP_NAPTR_SERVICE.toLowerCase()
  );
}

/**
 * The SMP base URL from the NAPTR records of a participant's DNS name: the terminal (`U` flag) records of service
 * `Meta:SMP`, by order then preference (RFC 3403), the first whose regexp rewrites the name to a URL. Only https is
 * accepted (SMP 1.4.0 makes TLS mandatory; an http SMP answer could be altered on the way). The URL is returned
 * without a trailing slash, so resource paths can be appended.
 */
export function smpUrlFromNaptr(records: readonly NaptrRecord[], dnsName: string): Result<string, string> {
  const candidates = records
    .filter(isSmpRecord)
    .sort((a, b) => a.order - b.order || a.preference - b.preference);
  if (candidates.length === 0) return err(`no U-NAPTR record of service ${SMP_NAPTR_SERVICE} for ${dnsName}`);
  const problems: string[] = [];
  for (const record of candidates) {
    const rewritten = applyNaptrRegexp(record.regexp, dnsName);
    if (!rewritten.ok) {
      problems.push(rewritten.error);
      continue;
    }
    let url: URL;
    try {
      url = new URL(rewritten.value);
    } catch {
      problems.push(`"${rewritten.value}" is not a URL`);
      continue;
    }
    if (url.protocol !== "https:") {
      problems.push(`${rewritten.value} is not an https URL`);
      continue;
    }
    if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
      problems.push(`${rewritten.value} has a query, fragment or credentials`);
      continue;
    }
    return ok(url.href.replace(/\/+$/, ""));
  }
  return err(problems.join("; "));
}

import type {
  ParticipantDirectory,
  ParticipantLookup,
  ParticipantQuery,
} from "../../app/ports/participant-directory.ts";
import { parseEnterpriseNumber } from "../../core/identifiers/enterprise-number.ts";
import { belgianPeppolIds } from "../../core/identifiers/peppol-id.ts";
import { type CandidateOutcome, type DiscoveryDeps, discoverParticipant } from "./discover-participant.ts";
import { LookupCache } from "./lookup-cache.ts";

/** Options of {@link createPeppolParticipantDirectory}. */
export interface PeppolDirectoryOptions {
  readonly deps: DiscoveryDeps;
  /** Lifetime of a reachable outcome in the cache. */
  readonly positiveTtlMs: number;
  /** Lifetime of not-registered, document-type-not-supported and refused outcomes; try-later is never kept. */
  readonly negativeTtlMs: number;
  readonly now?: () => Date;
  /** Default 10,000 lookups. */
  readonly maxEntries?: number;
}

/**
 * The ids to look up, in order. A Belgian enterprise is registered under its enterprise number (0208) or its VAT
 * number (9925), so either form gives both, 0208 first (the form the Belgian administration recommends).
 */
export function participantCandidates(participant: string): readonly string[] {
  const belgian = /^(?:0208:|9925:be)([0-9]{10})$/i.exec(participant)?.[1];
  return belgian && parseEnterpriseNumber(belgian).ok ? belgianPeppolIds(belgian) : [participant];
}

// Which outcome speaks for the whole lookup when no id is reachable: a refusal needs an operator, an unanswered
// id might be the reachable one, and "not supported" says more than "not registered".
const RANK: Record<Exclude<CandidateOutcome["kind"], "reachable">, number> = {
  refused: 0,
  "try-later": 1,
  "document-type-not-supported": 2,
  "not-registered": 3,
};

function withTried(
  participant: string,
  outcome: CandidateOutcome,
  tried: readonly string[],
): ParticipantLookup {
  switch (outcome.kind) {
    case "not-registered":
      return { kind: "not-registered", tried };
    case "try-later":
      return { kind: "try-later", tried, reason: `${participant}: ${outcome.reason}` };
    default:
      return { ...outcome, participant, tried };
  }
}

async function lookUp(deps: DiscoveryDeps, query: ParticipantQuery, at: Date): Promise<ParticipantLookup> {
  const tried: string[] = [];
  let best: { participant: string; outcome: Exclude<CandidateOutcome, { kind: "reachable" }> } | undefined;
  for (const participant of participantCandidates(query.participant)) {
    tried.push(participant);
    const outcome = await discoverParticipant(deps, { ...query, participant }, at);
    if (outcome.kind === "reachable") return withTried(participant, outcome, tried);
    if (!best || RANK[outcome.kind] < RANK[best.outcome.kind]) best = { participant, outcome };
  }
  return best ? withTried(best.participant, best.outcome, tried) : { kind: "not-registered", tried };
}

/**
 * The Peppol network as a {@link ParticipantDirectory}: SML over DNS, SMP over https, the Belgian 0208 then 9925
 * fallback, and a cache keyed by participant, document type and process (a hit makes no DNS query at all);
 * concurrent lookups of the same key share one.
 */
export function createPeppolParticipantDirectory(options: PeppolDirectoryOptions): ParticipantDirectory {
  const now = options.now ?? (() => new Date());
  const cache = new LookupCache<ParticipantLookup>({
    maxEntries: options.maxEntries ?? 10_000,
    now: () => now().getTime(),
  });
  // Lookups under way, so that a batch of invoices to one customer makes one lookup, not one each.
  const pending = new Map<string, Promise<ParticipantLookup>>();
  function keep(key: string, outcome: ParticipantLookup): ParticipantLookup {
    const ttl =
      outcome.kind === "reachable"
        ? options.positiveTtlMs
        : outcome.kind === "try-later"
          ? 0
          : options.negativeTtlMs;
    cache.set(key, outcome, ttl);
    return outcome;
  }
  return {
    lookup(query) {
      const key = JSON.stringify([query.participant.toLowerCase(), query.documentType, query.process]);
      const cached = cache.get(key);
      if (cached) return Promise.resolve(cached);
      const under = pending.get(key);
      if (under) return under;
      // .finally runs after this function returned, so the entry is always set before it is removed.
      const running = lookUp(options.deps, query, now())
        .then((outcome) => keep(key, outcome))
        .finally(() => pending.delete(key));
      pending.set(key, running);
      return running;
    },
  };
}

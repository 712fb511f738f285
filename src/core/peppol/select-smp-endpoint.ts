import { err, ok, type Result } from "../result.ts";
import type { SmpEndpoint, SmpServiceMetadata } from "./smp-metadata.ts";
import { PEPPOL_AS4_TRANSPORT } from "./smp-metadata.ts";

/** Why no endpoint fits. */
export type EndpointMiss = "redirect" | "no-process" | "no-transport" | "not-yet-active" | "expired";

/** Options of {@link selectSmpEndpoint}. */
export interface EndpointQuery {
  /** Process identifier value, e.g. {@link BIS_BILLING_PROCESS}. */
  readonly process: string;
  /** Default {@link PEPPOL_AS4_TRANSPORT}. */
  readonly transportProfile?: string;
  /** The moment of sending (passed in: no clock here). */
  readonly at: Date;
}

/**
 * The endpoint to send to: the one of the given process and transport profile whose activation and expiration
 * dates enclose `at`. A redirect must be followed first; otherwise the reason no endpoint fits is returned.
 */
export function selectSmpEndpoint(
  metadata: SmpServiceMetadata,
  query: EndpointQuery,
): Result<SmpEndpoint, EndpointMiss> {
  if (metadata.kind === "redirect") return err("redirect");
  const processes = metadata.processes.filter((p) => p.process.value === query.process);
  if (processes.length === 0) return err("no-process");
  const profile = query.transportProfile ?? PEPPOL_AS4_TRANSPORT;
  const endpoints = processes.flatMap((p) => p.endpoints).filter((e) => e.transportProfile === profile);
  if (endpoints.length === 0) return err("no-transport");
  const time = query.at.getTime();
  const started = endpoints.filter(
    (e) => e.serviceActivationDate === undefined || Date.parse(e.serviceActivationDate) <= time,
  );
  if (started.length === 0) return err("not-yet-active");
  const current = started.find(
    (e) => e.serviceExpirationDate === undefined || Date.parse(e.serviceExpirationDate) >= time,
  );
  return current ? ok(current) : err("expired");
}

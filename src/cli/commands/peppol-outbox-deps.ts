import { X509Certificate } from "node:crypto";
import type { Config } from "../../app/config.ts";
import type { PeppolSender } from "../../app/ports/peppol-sender.ts";
import type { PeppolWorkerDirectory } from "../../app/process-peppol-jobs.ts";
import { buildAs4UserMessage } from "../../documents/peppol/as4/build-as4-user-message.ts";
import { accessPointFromConfig } from "../../peppol/as4/access-point-from-config.ts";
import type { OwnAccessPoint } from "../../peppol/as4/own-access-point.ts";
import { sendAs4 } from "../../peppol/as4/send-as4.ts";
import { directoryFromConfig } from "../../peppol/discovery/directory-from-config.ts";
import {
  createPeppolParticipantDirectory,
  type PeppolDirectoryOptions,
} from "../../peppol/discovery/peppol-participant-directory.ts";

/** Sends as facteur's own access point: its seat signs, its AP CA judges the receipts. */
export function as4Sender(accessPoint: OwnAccessPoint, now?: () => Date): PeppolSender {
  const http = {
    timeoutMs: accessPoint.timeoutMs,
    ...(accessPoint.peerTlsCaPem === undefined ? {} : { extraCaPem: [accessPoint.peerTlsCaPem] }),
  };
  return {
    build: (request) => {
      let receiverCertificate: X509Certificate;
      try {
        receiverCertificate = new X509Certificate(request.endpoint.certificate.pem);
      } catch {
        return { ok: false, error: "the endpoint certificate from the SMP cannot be read" };
      }
      const built = buildAs4UserMessage({
        sbdh: request.sbdh,
        payload: request.payload,
        messageId: request.messageId,
        timestamp: (now ?? (() => new Date()))(),
        sender: accessPoint.seat,
        receiverCertificate,
      });
      return built.ok
        ? { ok: true, value: { contentType: built.value.contentType, body: built.value.body } }
        : built;
    },
    send: (request) =>
      sendAs4({
        ...request,
        seat: accessPoint.seat,
        trust: accessPoint.trust,
        http,
        ...(now === undefined ? {} : { now }),
      }),
  };
}

/**
 * Discovery as the worker uses it: a cached directory for first attempts, and one that keeps nothing for later
 * attempts (after a receiver said it no longer serves the participant, a cached endpoint would be wrong).
 */
export function workerDirectory(options: PeppolDirectoryOptions): PeppolWorkerDirectory {
  const cached = createPeppolParticipantDirectory(options);
  const fresh = createPeppolParticipantDirectory({ ...options, positiveTtlMs: 0, negativeTtlMs: 0 });
  return { lookup: (query, { fresh: again }) => (again ? fresh : cached).lookup(query) };
}

/** Discovery is configured once the trust anchors it checks answers against are given. */
export function discoveryConfigured(config: Config): boolean {
  return config.FACTEUR_PEPPOL_SMP_CA_FILE !== undefined || config.FACTEUR_PEPPOL_AP_CA_FILE !== undefined;
}

/** What a worker needs to send over Peppol, when the configuration has a working seat and discovery. */
export interface PeppolOutboxParts {
  readonly sender: PeppolSender;
  readonly directory: PeppolWorkerDirectory;
  readonly accessPoint: OwnAccessPoint;
}

/**
 * The Peppol side of `facteur worker` from the configuration, or the reasons it is off: the own access point
 * (`accessPointFromConfig`: seat, AP CA, limits) and discovery must both be configured and valid.
 */
export async function peppolOutboxParts(
  config: Config,
): Promise<
  | { readonly ok: true; readonly value: PeppolOutboxParts }
  | { readonly ok: false; readonly problems: string[] }
> {
  if (!discoveryConfigured(config))
    return { ok: false, problems: ["Peppol discovery is not configured (FACTEUR_PEPPOL_SMP_CA_FILE)"] };
  const [accessPoint, directory] = await Promise.all([
    accessPointFromConfig(config),
    directoryFromConfig(config),
  ]);
  if (!accessPoint.ok || !directory.ok)
    return {
      ok: false,
      problems: [...(accessPoint.ok ? [] : accessPoint.error), ...(directory.ok ? [] : directory.error)],
    };
  return {
    ok: true,
    value: {
      sender: as4Sender(accessPoint.value),
      directory: workerDirectory(directory.value),
      accessPoint: accessPoint.value,
    },
  };
}

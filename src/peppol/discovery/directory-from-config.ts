import { Resolver } from "node:dns/promises";
import { readFile } from "node:fs/promises";
import type { Config } from "../../app/config.ts";
import { parseDuration } from "../../core/delivery/duration.ts";
import { err, ok, type Result } from "../../core/result.ts";
import { readPemCertificates } from "../../documents/peppol/pki/read-pem-certificates.ts";
import type { PeppolDirectoryOptions } from "./peppol-participant-directory.ts";

async function readText(variable: string, path: string): Promise<Result<string, string>> {
  try {
    return ok(await readFile(path, "utf8"));
  } catch (error) {
    return err(`${variable}: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readCas(variable: string, path: string | undefined) {
  if (path === undefined)
    return err(`${variable} is not set: Peppol lookups need it (see \`facteur config\`)`);
  const text = await readText(variable, path);
  if (!text.ok) return text;
  const certificates = readPemCertificates(text.value);
  return certificates.ok ? certificates : err(`${variable}: ${path}: ${certificates.error}`);
}

function duration(variable: string, text: string): Result<number, string> {
  const parsed = parseDuration(text);
  return parsed.ok ? parsed : err(`${variable}: ${parsed.error}`);
}

/**
 * Builds the discovery options from the configuration: the SML zone, a node:dns Resolver (on the configured
 * servers, with the lookup timeout), the SMP and access point CAs, the optional CRL and TLS CAs, the cache
 * lifetimes. Every problem is reported at once.
 */
export async function directoryFromConfig(config: Config): Promise<Result<PeppolDirectoryOptions, string[]>> {
  const [smpCas, apCas] = await Promise.all([
    readCas("FACTEUR_PEPPOL_SMP_CA_FILE", config.FACTEUR_PEPPOL_SMP_CA_FILE),
    readCas("FACTEUR_PEPPOL_AP_CA_FILE", config.FACTEUR_PEPPOL_AP_CA_FILE),
  ]);
  const crlPath = config.FACTEUR_PEPPOL_AP_CRL_FILE;
  const crl = crlPath === undefined ? undefined : await readText("FACTEUR_PEPPOL_AP_CRL_FILE", crlPath);
  const tlsPath = config.FACTEUR_PEPPOL_SMP_TLS_CA_FILE;
  const tls = tlsPath === undefined ? undefined : await readText("FACTEUR_PEPPOL_SMP_TLS_CA_FILE", tlsPath);
  const timeout = duration("FACTEUR_PEPPOL_LOOKUP_TIMEOUT", config.FACTEUR_PEPPOL_LOOKUP_TIMEOUT);
  const positive = duration("FACTEUR_PEPPOL_LOOKUP_CACHE_TTL", config.FACTEUR_PEPPOL_LOOKUP_CACHE_TTL);
  const negative = duration("FACTEUR_PEPPOL_LOOKUP_NEGATIVE_TTL", config.FACTEUR_PEPPOL_LOOKUP_NEGATIVE_TTL);
  const results = [smpCas, apCas, crl, tls, timeout, positive, negative];
  const problems = results.flatMap((r) => (r && !r.ok ? [r.error] : []));
  if (!smpCas.ok || !apCas.ok || !timeout.ok || !positive.ok || !negative.ok || problems.length > 0)
    return err(problems);
  const resolver = new Resolver({ timeout: timeout.value, tries: 2 });
  const servers = config.FACTEUR_PEPPOL_DNS_SERVERS?.split(",").map((s) => s.trim());
  if (servers) {
    try {
      resolver.setServers(servers);
    } catch (error) {
      return err([`FACTEUR_PEPPOL_DNS_SERVERS: ${error instanceof Error ? error.message : String(error)}`]);
    }
  }
  return ok({
    deps: {
      resolver,
      zone: config.FACTEUR_PEPPOL_SML_ZONE,
      http: { timeoutMs: timeout.value, ...(tls?.ok ? { extraCaPem: [tls.value] } : {}) },
      smpCas: smpCas.value,
      endpointTrust: { apCas: apCas.value, ...(crl?.ok ? { apCrl: crl.value } : {}) },
    },
    positiveTtlMs: positive.value,
    negativeTtlMs: negative.value,
  });
}

import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Config } from "../../app/config.ts";
import { parseParticipantList } from "../../app/participant-list.ts";
import { parseDuration } from "../../core/delivery/duration.ts";
import { serviceProviderParticipant } from "../../core/peppol/service-provider-id.ts";
import { err, ok, type Result } from "../../core/result.ts";
import { seatIdOf } from "../../documents/peppol/as4/seat-id.ts";
import { checkCertificateTrust } from "../../documents/peppol/pki/check-certificate-trust.ts";
import { readPemCertificates } from "../../documents/peppol/pki/read-pem-certificates.ts";
import type { AccessPointTrust, OwnAccessPoint } from "./own-access-point.ts";
import { readPkcs12 } from "./read-pkcs12.ts";

type Read<T> = Result<T, string>;

async function readBytes(variable: string, path: string): Promise<Read<Buffer>> {
  try {
    return ok(await readFile(path));
  } catch (error) {
    return err(`${variable}: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readText(variable: string, path: string | undefined): Promise<Read<string> | undefined> {
  if (path === undefined) return undefined;
  const bytes = await readBytes(variable, path);
  return bytes.ok ? ok(bytes.value.toString("utf8")) : bytes;
}

function keyOf(variable: string, pem: string): Read<KeyObject> {
  try {
    return ok(createPrivateKey(pem));
  } catch (error) {
    // The node:crypto message names the decoder, never the key material.
    return err(
      `${variable}: not a readable unencrypted private key (${error instanceof Error ? error.message : ""})`,
    );
  }
}

/** The seat's key and certificate, from the two PEM files or from the PKCS#12 file. */
async function readSeat(config: Config): Promise<Read<{ key: KeyObject; certificates: X509Certificate[] }>> {
  const { FACTEUR_PEPPOL_AP_CERT_FILE: certFile, FACTEUR_PEPPOL_AP_KEY_FILE: keyFile } = config;
  const p12File = config.FACTEUR_PEPPOL_AP_P12_FILE;
  if (p12File !== undefined) {
    if (certFile !== undefined || keyFile !== undefined)
      return err(
        "FACTEUR_PEPPOL_AP_P12_FILE: set it or the PEM files FACTEUR_PEPPOL_AP_CERT_FILE and _KEY_FILE, not both",
      );
    const der = await readBytes("FACTEUR_PEPPOL_AP_P12_FILE", p12File);
    if (!der.ok) return der;
    const contents = readPkcs12(der.value, config.FACTEUR_PEPPOL_AP_P12_PASSWORD ?? "");
    if (!contents.ok) return err(`FACTEUR_PEPPOL_AP_P12_FILE: ${p12File} ${contents.error}`);
    const key = keyOf("FACTEUR_PEPPOL_AP_P12_FILE", contents.value.privateKeyPem);
    if (!key.ok) return key;
    try {
      return ok({
        key: key.value,
        certificates: contents.value.certificates.map((der) => new X509Certificate(der)),
      });
    } catch (error) {
      return err(`FACTEUR_PEPPOL_AP_P12_FILE: a certificate cannot be read: ${String(error)}`);
    }
  }
  if (certFile === undefined || keyFile === undefined)
    return err(
      "FACTEUR_PEPPOL_AP_CERT_FILE and FACTEUR_PEPPOL_AP_KEY_FILE (or FACTEUR_PEPPOL_AP_P12_FILE) must be set to send or receive over Peppol",
    );
  const [certText, keyText] = await Promise.all([
    readText("FACTEUR_PEPPOL_AP_CERT_FILE", certFile),
    readText("FACTEUR_PEPPOL_AP_KEY_FILE", keyFile),
  ]);
  if (!certText?.ok || !keyText?.ok)
    return err([certText, keyText].flatMap((r) => (r && !r.ok ? [r.error] : [])).join("; "));
  const certificates = readPemCertificates(certText.value);
  if (!certificates.ok) return err(`FACTEUR_PEPPOL_AP_CERT_FILE: ${certFile}: ${certificates.error}`);
  const key = keyOf("FACTEUR_PEPPOL_AP_KEY_FILE", keyText.value);
  return key.ok ? ok({ key: key.value, certificates: certificates.value }) : key;
}

function publicDer(key: KeyObject): Buffer {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  return publicKey.export({ type: "spki", format: "der" });
}

/** The certificate of `certificates` whose public key is the key's (a bundle may carry the CA chain too). */
function matchingCertificate(
  key: KeyObject,
  certificates: readonly X509Certificate[],
): X509Certificate | undefined {
  const spki = publicDer(key);
  return certificates.find((certificate) => publicDer(certificate.publicKey).equals(spki));
}

const oneLine = (name: string) => name.replace(/\n/g, ", ");

/**
 * Why the seat certificate is refused at start-up. A seat from another Peppol network (test or production) than the
 * AP CA configured is the usual mistake, and the chain check alone would only say "unknown issuer".
 */
function seatTrustProblem(
  certificate: X509Certificate,
  cas: readonly X509Certificate[],
  why: string,
): string {
  if (cas.some((ca) => certificate.checkIssued(ca))) return `the seat certificate: ${why}`;
  return (
    `the seat certificate (FACTEUR_PEPPOL_AP_CERT_FILE, issued by ${oneLine(certificate.issuer)}) is not issued by ` +
    `the AP CA of FACTEUR_PEPPOL_AP_CA_FILE (${cas.map((ca) => oneLine(ca.subject)).join("; ")}): configure the ` +
    `AP CA of the Peppol network the seat belongs to (test and production have different ones) (${why})`
  );
}

function duration(variable: string, text: string): Read<number> {
  const parsed = parseDuration(text);
  return parsed.ok ? parsed : err(`${variable}: ${parsed.error}`);
}

/**
 * Reads and checks facteur's own access point from the configuration: the seat key and certificate (PEM files or
 * PKCS#12), that the key is the certificate's, that the certificate chains to the AP CA (FACTEUR_PEPPOL_AP_CA_FILE)
 * now and is not on its CRL, the participants served (FACTEUR_PEPPOL_PARTICIPANTS, else the seller's id), the
 * receiver's https identity, listen address and limits. Every problem is reported at once; no message ever contains
 * key material or the PKCS#12 password.
 */
export async function accessPointFromConfig(
  config: Config,
  now = new Date(),
): Promise<Result<OwnAccessPoint, string[]>> {
  const problems: string[] = [];
  const keep = <T>(result: Read<T> | undefined): T | undefined => {
    if (result && !result.ok) problems.push(result.error);
    return result?.ok ? result.value : undefined;
  };
  const seat = keep(await readSeat(config));
  const caText = keep(
    config.FACTEUR_PEPPOL_AP_CA_FILE === undefined
      ? err(
          "FACTEUR_PEPPOL_AP_CA_FILE must be set: every peer's seat certificate is checked against the AP CA",
        )
      : await readText("FACTEUR_PEPPOL_AP_CA_FILE", config.FACTEUR_PEPPOL_AP_CA_FILE),
  );
  const cas = caText === undefined ? undefined : keep(readPemCertificates(caText));
  const crl = keep(await readText("FACTEUR_PEPPOL_AP_CRL_FILE", config.FACTEUR_PEPPOL_AP_CRL_FILE));
  const tlsCert = keep(await readText("FACTEUR_PEPPOL_TLS_CERT_FILE", config.FACTEUR_PEPPOL_TLS_CERT_FILE));
  const tlsKey = keep(await readText("FACTEUR_PEPPOL_TLS_KEY_FILE", config.FACTEUR_PEPPOL_TLS_KEY_FILE));
  if ((tlsCert === undefined) !== (tlsKey === undefined))
    problems.push("FACTEUR_PEPPOL_TLS_CERT_FILE and FACTEUR_PEPPOL_TLS_KEY_FILE go together");
  if (tlsKey !== undefined) keep(keyOf("FACTEUR_PEPPOL_TLS_KEY_FILE", tlsKey));
  const peerTlsCaPem = keep(
    await readText("FACTEUR_PEPPOL_AP_TLS_CA_FILE", config.FACTEUR_PEPPOL_AP_TLS_CA_FILE),
  );
  const timeoutMs = keep(duration("FACTEUR_PEPPOL_AS4_TIMEOUT", config.FACTEUR_PEPPOL_AS4_TIMEOUT));
  const [host = "", port = ""] = config.FACTEUR_PEPPOL_LISTEN.split(/:(?=\d+$)/);
  const served =
    config.FACTEUR_PEPPOL_PARTICIPANTS === undefined
      ? parseParticipantList("FACTEUR_SELLER_PEPPOL_ID", config.FACTEUR_SELLER_PEPPOL_ID)
      : parseParticipantList("FACTEUR_PEPPOL_PARTICIPANTS", config.FACTEUR_PEPPOL_PARTICIPANTS);
  if (!served.ok) problems.push(...served.error);
  const certificate = seat ? matchingCertificate(seat.key, seat.certificates) : undefined;
  if (seat && !certificate)
    problems.push("FACTEUR_PEPPOL_AP_KEY_FILE: the private key is not the seat certificate's key");
  const seatId = certificate ? seatIdOf(certificate) : undefined;
  if (certificate && seatId === undefined) problems.push("the seat certificate has no CN (the seat id)");
  let trust: AccessPointTrust | undefined;
  if (cas) {
    const issuer = crl === undefined ? undefined : (cas.find((ca) => certificate?.checkIssued(ca)) ?? cas[0]);
    trust = {
      trustAnchors: cas,
      ...(crl !== undefined && issuer ? { crls: [{ crl, issuer }] } : {}),
    };
    if (certificate) {
      const trusted = await checkCertificateTrust(certificate, { ...trust, at: now });
      if (!trusted.ok) problems.push(seatTrustProblem(certificate, cas, trusted.error));
    }
  }
  if (
    problems.length > 0 ||
    !seat ||
    !certificate ||
    !seatId ||
    !trust ||
    timeoutMs === undefined ||
    !served.ok
  )
    return err(problems);
  const spid = serviceProviderParticipant(seatId);
  return ok({
    seat: { privateKey: seat.key, certificate },
    seatId,
    trust,
    // Our own service provider id too: Message Level Statuses about what we sent are addressed to it.
    participants: [...served.value, ...(spid === undefined ? [] : [spid])],
    endpointUrl: config.FACTEUR_PEPPOL_ENDPOINT_URL,
    listen: { host, port: Number(port) },
    tls:
      tlsCert !== undefined && tlsKey !== undefined ? { keyPem: tlsKey, certificatePem: tlsCert } : undefined,
    peerTlsCaPem,
    timeoutMs,
    maxMessageBytes: config.FACTEUR_PEPPOL_MAX_MESSAGE_BYTES,
  });
}

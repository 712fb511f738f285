import { createPrivateKey, X509Certificate } from "node:crypto";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { signXmlEnveloped } from "../../../src/documents/peppol/xmldsig/sign-xml.ts";
import {
  redirectXml,
  serviceGroupXml,
  signedServiceMetadataXml,
  type TestSmpService,
} from "./smp-documents.ts";
import { testTlsCertificate } from "./test-tls-certificate.ts";

export type { TestSmpService } from "./smp-documents.ts";

/** How the SMP signs a participant's answers: properly, or with the signed content altered afterwards. */
export type TestSignature = "good" | "tampered";

/** A participant as the test SMP publishes it. */
export interface TestSmpParticipant {
  /** `ICD:value`, e.g. 0208:0123456749. */
  readonly participant: string;
  readonly services: readonly TestSmpService[];
  /** Default "good". */
  readonly signature?: TestSignature;
  /** Answer with a Redirect to the same resource at this SMP base URL, naming the signer to expect there. */
  readonly redirect?: { readonly to: string; readonly certificateUid: string };
  /** Put this participant id in the signed answers instead (a valid answer replayed for someone else). */
  readonly answerAs?: string;
}

/** The SMP's signing key and certificate (from the test PKI's `smp` entry). */
export interface SmpSigningKey {
  readonly privateKeyPem: string;
  readonly certificatePem: string;
}

/** A loopback https SMP; see {@link startTestSmpServer}. */
export interface TestSmpServer {
  /** `https://127.0.0.1:port`. */
  readonly url: string;
  /** The CA (PEM) to trust for its https certificate (FACTEUR_PEPPOL_SMP_TLS_CA_FILE). */
  readonly tlsCaPem: string;
  publish(participant: TestSmpParticipant): void;
  /** Answers every request with this HTTP status (e.g. 503) until called with undefined. */
  fail(status: number | undefined): void;
  /** Every request path, in order. */
  readonly requests: string[];
  /** TLS connections accepted so far (requests over a reused connection do not add any). */
  tlsConnections(): number;
  close(): Promise<void>;
}

const PARTICIPANT_PREFIX = "iso6523-actorid-upis::";
const DOCUMENT_PREFIX = "busdox-docid-qns::";

function sign(xml: string, key: SmpSigningKey, signature: TestSignature): Buffer {
  const signer = {
    privateKey: createPrivateKey(key.privateKeyPem),
    certificate: new X509Certificate(key.certificatePem),
  };
  const signed = signXmlEnveloped(xml, signer);
  if (!signed.ok) throw new Error(`the test SMP cannot sign: ${signed.error}`);
  if (signature === "good") return signed.value;
  // Redirect the endpoint after signing: exactly the forgery the signature check is there to catch.
  return Buffer.from(
    signed.value.toString("utf8").replace("<wsa:Address>https://", "<wsa:Address>https://evil."),
  );
}

/**
 * Starts an SMP 1.x REST server on 127.0.0.1 (random port, https with a self-signed certificate for 127.0.0.1):
 * `GET /{iso6523-actorid-upis::id}` gives the ServiceGroup, `GET /{id}/services/{busdox-docid-qns::type}` the
 * SignedServiceMetadata, signed with the given key (or tampered with, per participant); unknown participants and
 * document types 404, and {@link TestSmpServer.fail} makes every answer an error status.
 */
export async function startTestSmpServer(key: SmpSigningKey): Promise<TestSmpServer> {
  const tls = testTlsCertificate();
  const participants = new Map<string, TestSmpParticipant>();
  const requests: string[] = [];
  let failure: number | undefined;
  let base = "";

  const server: Server = createServer({ key: tls.keyPem, cert: tls.certificatePem }, (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    requests.push(path);
    const reply = (status: number, body?: Buffer | string) => {
      res.writeHead(status, { "content-type": "text/xml; charset=utf-8" });
      res.end(body);
    };
    if (failure !== undefined) return reply(failure, "failure on demand");
    const segments = path.split("/").filter((s) => s !== "");
    const [id, services, type] = segments.map((s) => decodeURIComponent(s));
    const entry = id?.toLowerCase().startsWith(PARTICIPANT_PREFIX)
      ? participants.get(id.slice(PARTICIPANT_PREFIX.length).toLowerCase())
      : undefined;
    if (!entry || req.method !== "GET") return reply(404);
    if (segments.length === 1) {
      const hrefs = entry.services.map(
        (s) =>
          `${base}/${encodeURIComponent(`${PARTICIPANT_PREFIX}${entry.participant}`)}/services/${encodeURIComponent(`${DOCUMENT_PREFIX}${s.documentType}`)}`,
      );
      return reply(200, serviceGroupXml(entry.participant, hrefs));
    }
    const service =
      segments.length === 3 && services === "services" && type?.startsWith(DOCUMENT_PREFIX)
        ? entry.services.find((s) => s.documentType === type.slice(DOCUMENT_PREFIX.length))
        : undefined;
    if (!service) return reply(404);
    const xml = entry.redirect
      ? redirectXml(`${entry.redirect.to}${path}`, entry.redirect.certificateUid)
      : signedServiceMetadataXml(entry.answerAs ?? entry.participant, service);
    return reply(200, sign(xml, key, entry.signature ?? "good"));
  });
  let tlsConnections = 0;
  server.on("secureConnection", () => {
    tlsConnections++;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    tlsCaPem: tls.certificatePem,
    publish: (participant) => participants.set(participant.participant.toLowerCase(), participant),
    fail: (status) => {
      failure = status;
    },
    requests,
    tlsConnections: () => tlsConnections,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import type { As4Seat } from "../../documents/peppol/as4/build-as4-user-message.ts";
import type { CertificateTrust } from "../../documents/peppol/pki/check-certificate-trust.ts";

/** The trust other access points are judged by, without the moment (each message is checked at its own). */
export type AccessPointTrust = Omit<CertificateTrust, "at">;

/** facteur's own Peppol access point, read from the configuration by {@link accessPointFromConfig}. */
export interface OwnAccessPoint {
  /** The seat certificate and its private key: signs what we send, decrypts what we receive. */
  readonly seat: As4Seat;
  /** The seat id (certificate CN), e.g. POP000123. */
  readonly seatId: string;
  /** The AP CA(s) and CRL every peer's certificate must chain to and not be listed on. */
  readonly trust: AccessPointTrust;
  /** The participants this access point receives for (NOT_SERVICED for others). */
  readonly participants: readonly string[];
  /** The public https URL of the receiver, when configured. */
  readonly endpointUrl: string | undefined;
  readonly listen: { readonly host: string; readonly port: number };
  /** The receiver's https key and certificate chain (PEM), when configured. */
  readonly tls: { readonly keyPem: string; readonly certificatePem: string } | undefined;
  /** Extra CAs trusted for other access points' https certificates (PEM), besides the system's. */
  readonly peerTlsCaPem: string | undefined;
  /** Longest wait for one AS4 exchange, and the largest message read. */
  readonly timeoutMs: number;
  readonly maxMessageBytes: number;
}

import { z } from "zod";
import type { InputIssue } from "../core/errors/app-error.ts";
import { err, ok, type Result } from "../core/result.ts";
import { participantListProblems } from "./participant-list.ts";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/**
 * Every environment variable facteur reads, with its meaning. Parsed once at start by the entry point; nothing else
 * reads the environment. Defaults give the embedded setup: SQLite under ./data/.
 */
export const configSchema = z.object({
  FACTEUR_DATA_DIR: z
    .string()
    .default("./data")
    .describe("Folder for the embedded database, archive and outputs."),
  DATABASE_URL: optionalText.describe(
    "PostgreSQL URL (postgres://user@host:5432/db) for several workers; unset means SQLite in FACTEUR_DATA_DIR.",
  ),
  FACTEUR_SELLER_NAME: z.string().default("Demo Company SRL").describe("Seller legal name (BT-27)."),
  FACTEUR_SELLER_ENTERPRISE_NUMBER: z
    .string()
    .default("0123456749")
    .describe("Seller Belgian enterprise number (KBO/BCE), BT-30 with scheme 0208."),
  FACTEUR_SELLER_VAT: z.string().default("BE0123456749").describe("Seller VAT number (BT-31)."),
  FACTEUR_SELLER_PEPPOL_ID: z
    .string()
    .default("0208:0123456749")
    .describe("Seller Peppol participant id (BT-34)."),
  FACTEUR_SELLER_STREET: z.string().default("Rue de la Loi 16").describe("Seller street (BT-35)."),
  FACTEUR_SELLER_CITY: z.string().default("Bruxelles").describe("Seller city (BT-37)."),
  FACTEUR_SELLER_POSTAL_CODE: z.string().default("1000").describe("Seller postal code (BT-38)."),
  FACTEUR_SELLER_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code such as BE")
    .default("BE")
    .describe("Seller country (BT-40)."),
  FACTEUR_SELLER_IBAN: z.string().default("BE68539007547034").describe("Account for payments (BT-84)."),
  FACTEUR_SELLER_BIC: optionalText.describe("BIC of that account (BT-86)."),
  FACTEUR_SELLER_EMAIL: z
    .string()
    .default("billing@demo-company.test")
    .describe("Billing contact e-mail (BT-43)."),
  FACTEUR_INVOICE_PREFIX: z.string().default("INV-").describe("Prefix of invoice numbers facteur assigns."),
  FACTEUR_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info").describe("Log verbosity."),
  FACTEUR_SMTP_URL: optionalText.describe(
    "Relay that takes outgoing invoices: smtp://host:587 (STARTTLS when offered), smtps://host:465, with user:password@ when it needs a login. Unset (a Peppol-only setup): only Peppol deliveries are made, and `send` and `worker` refuse e-mail ones, naming the settings to set.",
  ),
  FACTEUR_RETRY_DELAYS: z
    .string()
    .regex(/^\s*(\d+[smhd](\s*,\s*\d+[smhd])*)?\s*$/, "a comma-separated list of durations such as 1m,5m,1h")
    .default("1m,5m,15m,30m,1h,2h,4h")
    .describe("Waits before retrying a deferred delivery, after the 1st, 2nd, ... failed attempt."),
  FACTEUR_RETRY_EVERY: z
    .string()
    .regex(/^\d+[smhd]$/, "a duration such as 4h")
    .default("4h")
    .describe("Wait between retries once FACTEUR_RETRY_DELAYS is used up."),
  FACTEUR_RETRY_GIVE_UP: z
    .string()
    .regex(/^\d+[smhd]$/, "a duration such as 3d")
    .default("3d")
    .describe("A delivery still deferred this long after its first attempt expires."),
  FACTEUR_WORKER_LEASE: z
    .string()
    .regex(/^\d+[smhd]$/, "a duration such as 5m")
    .default("5m")
    .describe(
      "How long a worker holds a job before another may take it over; keep it above the SMTP timeouts.",
    ),
  FACTEUR_WORKER_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(2)
    .describe("Batches of jobs one worker process runs at once."),
  FACTEUR_WORKER_BATCH: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(32)
    .describe("Jobs a worker claims and records together."),
  FACTEUR_WORKER_LANES: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(1)
    .describe(
      "Submissions one worker process makes at once. 1 bounds the duplicates a crash can cause to one message; n allows up to n. Run more workers to go faster without that cost.",
    ),
  FACTEUR_WORKER_MAX_CRASHES: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe("A job that crashes this many times in a row is parked for an operator."),
  FACTEUR_ARCHIVE_DIR: optionalText.describe(
    "Folder of the message archive (the exact bytes of every message sent); default FACTEUR_DATA_DIR/archive.",
  ),
  FACTEUR_ARCHIVE_RETENTION_YEARS: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(10)
    .describe("Years each archived message is kept."),
  FACTEUR_DKIM_DOMAIN: optionalText.describe(
    "DKIM signing domain (d=): the From domain or its parent, so DMARC sees an aligned signature; unset sends unsigned.",
  ),
  FACTEUR_DKIM_SELECTOR: optionalText.describe(
    "DKIM selector (s=): the key is published at <selector>._domainkey.<domain>.",
  ),
  FACTEUR_DKIM_KEY_FILE: optionalText.describe(
    "PEM file of the DKIM private key (`facteur dkim keygen` makes one and prints the DNS record to publish).",
  ),
  FACTEUR_BOUNCE_DOMAIN: optionalText.describe(
    "Domain of the VERP return paths (bounces+TOKEN@domain): its mail must reach the bounce mailbox (FACTEUR_BOUNCE_IMAP_URL) or `facteur bounces smtp`.",
  ),
  FACTEUR_VERP_SECRET: optionalText
    .refine((v) => v === undefined || Buffer.byteLength(v, "utf8") >= 16, "at least 16 bytes")
    .describe(
      "HMAC secret of the VERP tokens that tie a bounce to its delivery (at least 16 bytes; keep it secret).",
    ),
  FACTEUR_VERP_PREVIOUS_SECRETS: optionalText.describe(
    "Comma-separated earlier VERP secrets, still accepted on bounces while a secret is rotated (a bounce can come days later).",
  ),
  FACTEUR_BOUNCE_IMAP_URL: optionalText.describe(
    "Bounce mailbox: imap://user:password@host:143 (STARTTLS when offered) or imaps://user:password@host:993.",
  ),
  FACTEUR_BOUNCE_IMAP_MAILBOX: z
    .string()
    .default("INBOX")
    .describe("Folder of the bounce mailbox that receives bounces."),
  FACTEUR_BOUNCE_IMAP_POLL: z
    .string()
    .regex(/^\d+[smhd]$/, "a duration such as 60s")
    .default("60s")
    .describe(
      "How often the bounce mailbox is checked when the server offers no IDLE (and how long one IDLE lasts).",
    ),
  FACTEUR_BOUNCE_SMTP_LISTEN: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, "host:port, such as 127.0.0.1:2525")
    .default("127.0.0.1:2525")
    .describe("Where `facteur bounces smtp` listens for the bounce domain's mail (host:port)."),
  FACTEUR_BOUNCE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(65_536)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024)
    .describe(
      "Largest bounce read and archived; larger ones are refused by SMTP (552) and cut to this size from IMAP.",
    ),
  FACTEUR_BOUNCE_SOFT_RETRY: z
    .string()
    .regex(/^(off|\d+[smhd])$/, "off, or a duration such as 6h")
    .default("6h")
    .describe(
      "After a soft bounce (mailbox full, ...) of an accepted message, send it again after this long; off: only record it.",
    ),
  FACTEUR_BOUNCE_SOFT_RETRY_MAX: z.coerce
    .number()
    .int()
    .min(0)
    .max(10)
    .default(2)
    .describe("Sends again after soft bounces at most this many times, then the delivery counts as bounced."),
  FACTEUR_BOUNCE_TRY_OTHERS: z
    .enum(["on", "off"])
    .default("off")
    .describe(
      "on: when an invoice's main message bounces for good, send it at once to the customer's other main recipients (active persons once the invoice mailbox is suspended).",
    ),
  FACTEUR_PEPPOL_SML_ZONE: z
    .string()
    .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i, "a DNS zone such as edelivery.tech.ec.europa.eu")
    .default("edelivery.tech.ec.europa.eu")
    .describe(
      "DNS zone of the Peppol SML where participants are looked up: edelivery.tech.ec.europa.eu (production) or acc.edelivery.tech.ec.europa.eu (test).",
    ),
  FACTEUR_PEPPOL_DNS_SERVERS: optionalText
    .refine(
      (v) => v === undefined || v.split(",").every((s) => /^\s*[^\s,]+\s*$/.test(s)),
      "a comma-separated list of host or host:port",
    )
    .describe(
      "DNS servers for Peppol lookups (comma-separated IP or IP:port); unset uses the system's resolvers.",
    ),
  FACTEUR_PEPPOL_SMP_CA_FILE: optionalText.describe(
    "PEM file of the Peppol SMP CA certificate(s): an SMP answer counts only when signed by a certificate they issued. Needed by `facteur peppol lookup`.",
  ),
  FACTEUR_PEPPOL_SMP_TLS_CA_FILE: optionalText.describe(
    "PEM file of extra CA certificates trusted for the SMPs' https certificates, besides the system's (for test networks).",
  ),
  FACTEUR_PEPPOL_AP_CA_FILE: optionalText.describe(
    "PEM file of the Peppol access point CA certificate(s): an endpoint counts only when its certificate chains to one. Needed by `facteur peppol lookup`.",
  ),
  FACTEUR_PEPPOL_AP_CRL_FILE: optionalText.describe(
    "PEM or DER file of the access point CA's current CRL; when set, an endpoint whose certificate it lists is refused.",
  ),
  FACTEUR_PEPPOL_LOOKUP_TIMEOUT: z
    .string()
    .regex(/^\d+[smhd]$/, "a duration such as 10s")
    .default("10s")
    .describe("Longest wait for one DNS answer or one SMP response during a Peppol lookup."),
  FACTEUR_PEPPOL_LOOKUP_CACHE_TTL: z
    .string()
    .regex(/^\d+[smhd]$/, "a duration such as 1h")
    .default("1h")
    .describe("How long a found Peppol endpoint is reused without looking the participant up again."),
  FACTEUR_PEPPOL_LOOKUP_NEGATIVE_TTL: z
    .string()
    .regex(/^\d+[smhd]$/, "a duration such as 5m")
    .default("5m")
    .describe(
      "How long a negative Peppol lookup (not registered, document type not supported, refused) is reused; failures to reach the network are never reused.",
    ),
  FACTEUR_PEPPOL_AP_CERT_FILE: optionalText.describe(
    "PEM file of this access point's own seat certificate (issued by the Peppol AP CA); with FACTEUR_PEPPOL_AP_KEY_FILE, or use FACTEUR_PEPPOL_AP_P12_FILE. Needed to send or receive over Peppol AS4.",
  ),
  FACTEUR_PEPPOL_AP_KEY_FILE: optionalText.describe(
    "PEM file of the private key of the seat certificate (PKCS#8 or PKCS#1, unencrypted; keep it readable by facteur only).",
  ),
  FACTEUR_PEPPOL_AP_P12_FILE: optionalText.describe(
    "PKCS#12 file (.p12/.pfx) holding the seat certificate and its key, instead of the two PEM files.",
  ),
  FACTEUR_PEPPOL_AP_P12_PASSWORD: z
    .string()
    .optional()
    .describe("Password of FACTEUR_PEPPOL_AP_P12_FILE (never printed)."),
  FACTEUR_PEPPOL_ENDPOINT_URL: optionalText
    .refine((v) => v === undefined || /^https:\/\/[^\s/]+(\/\S*)?$/.test(v), "an https:// URL")
    .describe(
      "Public https URL of this access point's AS4 receiver, as registered at the SMP (what `facteur peppol serve` answers behind).",
    ),
  FACTEUR_PEPPOL_PARTICIPANTS: optionalText
    .superRefine((value, ctx) => {
      for (const problem of participantListProblems(value ?? ""))
        ctx.addIssue({ code: "custom", message: problem });
    })
    .describe(
      "Peppol participant ids the AS4 receiver serves, comma-separated (0208:0123456749,9925:be0123456749); a message for any other is refused with PEPPOL:NOT_SERVICED. Unset: FACTEUR_SELLER_PEPPOL_ID. The seat's own service provider id (0242) is served besides, for Message Level Statuses.",
    ),
  FACTEUR_PEPPOL_LISTEN: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, "host:port, such as 127.0.0.1:8443")
    .default("127.0.0.1:8443")
    .describe("Where `facteur peppol serve` listens for AS4 messages over https (host:port)."),
  FACTEUR_PEPPOL_TLS_CERT_FILE: optionalText.describe(
    "PEM file of the https certificate (and chain) of the AS4 receiver: a public CA's, as the Peppol network expects.",
  ),
  FACTEUR_PEPPOL_TLS_KEY_FILE: optionalText.describe(
    "PEM file of the https private key of the AS4 receiver.",
  ),
  FACTEUR_PEPPOL_AP_TLS_CA_FILE: optionalText.describe(
    "PEM file of extra CA certificates trusted for other access points' https certificates, besides the system's (for test networks).",
  ),
  FACTEUR_PEPPOL_AS4_TIMEOUT: z
    .string()
    .regex(/^\d+[smhd]$/, "a duration such as 60s")
    .default("60s")
    .describe("Longest wait for another access point to answer one AS4 message (connection and receipt)."),
  FACTEUR_PEPPOL_SHUTDOWN_GRACE: z
    .string()
    .regex(/^\d+[smhd]$/, "a duration such as 60s")
    .default("60s")
    .describe(
      "How long `peppol serve`, once told to stop, lets the AS4 requests in flight finish (each answered and recorded) before cutting them.",
    ),
  FACTEUR_PEPPOL_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(65_536)
    .max(1024 * 1024 * 1024)
    .default(110 * 1024 * 1024)
    .describe(
      "Largest AS4 message the receiver reads (and largest answer the sender reads back is far smaller); Peppol documents reach 100 MB.",
    ),
});

/** The parsed, frozen configuration. */
export type Config = Readonly<z.infer<typeof configSchema>>;

/**
 * Parses the environment into a frozen {@link Config}, reporting every problem at once.
 * @param env usually `process.env`, passed by the entry point.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Result<Config, InputIssue[]> {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    return err(
      parsed.error.issues.map((issue) => ({
        source: "env",
        field: issue.path.join("."),
        message: issue.message,
      })),
    );
  }
  return ok(Object.freeze(parsed.data));
}

/** One line per variable with its description, for `facteur config`. */
export function describeConfig(): string[] {
  return Object.entries(configSchema.shape).map(([name, schema]) => `${name}: ${schema.description ?? ""}`);
}

import { z } from "zod";
import type { InputIssue } from "../core/errors/app-error.ts";
import { err, ok, type Result } from "../core/result.ts";

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

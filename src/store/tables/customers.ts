import type { IntegerColumn } from "./integer-column.ts";

/** Row of `customers`: one customer, keyed by the ERP's customer number. */
export interface CustomersTable {
  /** The ERP's customer code: the natural key. */
  number: string;
  legal_name: string;
  /** KBO/BCE number, 10 digits. */
  enterprise_number: string | null;
  vat_number: string | null;
  /** Peppol participant id as `scheme:value`. */
  peppol_id: string | null;
  /** `fr`, `nl`, `de` or `en`. */
  language: string;
  street: string | null;
  additional_street: string | null;
  city: string | null;
  postal_code: string | null;
  country_subdivision: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** `email`, `peppol` or `paper`. */
  preferred_channel: string;
  payment_terms_days: IntegerColumn;
  /** ISO-8601 UTC instant, e.g. `2026-01-31T09:15:00.000Z`. */
  created_at: string;
  /** ISO-8601 UTC instant of the last change. */
  updated_at: string;
}

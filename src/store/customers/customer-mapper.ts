import type { Insertable, Selectable } from "kysely";
import type { Channel, Customer } from "../../core/customer/customer.ts";
import { LANGUAGES } from "../../core/language.ts";
import { fromDbCode, toDbInstant, toSafeNumber } from "../db-values.ts";
import type { CustomersTable } from "../tables/customers.ts";

const CHANNELS: readonly Channel[] = ["email", "peppol", "paper"];

/** A `customers` row as the domain's Customer. */
export function customerFromRow(row: Selectable<CustomersTable>): Customer {
  return {
    number: row.number,
    legalName: row.legal_name,
    enterpriseNumber: row.enterprise_number,
    vatNumber: row.vat_number,
    peppolId: row.peppol_id,
    language: fromDbCode(row.language, LANGUAGES, "customers.language"),
    address: {
      street: row.street,
      additionalStreet: row.additional_street,
      city: row.city,
      postalCode: row.postal_code,
      countrySubdivision: row.country_subdivision,
      country: row.country,
    },
    preferredChannel: fromDbCode(row.preferred_channel, CHANNELS, "customers.preferred_channel"),
    paymentTermsDays: toSafeNumber(row.payment_terms_days, "customers.payment_terms_days"),
  };
}

/** The columns a Customer fills, without the timestamps. */
export function customerToColumns(
  customer: Customer,
): Omit<Insertable<CustomersTable>, "created_at" | "updated_at"> {
  return {
    number: customer.number,
    legal_name: customer.legalName,
    enterprise_number: customer.enterpriseNumber,
    vat_number: customer.vatNumber,
    peppol_id: customer.peppolId,
    language: customer.language,
    street: customer.address.street,
    additional_street: customer.address.additionalStreet,
    city: customer.address.city,
    postal_code: customer.address.postalCode,
    country_subdivision: customer.address.countrySubdivision,
    country: customer.address.country,
    preferred_channel: customer.preferredChannel,
    payment_terms_days: customer.paymentTermsDays,
  };
}

/** A new `customers` row for `customer`, created at `at`. */
export function customerToRow(customer: Customer, at: Date): Insertable<CustomersTable> {
  const instant = toDbInstant(at);
  return { ...customerToColumns(customer), created_at: instant, updated_at: instant };
}

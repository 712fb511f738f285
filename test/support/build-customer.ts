import type { Customer } from "../../src/core/customer/customer.ts";

/** A Belgian, French-speaking customer that prefers e-mail, with no identifiers unless `overrides` give them. */
export function buildCustomer(number: string, overrides: Partial<Customer> = {}): Customer {
  return {
    number,
    legalName: `Customer ${number}`,
    enterpriseNumber: null,
    vatNumber: null,
    peppolId: null,
    language: "fr",
    address: {
      street: null,
      additionalStreet: null,
      city: null,
      postalCode: null,
      countrySubdivision: null,
      country: "BE",
    },
    preferredChannel: "email",
    paymentTermsDays: 30,
    ...overrides,
  };
}

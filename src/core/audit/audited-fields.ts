import type { Customer } from "../customer/customer.ts";
import type { Recipient } from "../customer/recipient.ts";
import type { AuditedFields } from "./field-diff.ts";

/**
 * The audited fields of a customer, named as the domain names them, the address flattened to `address.*`, so that a
 * change of city is recorded as one field and not as a whole new address.
 */
export function customerAuditFields(customer: Customer): AuditedFields {
  return {
    number: customer.number,
    legalName: customer.legalName,
    enterpriseNumber: customer.enterpriseNumber,
    vatNumber: customer.vatNumber,
    peppolId: customer.peppolId,
    language: customer.language,
    "address.street": customer.address.street,
    "address.additionalStreet": customer.address.additionalStreet,
    "address.city": customer.address.city,
    "address.postalCode": customer.address.postalCode,
    "address.countrySubdivision": customer.address.countrySubdivision,
    "address.country": customer.address.country,
    preferredChannel: customer.preferredChannel,
    paymentTermsDays: customer.paymentTermsDays,
  };
}

/** The audited fields of a recipient; its id is not among them, it is the audited entity's id. */
export function recipientAuditFields(recipient: Recipient): AuditedFields {
  return {
    customerNumber: recipient.customerNumber,
    role: recipient.role,
    email: recipient.email,
    name: recipient.name,
    status: recipient.status,
    statusReason: recipient.statusReason,
  };
}

import { z } from "zod";
import { RECIPIENT_ROLES } from "../customer/recipient.ts";
import { LANGUAGES } from "../language.ts";
import { text } from "./fields.ts";

const recipientInput = z
  .object({
    role: z.enum(RECIPIENT_ROLES, { message: `expected one of ${RECIPIENT_ROLES.join(", ")}` }),
    email: text(254),
    name: text(200).optional(),
  })
  .strict();

/**
 * A customer as imported or sent to the API: the registry fields and, optionally, the complete list of its active
 * recipients. Identifier formats (enterprise, VAT and Peppol numbers) are checked by the core's customer rules after
 * this shape check, so that both report through the same field paths.
 */
export const customerInputSchema = z
  .object({
    number: text(64),
    legalName: text(300),
    enterpriseNumber: text(20).optional(),
    vatNumber: text(20).optional(),
    peppolId: text(100).optional(),
    language: z.enum(LANGUAGES, { message: `expected one of ${LANGUAGES.join(", ")}` }),
    address: z
      .object({
        street: text(200).optional(),
        additionalStreet: text(200).optional(),
        city: text(100).optional(),
        postalCode: text(20).optional(),
        countrySubdivision: text(100).optional(),
        country: text(2),
      })
      .strict(),
    preferredChannel: z.enum(["email", "peppol", "paper"]).default("email"),
    paymentTermsDays: z.coerce.number().int("must be a whole number of days").min(0).max(365).default(30),
    recipients: z.array(recipientInput).max(100).optional(),
  })
  .strict();

export type CustomerInput = z.output<typeof customerInputSchema>;
export type RecipientInput = z.output<typeof recipientInput>;

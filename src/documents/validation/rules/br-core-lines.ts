import type { Rule } from "../rule.ts";
import { ruleOf } from "../rule.ts";
import {
  anyPeriodScope,
  itemAttributeScope,
  itemClassificationScope,
  itemStandardIdScope,
  lineAllowanceScope,
  lineChargeScope,
  linePeriodScope,
  lineScope,
} from "../scopes.ts";
import { exists, hasText } from "../text.ts";
import { sign } from "../xpath-math.ts";

const rule = ruleOf("BR");

/** EN 16931 BR-21..BR-30, BR-41..BR-44, BR-54, BR-64, BR-65: invoice lines and periods. */
export const brCoreLineRules: Rule<unknown>[] = [
  rule(lineScope, {
    id: "BR-21",
    message: "Each Invoice line (BG-25) shall have an Invoice line identifier (BT-126).",
    at: "cbc:ID",
    test: (line) => hasText(line.id),
  }),
  rule(lineScope, {
    id: "BR-22",
    message: "Each Invoice line (BG-25) shall have an Invoiced quantity (BT-129).",
    test: (line) => exists(line.quantity),
  }),
  rule(lineScope, {
    id: "BR-23",
    message: "An Invoice line (BG-25) shall have an Invoiced quantity unit of measure code (BT-130).",
    test: (line) => exists(line.unitCode),
  }),
  rule(lineScope, {
    id: "BR-24",
    message: "Each Invoice line (BG-25) shall have an Invoice line net amount (BT-131).",
    at: "cbc:LineExtensionAmount",
    test: (line) => exists(line.netAmount),
  }),
  rule(lineScope, {
    id: "BR-25",
    message: "Each Invoice line (BG-25) shall contain the Item name (BT-153).",
    at: "cac:Item/cbc:Name",
    test: (line) => hasText(line.item.name),
  }),
  rule(lineScope, {
    id: "BR-26",
    message: "Each Invoice line (BG-25) shall contain the Item net price (BT-146).",
    at: "cac:Price/cbc:PriceAmount",
    test: (line) => exists(line.price.netPrice),
  }),
  rule(lineScope, {
    id: "BR-27",
    message: "The Item net price (BT-146) shall NOT be negative.",
    at: "cac:Price/cbc:PriceAmount",
    test: (line) => line.price.netPrice !== undefined && sign(line.price.netPrice) >= 0,
  }),
  rule(lineScope, {
    id: "BR-28",
    message: "The Item gross price (BT-148) shall NOT be negative.",
    at: "cac:Price/cac:AllowanceCharge/cbc:BaseAmount",
    test: (line) => line.price.grossPrice === undefined || sign(line.price.grossPrice) >= 0,
  }),
  rule(anyPeriodScope, {
    id: "BR-29",
    message:
      "If both Invoicing period start date (BT-73) and Invoicing period end date (BT-74) are given then the Invoicing period end date (BT-74) shall be later or equal to the Invoicing period start date (BT-73).",
    test: (period) => period.start === undefined || period.end === undefined || period.end >= period.start,
  }),
  rule(linePeriodScope, {
    id: "BR-30",
    message:
      "If both Invoice line period start date (BT-134) and Invoice line period end date (BT-135) are given then the Invoice line period end date (BT-135) shall be later or equal to the Invoice line period start date (BT-134).",
    test: (period) => period.start === undefined || period.end === undefined || period.end >= period.start,
  }),
  rule(lineAllowanceScope, {
    id: "BR-41",
    message: "Each Invoice line allowance (BG-27) shall have an Invoice line allowance amount (BT-136).",
    at: "cbc:Amount",
    test: (allowance) => exists(allowance.amount),
  }),
  rule(lineAllowanceScope, {
    id: "BR-42",
    message:
      "Each Invoice line allowance (BG-27) shall have an Invoice line allowance reason (BT-139) or an Invoice line allowance reason code (BT-140).",
    test: (allowance) => exists(allowance.reason) || exists(allowance.reasonCode),
  }),
  rule(lineChargeScope, {
    id: "BR-43",
    message: "Each Invoice line charge (BG-28) shall have an Invoice line charge amount (BT-141).",
    at: "cbc:Amount",
    test: (charge) => exists(charge.amount),
  }),
  rule(lineChargeScope, {
    id: "BR-44",
    message:
      "Each Invoice line charge shall have an Invoice line charge reason or an invoice line allowance reason code.",
    test: (charge) => exists(charge.reason) || exists(charge.reasonCode),
  }),
  rule(itemAttributeScope, {
    id: "BR-54",
    message:
      "Each Item attribute (BG-32) shall contain an Item attribute name (BT-160) and an Item attribute value (BT-161).",
    test: (attribute) => hasText(attribute.name) && hasText(attribute.value),
  }),
  rule(itemStandardIdScope, {
    id: "BR-64",
    message: "The Item standard identifier (BT-157) shall have a Scheme identifier.",
    test: (id) => exists(id.scheme),
  }),
  rule(itemClassificationScope, {
    id: "BR-65",
    message: "The Item classification identifier (BT-158) shall have a Scheme identifier.",
    test: (id) => exists(id.scheme),
  }),
];

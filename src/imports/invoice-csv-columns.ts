/**
 * The invoice CSV format: one row per invoice line; the invoice's own columns repeat on each of its rows, and the rows
 * of one invoice are consecutive. Each column maps to a field of the shared invoice input (JSON) schema.
 */
export const INVOICE_HEADER_COLUMNS = {
  invoice_number: "number",
  kind: "kind",
  customer_number: "customer",
  issue_date: "issueDate",
  due_date: "dueDate",
  currency: "currency",
  buyer_reference: "buyerReference",
  order_reference: "orderReference",
  note: "notes",
  preceding_invoice: "precedingInvoices",
  preceding_invoice_date: "precedingInvoiceDate",
  exemption_reason: "exemptionReasons",
  structured_communication: "structuredCommunication",
  prepaid: "prepaid",
} as const;

export const INVOICE_LINE_COLUMNS = {
  line_id: "id",
  item_name: "name",
  item_description: "description",
  item_id: "sellersItemId",
  quantity: "quantity",
  unit_code: "unitCode",
  unit_price: "price",
  base_quantity: "baseQuantity",
  vat_category: "vatCategory",
  vat_rate: "vatRate",
  order_line_reference: "orderLineReference",
  line_allowance_amount: "allowances",
  line_allowance_reason: "allowanceReason",
  line_charge_amount: "charges",
  line_charge_reason: "chargeReason",
} as const;

const REQUIRED = [
  "invoice_number",
  "customer_number",
  "issue_date",
  "item_name",
  "quantity",
  "unit_price",
  "vat_rate",
];

/** Required and optional columns of the invoice CSV format. */
export const INVOICE_CSV_COLUMNS = {
  required: REQUIRED,
  optional: [...Object.keys(INVOICE_HEADER_COLUMNS), ...Object.keys(INVOICE_LINE_COLUMNS)].filter(
    (c) => !REQUIRED.includes(c),
  ),
};

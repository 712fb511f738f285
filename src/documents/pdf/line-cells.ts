import type { AllowanceCharge, InvoiceLine } from "../../core/invoice/invoice.ts";
import { formatDecimal, formatPercent, formatQuantity } from "./format-decimal.ts";
import { amountText, dateText, type PdfContext } from "./pdf-context.ts";

/** Guards against a runaway description pushing one row past a whole page. */
const MAX_NAME = 300;
const MAX_DETAIL = 1000;

/** The printed cells of one invoice line. */
export interface LineCells {
  readonly name: string;
  /** Description, item reference, period, line allowances and charges, note: one per line, in small type. */
  readonly details: string;
  readonly quantity: string;
  readonly unit: string;
  readonly unitPrice: string;
  readonly vat: string;
  readonly amount: string;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function adjustment(ctx: PdfContext, ac: AllowanceCharge, fallback: string, sign: string): string {
  const percent = ac.percentage ? ` (${formatPercent(ac.percentage, ctx.language)})` : "";
  const amount = ac.amount ? `: ${sign}${amountText(ctx, ac.amount)}` : "";
  return `${ac.reason ?? fallback}${percent}${amount}`;
}

/** The VAT cell: the rate, followed by the category code when it is not the standard one ("0 % E"). */
export function vatCellText(
  ctx: PdfContext,
  category: string | undefined,
  rate: InvoiceLine["vat"]["rate"],
): string {
  const rateText = rate ? formatPercent(rate, ctx.language) : "";
  return category && category !== "S" ? `${rateText} ${category}`.trim() : rateText;
}

/** Formats one invoice line for the lines table. */
export function lineCells(ctx: PdfContext, line: InvoiceLine): LineCells {
  const { labels, language } = ctx;
  const period = line.period?.start || line.period?.end ? line.period : undefined;
  const details = [
    line.item.description,
    line.item.sellersId ? `${labels.itemReference} ${line.item.sellersId}` : undefined,
    period
      ? `${labels.period} ${[period.start, period.end].map((d) => (d ? dateText(ctx, d) : "…")).join(" – ")}`
      : undefined,
    ...line.allowances.map((a) => adjustment(ctx, a, labels.lineAllowance, "-")),
    ...line.charges.map((c) => adjustment(ctx, c, labels.lineCharge, "")),
    line.note,
  ].filter((d): d is string => Boolean(d));
  const price = line.price.netPrice ? formatDecimal(line.price.netPrice, language, 2) : "";
  const base = line.price.baseQuantity;
  return {
    name: clip(line.item.name ?? "", MAX_NAME),
    details: clip(details.join("\n"), MAX_DETAIL),
    quantity: line.quantity ? formatQuantity(line.quantity, language) : "",
    unit: line.unitCode ? (labels.units[line.unitCode] ?? line.unitCode) : "",
    unitPrice: base && !base.eq(1) ? `${price} / ${formatQuantity(base, language)}` : price,
    vat: vatCellText(ctx, line.vat.category, line.vat.rate),
    amount: line.netAmount ? amountText(ctx, line.netAmount) : "",
  };
}

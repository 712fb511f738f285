import type { Decimal } from "../../core/money/decimal.ts";
import { amountText, type Block, moneyText, type PdfContext } from "./pdf-context.ts";
import { COLORS, PAGE, SIZE } from "./pdf-layout.ts";
import { measureText, writeText } from "./pdf-text.ts";

/** The totals sit against the right margin. */
const TOTALS_WIDTH = 240;
const X = PAGE.right - TOTALS_WIDTH;
const LABEL_WIDTH = 140;
const ROW = 14;

function negated(value: Decimal): Decimal {
  return value.times(-1);
}

/** Label and amount per row; allowances and prepaid amounts are shown as subtractions. */
function rows(ctx: PdfContext): [string, string][] {
  const { invoice, labels } = ctx;
  const t = invoice.totals;
  const money = (value: Decimal | undefined) => value && moneyText(ctx, value);
  const inTaxCurrency =
    invoice.taxCurrency && invoice.taxTotalInTaxCurrency
      ? `${amountText(ctx, invoice.taxTotalInTaxCurrency)} ${invoice.taxCurrency}`
      : undefined;
  const out: [string, string | undefined][] = [
    [labels.lineNet, money(t.lineNet)],
    ...invoice.allowances.map((a): [string, string | undefined] => [
      a.reason ?? labels.allowances,
      money(a.amount && negated(a.amount)),
    ]),
    ...invoice.charges.map((c): [string, string | undefined] => [
      c.reason ?? labels.charges,
      money(c.amount),
    ]),
    [labels.taxExclusive, money(t.taxExclusive)],
    [labels.totalVat, money(t.tax)],
    [`${labels.vatInAccountingCurrency} ${invoice.taxCurrency ?? ""}`, inTaxCurrency],
    [labels.taxInclusive, money(t.taxInclusive)],
    [labels.prepaid, money(t.prepaid && !t.prepaid.eq(0) ? negated(t.prepaid) : undefined)],
    [labels.rounding, money(t.rounding && !t.rounding.eq(0) ? t.rounding : undefined)],
  ];
  return out.filter((r): r is [string, string] => Boolean(r[1]));
}

/**
 * The document totals (BG-22): sum of lines, document allowances and charges, total without VAT, VAT (and VAT in
 * the accounting currency, BT-111), total with VAT, prepaid, rounding, and the amount due, set large: "amount due"
 * on an invoice, "amount in your favour" on a credit note.
 */
export function totalsBlock(ctx: PdfContext): Block {
  const { doc, invoice, labels } = ctx;
  const lines = rows(ctx);
  const dueLabel = invoice.kind === "credit-note" ? labels.amountCredited : labels.amountDue;
  const due = invoice.totals.payable ? moneyText(ctx, invoice.totals.payable) : "";
  const dueStyle = { size: 10, bold: true, color: COLORS.accent } as const;
  const dueRow = Math.max(22, measureText(doc, dueLabel, LABEL_WIDTH, dueStyle) + 12);
  return {
    height: lines.length * ROW + dueRow + 6,
    draw(y) {
      let cursor = y;
      for (const [label, amount] of lines) {
        writeText(doc, label, X, cursor, LABEL_WIDTH, { size: SIZE.table, color: COLORS.muted });
        writeText(doc, amount, X + LABEL_WIDTH, cursor, TOTALS_WIDTH - LABEL_WIDTH, {
          size: SIZE.table,
          align: "right",
        });
        cursor += ROW;
      }
      doc.rect(X, cursor + 2, TOTALS_WIDTH, dueRow).fill(COLORS.band);
      writeText(doc, dueLabel, X + 4, cursor + 8, LABEL_WIDTH, dueStyle);
      writeText(doc, due, X + LABEL_WIDTH - 4, cursor + 8, TOTALS_WIDTH - LABEL_WIDTH, {
        ...dueStyle,
        align: "right",
      });
    },
  };
}

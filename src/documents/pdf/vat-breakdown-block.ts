import { vatCellText } from "./line-cells.ts";
import { amountText, type Block, type PdfContext } from "./pdf-context.ts";
import { COLORS, PAGE, SIZE } from "./pdf-layout.ts";
import { measureText, type TextStyle, writeText } from "./pdf-text.ts";

/** Width of the VAT breakdown, on the left of the totals. */
const VAT_BLOCK_WIDTH = 268;
const WIDTHS = [100, 38, 65, 65] as const;
const PAD = 3;

interface VatRow {
  readonly cells: readonly [string, string, string, string];
  readonly reason: string;
}

function rows(ctx: PdfContext): VatRow[] {
  const { labels } = ctx;
  return ctx.invoice.vatBreakdown.map((v) => {
    const category = v.category ?? "";
    const name = (labels.vatCategories as Readonly<Record<string, string>>)[category] ?? category;
    const reasons = [v.exemptionReason, v.exemptionReasonCode].filter(Boolean).join(" — ");
    return {
      cells: [
        name,
        vatCellText(ctx, category, v.rate),
        v.taxableAmount ? amountText(ctx, v.taxableAmount) : "",
        v.taxAmount ? amountText(ctx, v.taxAmount) : "",
      ],
      reason: reasons ? `${labels.exemptionReason}: ${reasons}` : "",
    };
  });
}

function writeRow(ctx: PdfContext, cells: readonly string[], y: number, style: TextStyle): number {
  let x: number = PAGE.left;
  let height = 0;
  cells.forEach((cell, i) => {
    const width = (WIDTHS[i] ?? 0) - 2 * PAD;
    const align = i === 0 ? "left" : "right";
    height = Math.max(height, writeText(ctx.doc, cell, x + PAD, y, width, { ...style, align }));
    x += WIDTHS[i] ?? 0;
  });
  return height;
}

function rowHeight(ctx: PdfContext, row: VatRow): number {
  const name = measureText(ctx.doc, row.cells[0], WIDTHS[0] - 2 * PAD, { size: SIZE.table });
  const reason = row.reason
    ? measureText(ctx.doc, row.reason, VAT_BLOCK_WIDTH - 2 * PAD, { size: SIZE.small }) + 2
    : 0;
  return name + reason + 6;
}

/**
 * The VAT breakdown (BG-23): per category and rate, the category name, the rate, the taxable amount and the VAT,
 * with the exemption reason (BT-120/121) under the categories that need one.
 */
export function vatBreakdownBlock(ctx: PdfContext): Block {
  const { doc, labels } = ctx;
  const vatRows = rows(ctx);
  const headings = [labels.vatCategory, labels.vatRate, labels.taxableAmount, labels.vatAmount];
  const headingStyle = { size: SIZE.small, bold: true } as const;
  const band =
    Math.max(...headings.map((h, i) => measureText(doc, h, (WIDTHS[i] ?? 0) - 2 * PAD, headingStyle))) + 6;
  const headerHeight = 16 + band;
  const height = headerHeight + vatRows.reduce((sum, row) => sum + rowHeight(ctx, row), 0);
  return {
    height,
    draw(y) {
      writeText(doc, labels.vatBreakdown, PAGE.left, y, VAT_BLOCK_WIDTH, { bold: true });
      doc.rect(PAGE.left, y + 14, VAT_BLOCK_WIDTH, band).fill(COLORS.band);
      writeRow(ctx, headings, y + 17, { ...headingStyle, color: COLORS.muted });
      let cursor = y + headerHeight + 2;
      for (const row of vatRows) {
        const used = writeRow(ctx, row.cells, cursor, { size: SIZE.table });
        if (row.reason)
          writeText(doc, row.reason, PAGE.left + PAD, cursor + used + 1, VAT_BLOCK_WIDTH - 2 * PAD, {
            size: SIZE.small,
            color: COLORS.muted,
          });
        cursor += rowHeight(ctx, row);
      }
    },
  };
}

import { type LineCells, lineCells } from "./line-cells.ts";
import type { PdfContext } from "./pdf-context.ts";
import { COLORS, PAGE, SIZE } from "./pdf-layout.ts";
import { measureText, type TextStyle, writeText } from "./pdf-text.ts";

type Column = {
  readonly key: keyof Omit<LineCells, "details">;
  readonly width: number;
  readonly right: boolean;
};

/** The lines table's columns; their widths add up to the content width (515 pt). */
const COLUMNS: readonly Column[] = [
  { key: "name", width: 214, right: false },
  { key: "quantity", width: 52, right: true },
  { key: "unit", width: 46, right: false },
  { key: "unitPrice", width: 72, right: true },
  { key: "vat", width: 46, right: true },
  { key: "amount", width: 85, right: true },
];
const PAD = 4;
const HEADER_HEIGHT = 18;

function headerTitles(ctx: PdfContext): Record<Column["key"], string> {
  const { labels } = ctx;
  return {
    name: labels.description,
    quantity: labels.quantity,
    unit: labels.unit,
    unitPrice: labels.unitPrice,
    vat: labels.vat,
    amount: `${labels.amount} ${ctx.invoice.currency ?? ""}`.trim(),
  };
}

/** Draws the header row at `y` and returns the y below it. Called at the top of the table on every page. */
function drawHeaderRow(ctx: PdfContext, y: number): number {
  const titles = headerTitles(ctx);
  ctx.doc.rect(PAGE.left, y, PAGE.right - PAGE.left, HEADER_HEIGHT).fill(COLORS.band);
  let x: number = PAGE.left;
  for (const column of COLUMNS) {
    const style: TextStyle = {
      size: SIZE.small,
      bold: true,
      color: COLORS.muted,
      align: column.right ? "right" : "left",
    };
    writeText(ctx.doc, titles[column.key], x + PAD, y + 5, column.width - 2 * PAD, style);
    x += column.width;
  }
  return y + HEADER_HEIGHT + 2;
}

function rowHeight(ctx: PdfContext, cells: LineCells): number {
  const width = (COLUMNS[0]?.width ?? 0) - 2 * PAD;
  const name = measureText(ctx.doc, cells.name, width, { size: SIZE.table });
  const details = cells.details ? measureText(ctx.doc, cells.details, width, { size: SIZE.small }) + 1 : 0;
  return name + details + 8;
}

function drawRow(ctx: PdfContext, cells: LineCells, y: number, height: number): void {
  let x: number = PAGE.left;
  for (const column of COLUMNS) {
    const width = column.width - 2 * PAD;
    const style: TextStyle = { size: SIZE.table, align: column.right ? "right" : "left" };
    const used = writeText(ctx.doc, cells[column.key], x + PAD, y + 4, width, style);
    if (column.key === "name" && cells.details)
      writeText(ctx.doc, cells.details, x + PAD, y + 5 + used, width, {
        size: SIZE.small,
        color: COLORS.muted,
      });
    x += column.width;
  }
  const ruleY = y + height;
  ctx.doc.moveTo(PAGE.left, ruleY).lineTo(PAGE.right, ruleY).lineWidth(0.4).strokeColor(COLORS.rule).stroke();
}

/**
 * Draws every invoice line from `y`, starting a new page (through `nextPage`, which draws that page's header and
 * returns its content top) whenever the next row would run into the footer, and repeating the header row there.
 * Returns the y below the last row.
 */
export function drawLinesTable(ctx: PdfContext, y: number, nextPage: () => number): number {
  const rows = ctx.invoice.lines.map((line) => lineCells(ctx, line));
  const first = rows[0] ? rowHeight(ctx, rows[0]) : 0;
  // A header row alone at the foot of a page helps nobody: start on the next page instead.
  let cursor = drawHeaderRow(ctx, y + HEADER_HEIGHT + first > PAGE.bottom ? nextPage() : y);
  for (const cells of rows) {
    const height = rowHeight(ctx, cells);
    if (cursor + height > PAGE.bottom) cursor = drawHeaderRow(ctx, nextPage());
    drawRow(ctx, cells, cursor, height);
    cursor += height;
  }
  return cursor + 14;
}

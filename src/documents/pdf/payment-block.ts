import { formatIban, parseIban } from "../../core/identifiers/iban.ts";
import { formatOgm, parseOgm } from "../../core/identifiers/ogm.ts";
import type { CreditTransfer, PaymentMeans } from "../../core/invoice/invoice.ts";
import { drawQr } from "./draw-qr.ts";
import { epcQrPayload } from "./epc-qr-payload.ts";
import { type Block, dateText, moneyText, type PdfContext } from "./pdf-context.ts";
import { COLORS, CONTENT_WIDTH, PAGE, SIZE } from "./pdf-layout.ts";
import { measureText, writeText } from "./pdf-text.ts";
import { qrMatrix } from "./qr-matrix.ts";

const QR_SIZE = 96;
/** The frame's least height: the QR code and its caption (about 113 pt) with a margin. */
const HEIGHT = 120;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 220;

function transferOf(
  means: readonly PaymentMeans[],
): { means: PaymentMeans; transfer: CreditTransfer } | null {
  for (const m of means) {
    const transfer = m.creditTransfers.find((t) => t.account);
    if (transfer) return { means: m, transfer };
  }
  return null;
}

function facts(ctx: PdfContext, means: PaymentMeans, transfer: CreditTransfer): [string, string, boolean][] {
  const { invoice, labels } = ctx;
  const iban = parseIban(transfer.account ?? "");
  const ogm = parseOgm(means.remittanceInformation ?? "");
  const reference: [string, string, boolean] | undefined = ogm.ok
    ? [labels.structuredReference, formatOgm(ogm.value), true]
    : means.remittanceInformation
      ? [labels.reference, means.remittanceInformation, true]
      : undefined;
  const rows: ([string, string | undefined, boolean] | undefined)[] = [
    [labels.beneficiary, transfer.accountName ?? invoice.seller.name, false],
    ["IBAN", iban.ok ? formatIban(iban.value) : transfer.account, true],
    ["BIC", transfer.bic, false],
    reference,
    [labels.amountDue, invoice.totals.payable && moneyText(ctx, invoice.totals.payable), true],
    [labels.dueDate, invoice.dueDate && dateText(ctx, invoice.dueDate), false],
  ];
  return rows.filter((r): r is [string, string, boolean] => Boolean(r?.[1]));
}

/**
 * The payment instructions of an invoice paid by credit transfer: beneficiary, IBAN in groups of four, BIC, the
 * structured communication as +++xxx/xxxx/xxxxx+++, the amount due and the due date, with the EPC QR code beside
 * them when {@link epcQrPayload} gives one. Null for a credit note or when there is no account to pay to.
 */
export function paymentBlock(ctx: PdfContext): Block | null {
  const { doc, invoice, labels } = ctx;
  if (invoice.kind === "credit-note") return null;
  const target = transferOf(invoice.paymentMeans);
  if (!target) return null;
  const rows = facts(ctx, target.means, target.transfer);
  const payload = epcQrPayload(invoice);
  const matrix = payload ? qrMatrix(payload) : null;
  const rowHeights = rows.map(([, value, strong]) =>
    Math.max(14, measureText(doc, value, VALUE_WIDTH, { bold: strong }) + 4),
  );
  const height = Math.max(HEIGHT, 36 + rowHeights.reduce((a, b) => a + b, 0));
  // No space below: the slip is the last block of the invoice, so a gap would only push it onto another page.
  return {
    height,
    draw(y) {
      doc
        .roundedRect(PAGE.left, y, CONTENT_WIDTH, height, 4)
        .lineWidth(0.8)
        .strokeColor(COLORS.rule)
        .stroke();
      writeText(doc, labels.payment, PAGE.left + 12, y + 10, 200, { bold: true, color: COLORS.accent });
      let cursor = y + 28;
      rows.forEach(([label, value, strong], i) => {
        writeText(doc, label, PAGE.left + 12, cursor, LABEL_WIDTH - 12, { color: COLORS.muted });
        writeText(doc, value, PAGE.left + LABEL_WIDTH + 4, cursor, VALUE_WIDTH, { bold: strong });
        cursor += rowHeights[i] ?? 14;
      });
      if (!matrix) return;
      const x = PAGE.right - QR_SIZE - 14;
      drawQr(doc, matrix, x, y + 6, QR_SIZE);
      // The caption may be wider than the code: centred under it, but kept inside the frame.
      const captionWidth = QR_SIZE + 60;
      writeText(doc, labels.scanToPay, PAGE.right - 6 - captionWidth, y + QR_SIZE + 8, captionWidth, {
        size: SIZE.small,
        color: COLORS.muted,
        align: "center",
      });
    },
  };
}

import type { DeliveryProofReport } from "../prove-delivery.ts";

/** Renders a proof of delivery as a PDF for a dispute. Implemented in src/documents. */
export interface ProofRenderer {
  pdf(report: DeliveryProofReport): Promise<Buffer>;
}

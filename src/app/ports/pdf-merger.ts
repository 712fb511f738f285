/** Binds PDFs into one, pages in order: a print batch. Implemented in src/documents. */
export interface PdfMerger {
  /** One PDF with every page of `pdfs`, in order; throws on a PDF it cannot read. */
  merge(pdfs: readonly Buffer[]): Buffer;
}

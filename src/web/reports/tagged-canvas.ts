/**
 * What the parts of a tagged PDF (tables, footers) draw on: the document, its text writer, the column of text,
 * and the structure element that content goes into. TaggedPdf (tagged-pdf-writer.ts) is one.
 */
import type { PdfTextWriter } from './pdf-text-writer.js';

export type Struct = PDFKit.PDFStructureElement;
export type StructOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Column' | 'Row' };

export interface TaggedCanvas {
  readonly doc: PDFKit.PDFDocument;
  readonly writer: PdfTextWriter;
  /** The left edge and width of the column text is written in. */
  readonly left: number;
  readonly width: number;
  /** The structure element that content goes into now. */
  readonly parent: Struct;
  /** The height `text` takes wrapped to `width`. */
  textHeight(text: string, width: number, bold?: boolean, size?: number): number;
  /** Adds a structure element whose content `draw` puts on the page now. */
  element(tag: string, draw: () => void, options?: StructOptions, parent?: Struct): void;
  /** `text` in bold across the column as a `tag` element, such as a table's Caption, and a small gap after it. */
  caption(tag: 'P' | 'Caption', text: string, parent?: Struct): void;
  /** Draws what is not content (rules, fills, repeated headings, footers) as an artifact. */
  artifact(draw: () => void, type?: 'Layout' | 'Pagination'): void;
  /** Starts a new page unless `height` more points fit on this one. */
  ensureSpace(height: number): void;
  /** Starts a new page unless `height` fits on this one, when it could fit on an empty page at all. */
  keepTogether(height: number): void;
}

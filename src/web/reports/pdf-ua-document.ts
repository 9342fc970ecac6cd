/**
 * A new pdfkit document set up as PDF/UA-1 asks: tagged (marked content and a structure tree), the PDF/UA
 * identifier in the XMP metadata, a natural language (en-GB), and a title that viewers show instead of the
 * file name. The fonts are embedded where the text is written (pdf-fonts.ts): nothing is drawn in pdfkit's
 * default Helvetica, which is not embedded.
 */
import PDFDocument from 'pdfkit';
import { escapeXml } from '../charts/escape-xml.js';

export interface PdfMeta {
  readonly title: string;
  readonly subject: string;
  /** Shown on the left of every footer, beside the page number. */
  readonly footer: string;
  readonly createdAt: Date;
}

export interface PdfUaDocument {
  readonly doc: PDFKit.PDFDocument;
  /** The PDF's bytes, once `doc.end()` has been called. */
  readonly bytes: Promise<Buffer>;
}

const PDF_MARGINS = { top: 56, bottom: 68, left: 56, right: 56 } as const;

interface MetadataInternals {
  info: Record<string, unknown>;
  _addInfo(): void;
}

/**
 * pdfkit copies the title, author and subject into the XMP metadata as they are, so a partnership called
 * "Bath & North East Somerset" would make the metadata malformed XML, which a PDF/UA check rejects. The
 * metadata gets them escaped; the document information dictionary, written before it, keeps the plain text.
 */
function escapeInfoInMetadata(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as MetadataInternals;
  const addInfo = internals._addInfo.bind(doc);
  internals._addInfo = () => {
    const info = internals.info;
    internals.info = Object.fromEntries(
      Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? escapeXml(value) : value]),
    );
    try {
      addInfo();
    } finally {
      internals.info = info;
    }
  };
}

/** An A4 PDF/UA document whose pages are buffered, so footers can say "Page 1 of 3" when it is finished. */
export function createPdfUaDocument(meta: PdfMeta): PdfUaDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: PDF_MARGINS,
    tagged: true,
    // pdfkit writes the PDF/UA identifier for this, though its types list only the PDF/A subsets.
    subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    bufferPages: true,
    info: {
      Title: meta.title,
      Author: 'Common Ground',
      Subject: meta.subject,
      Creator: 'Common Ground',
      CreationDate: meta.createdAt,
    },
  });
  escapeInfoInMetadata(doc);
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

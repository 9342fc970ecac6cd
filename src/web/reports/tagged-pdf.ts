/**
 * Renders a report document as a tagged PDF with pdfkit: no browser. Pure apart from pdfkit's in-memory stream
 * and reading the embedded fonts once: a document in, the PDF's bytes out. This module walks the document's
 * structure (sections with their headings and blocks, a short section kept on one page); TaggedPdf
 * (tagged-pdf-writer.ts) draws each block and tags it. Text is in DejaVu Sans (pdf-fonts.ts), so Welsh, Polish,
 * Greek, Cyrillic and Arabic print as written; a character no embedded font has (an emoji) prints as the mark
 * "�", is counted, and the count is said at the end of the document.
 *
 * Tagging: everything readable is in the structure tree (Document > Sect > H1/H2/H3, P, L > LI > Lbl/LBody,
 * Table > THead/TBody > TR > TH/TD, with a Caption); rules, fills, repeated table headings and the page
 * numbers in the footer are marked as artifacts. The document is PDF/UA-1 (pdf-ua-document.ts), with a
 * language (en-GB) and a title that viewers show instead of the file name, and is A4 with body text at 11pt.
 */
import { PDF_COLOURS } from './pdf-styles.js';
import { UNSHOWN_MARK } from './pdf-text.js';
import type { ReportBlock, ReportDocument, ReportSection } from './report-document.js';
import { TaggedPdf } from './tagged-pdf-writer.js';

function block(pdf: TaggedPdf, item: ReportBlock): void {
  switch (item.kind) {
    case 'paragraph':
      pdf.paragraph(item.text, item.label);
      break;
    case 'list':
      pdf.list(item.items, item.ordered);
      break;
    case 'table':
      pdf.table(item.table);
      break;
    case 'notice':
      pdf.notice(item.paragraphs);
      break;
    case 'figure':
      pdf.figure(item.figure);
      break;
  }
}

function sectionOf(pdf: TaggedPdf, item: ReportSection, level: 2 | 3): void {
  // A short section (its heading and its own blocks) is kept on one page; a longer one keeps its heading with
  // what comes before its first table or figure, and that table or figure.
  const heights = item.blocks.map((entry) => pdf.measure(entry));
  const firstTable = item.blocks.findIndex((entry) => entry.kind === 'table' || entry.kind === 'figure');
  const total = heights.reduce((sum, height) => sum + height, pdf.headingHeight(level, item.heading));
  const lead = heights
    .slice(0, firstTable + 1)
    .reduce((sum, height) => sum + height, pdf.headingHeight(level, item.heading));
  pdf.keepTogether(total <= pdf.pageHeight / 2 ? total : lead);
  pdf.group('Sect', () => {
    pdf.heading(level, item.heading);
    for (const entry of item.blocks) block(pdf, entry);
    for (const sub of item.subsections) sectionOf(pdf, sub, 3);
  });
}

export interface RenderedPdf {
  readonly bytes: Buffer;
  /** Characters no embedded font has (emoji, say), each printed as the mark; the PDF ends by saying how many. */
  readonly unshownCharacters: number;
}

/** The sentence that ends a PDF with characters it could not show. */
export function unshownNote(count: number): string {
  const characters = count === 1 ? '1 character' : `${count} characters`;
  return `This PDF could not show ${characters}, such as emoji: each is printed as ${UNSHOWN_MARK}.`;
}

/** The report as a tagged PDF, with the number of characters it could not show. */
export async function renderReport(document: ReportDocument): Promise<RenderedPdf> {
  const pdf = new TaggedPdf({
    title: document.title,
    subject: document.partnershipName,
    footer: `${document.title} – ${document.partnershipName}`,
    createdAt: new Date(document.generatedAt),
  });
  pdf.paragraph(document.partnershipName, undefined, { size: 12, colour: PDF_COLOURS.secondary });
  pdf.heading(1, document.title);
  pdf.paragraph(`Produced on ${document.generatedOn} by Common Ground.`);
  for (const entry of document.intro) block(pdf, entry);
  for (const item of document.sections) sectionOf(pdf, item, 2);
  const unshownCharacters = pdf.unshownCharacters;
  if (unshownCharacters > 0) pdf.notice([unshownNote(unshownCharacters)]);
  return { bytes: await pdf.finish(), unshownCharacters };
}

/** The report as a tagged PDF. */
export async function renderReportPdf(document: ReportDocument): Promise<Buffer> {
  return (await renderReport(document)).bytes;
}

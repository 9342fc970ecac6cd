import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { registerFaces } from './pdf-fonts.js';
import { checkPdfUa } from './pdf-ua-check.testing.js';
import type { ReportDocument } from './report-document.js';
import { renderReportPdf } from './tagged-pdf.js';

/** The bytes of a pdfkit document made with `options` and drawn by `draw`. */
function pdfkitBytes(
  options: PDFKit.PDFDocumentOptions,
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({ pdfVersion: '1.7', ...options });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  draw(doc);
  doc.end();
  return bytes;
}

const pdfUa = {
  tagged: true,
  subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
  lang: 'en-GB',
  displayTitle: true,
  info: { Title: 'A report' },
};

/** Text in DejaVu Sans, embedded, inside a structure element. */
function tagged(doc: PDFKit.PDFDocument, parent: PDFKit.PDFStructureElement, tag: string, text: string) {
  parent.add(doc.struct(tag, {}, () => doc.font('DejaVuSans').text(text)));
}

describe('the PDF/UA check', () => {
  it('finds every problem in a plain pdfkit PDF: no identifier, language, tags or title, and Helvetica', async () => {
    const bytes = await pdfkitBytes({}, (doc) => doc.text('Hello'));
    const check = await checkPdfUa(bytes);
    expect(check.problems).toEqual([
      'The XMP metadata has no PDF/UA identifier (pdfuaid:part is undefined).',
      'The XMP metadata has no dc:title.',
      'The catalogue has no /Lang.',
      'MarkInfo does not say /Marked true.',
      'ViewerPreferences do not say /DisplayDocTitle true.',
      'The document has no title.',
      'The font Helvetica is not embedded.',
      'The PDF names the standard font Helvetica, which is not embedded.',
      'Some text is neither tagged nor an artifact.',
    ]);
  });

  it('finds a figure without alt text, a table without header cells, a header cell without scope and a skipped heading level', async () => {
    const bytes = await pdfkitBytes(pdfUa, (doc) => {
      registerFaces(doc);
      const root = doc.struct('Document');
      doc.addStructure(root);
      tagged(doc, root, 'H1', 'A report');
      tagged(doc, root, 'H3', 'Too deep');
      root.add(doc.struct('Figure', {}, () => doc.rect(50, 200, 100, 50).fill('#1d70b8')));
      for (const header of ['TD', 'TH']) {
        const table = doc.struct('Table');
        root.add(table);
        const row = doc.struct('TR');
        table.add(row);
        tagged(doc, row, header, 'Council side');
        tagged(doc, row, 'TD', '3');
        row.end();
        table.end();
      }
      root.end();
    });
    const check = await checkPdfUa(bytes);
    expect(check.problems).toEqual([
      'A figure has no alt text.',
      'A table has no header cells (TH).',
      'A header cell (TH) has no Scope.',
      'An H3 follows an H1: a level is skipped.',
    ]);
    expect(check.fonts).toEqual([expect.stringMatching(/^[A-Z]{6}\+DejaVuSans$/)]);
  });

  it('finds XMP metadata that is not well-formed, as pdfkit writes it for a title with an ampersand', async () => {
    const bytes = await pdfkitBytes({ ...pdfUa, info: { Title: 'Bath & North East Somerset' } }, () => {});
    const [problem] = (await checkPdfUa(bytes)).problems;
    expect(problem).toMatch(/^The XMP metadata is not well-formed XML: /);
  });
});

describe('a report PDF', () => {
  const document: ReportDocument = {
    kind: 'summary',
    title: 'Lead-member summary: Spring <2026> “draft”',
    partnershipName: 'Bath & North East Somerset Partnership',
    roundName: 'Spring <2026>',
    generatedAt: '2026-04-01T08:00:00.000Z',
    generatedOn: '1 April 2026',
    intro: [],
    sections: [
      {
        id: 'headline',
        heading: 'Headline',
        blocks: [
          {
            kind: 'figure',
            figure: {
              chart: {
                id: 'headline',
                title: 'Median level of each side',
                description: 'Dot plot of the median level of each side.',
                rows: [{ label: 'Shared foundations', council: 3, community: 2 }],
                levels: [1, 2, 3, 4].map((level) => ({ level, name: `Level ${level}` })),
              },
              svg: '',
              alt: 'Shared foundations: council side 3, community side 2, seen differently.',
              caption: 'Median level of each side',
            },
          },
          {
            kind: 'table',
            table: {
              caption: 'Median level of each side',
              head: ['Principle', 'Council side', 'Community side'],
              rows: [{ heading: 'Shared foundations', cells: ['3', '2'] }],
            },
          },
        ],
        subsections: [],
      },
    ],
  };

  it('passes every check, with the title escaped in the XMP metadata and as written everywhere else', async () => {
    const check = await checkPdfUa(await renderReportPdf(document));
    expect(check.problems).toEqual([]);
    expect(check).toMatchObject({ figures: 1, tables: 1, headerCells: 4 });
    expect(check.fonts.map((font) => font.slice(7)).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
  });
});

import { describe, expect, it } from 'vitest';
import { readPdf, type StructNode } from './read-pdf.testing.js';
import type { ReportDocument, ReportSection } from './report-document.js';
import { renderReport, renderReportPdf, unshownNote } from './tagged-pdf.js';

const base: ReportDocument = {
  kind: 'report',
  title: 'Full report: Spring 2026',
  partnershipName: 'Testshire Partnership',
  roundName: 'Spring 2026',
  generatedAt: '2026-04-01T08:00:00.000Z',
  generatedOn: '1 April 2026',
  intro: [{ kind: 'paragraph', text: 'An introduction.' }],
  sections: [
    {
      id: 'one',
      heading: 'First section',
      blocks: [
        { kind: 'paragraph', label: 'Agreed level', text: '2 (Developing)' },
        {
          kind: 'list',
          ordered: true,
          items: [{ label: 'RC1 Respect', text: 'council side 4.' }, { text: 'A plain item.' }],
        },
        { kind: 'notice', paragraphs: ['Faith: not enough responses to show results.'] },
      ],
      subsections: [
        {
          id: 'one-a',
          heading: 'A subsection',
          blocks: [
            {
              kind: 'table',
              table: {
                caption: 'Median level',
                head: ['Who', 'Median'],
                rows: [
                  { heading: 'Council side', cells: ['3'] },
                  { heading: 'Community side', cells: ['2.5'] },
                ],
              },
            },
          ],
          subsections: [],
        },
      ],
    },
  ],
};

function find(node: StructNode | null | undefined, role: string): StructNode | undefined {
  if (!node) return undefined;
  if (node.role === role) return node;
  for (const child of node.children ?? []) {
    const found = find(child, role);
    if (found) return found;
  }
  return undefined;
}

/** A long section: many indicators, each with a table of 6 rows and a few comments. */
function bigSection(index: number): ReportSection {
  return {
    id: `indicator-${index}`,
    heading: `XX${index} An indicator with a reasonably long title`,
    blocks: [
      {
        kind: 'paragraph',
        text: 'What good looks like for this indicator, in a sentence or two. '.repeat(2),
      },
      {
        kind: 'table',
        table: {
          caption: `XX${index}: median, spread and “don’t know” rate`,
          head: ['Who', 'Median', 'Range', 'Middle half', '“Don’t know”'],
          widths: [3.4, 1.4, 1.4, 1.8, 2.4],
          rows: ['Council side', 'Community side', 'Council', 'Health', 'VCS', 'Faith groups'].map((who) => ({
            heading: who,
            cells: ['2.5', '1–4', '1.5–3.5', '20% (1 of 5)'],
          })),
        },
      },
      { kind: 'paragraph', text: 'Comments from the community side:' },
      {
        kind: 'list',
        ordered: false,
        items: Array.from({ length: 4 }, (_, i) => ({ text: `Comment ${i}: ${'words '.repeat(20)}` })),
      },
    ],
    subsections: [],
  };
}

describe('renderReportPdf', () => {
  it('makes a tagged PDF with a title, a language and the text', async () => {
    const bytes = await renderReportPdf(base);
    const pdf = await readPdf(bytes);
    expect(pdf.pageCount).toBe(1);
    expect(pdf.markInfo?.Marked).toBe(true);
    expect(pdf.info).toMatchObject({
      Title: 'Full report: Spring 2026',
      Author: 'Common Ground',
      Subject: 'Testshire Partnership',
      Language: 'en-GB',
      PDFFormatVersion: '1.7',
    });
    // The catalog, which is not compressed: a structure tree, marked content, the title shown, the language.
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toContain('/Lang (en-GB)');

    expect(pdf.text).toContain('Testshire Partnership Full report: Spring 2026');
    expect(pdf.text).toContain('Produced on 1 April 2026 by Common Ground.');
    expect(pdf.text).toContain('Agreed level: 2 (Developing)');
    expect(pdf.text).toContain('1. RC1 Respect: council side 4. 2. A plain item.');
    expect(pdf.text).toContain('Faith: not enough responses to show results.');
    expect(pdf.text).toContain('Median level Who Median Council side 3 Community side 2.5');
    expect(pdf.text).toContain('Page 1 of 1');
  });

  it('tags headings, paragraphs, lists and tables in reading order', async () => {
    const pdf = await readPdf(await renderReportPdf(base));
    expect(pdf.roles).toEqual([
      'Document',
      'P',
      'H1',
      'P',
      'P',
      'Sect',
      'H2',
      'P',
      'L',
      'LI',
      'Lbl',
      'LBody',
      'LI',
      'Lbl',
      'LBody',
      'Div',
      'P',
      'Sect',
      'H3',
      'Table',
      'Caption',
      'THead',
      'TR',
      'TH',
      'TH',
      'TBody',
      'TR',
      'TH',
      'TD',
      'TR',
      'TH',
      'TD',
    ]);
    const table = find(pdf.structTrees[0], 'Table');
    expect(table?.children?.map((child) => child.role)).toEqual(['Caption', 'THead', 'TBody']);
  });

  it('marks the page numbers as artifacts, and leaves no text untagged', async () => {
    const pdf = await readPdf(await renderReportPdf(base));
    expect(pdf.artifacts[0]).toBe('Full report: Spring 2026 – Testshire Partnership Page 1 of 1');
    expect(pdf.untagged[0]).toBe('');
  });

  it('flows a long report over numbered A4 pages, repeating table headings', async () => {
    const long: ReportDocument = {
      ...base,
      sections: [
        ...Array.from({ length: 24 }, (_, i) => bigSection(i + 1)),
        {
          id: 'gaps',
          heading: 'Perception gaps',
          blocks: [
            {
              kind: 'table',
              table: {
                caption: 'Perception gaps',
                head: ['Indicator', 'Council side', 'Community side', 'Difference'],
                rows: Array.from({ length: 80 }, (_, i) => ({
                  heading: `XX${i} An indicator`,
                  cells: ['4', '2', 'Community side 2 lower'],
                })),
              },
            },
          ],
          subsections: [],
        },
      ],
    };
    const bytes = await renderReportPdf(long);
    const pdf = await readPdf(bytes);
    expect(pdf.pageCount).toBeGreaterThan(5);
    pdf.artifacts.forEach((text, index) => {
      expect(text).toContain(`Page ${index + 1} of ${pdf.pageCount}`);
    });
    expect(pdf.untagged.every((text) => text === '')).toBe(true);
    // A table split over two pages has its column headings again at the top of the second, as an artifact.
    expect(
      pdf.artifacts.filter((text) => text.startsWith('Indicator Council side Community side Difference'))
        .length,
    ).toBeGreaterThan(0);
    expect(pdf.roles.filter((role) => role === 'TR')).toHaveLength(24 * 7 + 81);
    for (let index = 1; index <= 24; index += 1) {
      expect(pdf.text).toContain(`XX${index} An indicator with a reasonably long title`);
    }
    // Each page lists the structure on it, so a table over two pages shows twice: count captions instead.
    expect(pdf.roles.filter((role) => role === 'Caption')).toHaveLength(25);
  });

  it('prints Welsh, Polish, Greek, Cyrillic and Arabic as written, Arabic read back in reading order', async () => {
    const written = [
      'Croeso i Ŵyl y Gân: ŵ ŷ Ŵ Ŷ',
      'Łódź: ł Ł',
      'Ωmega: Ω α β',
      'Жук: Ж ж',
      '“Don’t know” – 20% … £5 €3 é − →',
    ];
    const { bytes, unshownCharacters } = await renderReport({
      ...base,
      sections: [
        {
          id: 'words',
          heading: 'Gŵyl ŷ Łódź Ω Ж',
          blocks: [
            ...written.map((text) => ({ kind: 'paragraph' as const, text })),
            { kind: 'paragraph', text: 'مرحبا' },
            { kind: 'paragraph', label: 'Greeting', text: 'Welcome, مرحبا بكم, friends' },
            {
              kind: 'table',
              table: {
                caption: 'Greetings',
                head: ['Language', 'Word'],
                rows: [{ heading: 'Arabic', cells: ['مرحبا'] }],
              },
            },
          ],
          subsections: [],
        },
      ],
    });
    expect(unshownCharacters).toBe(0);
    const pdf = await readPdf(bytes);
    for (const text of [...written, 'Gŵyl ŷ Łódź Ω Ж', 'Welcome,', 'friends'])
      expect(pdf.text).toContain(text);
    // pdfjs gives right-to-left text back in reading order only if its glyphs are right to left on the page.
    const arabic = pdf.text.match(/[\u0600-\u06ff]+/g) ?? [];
    expect(arabic.filter((word) => word === 'مرحبا')).toHaveLength(3);
    expect(arabic).toContain('بكم');
    expect(pdf.text).not.toContain('?');
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(raw).not.toContain('Helvetica');
    // Assistive technology gets the Arabic in reading order from the elements' ActualText too.
    expect(raw.match(/\/ActualText/g)?.length).toBe(3);
  });

  it('prints characters no font has as a mark, counts them once and says so at the end', async () => {
    const { bytes, unshownCharacters } = await renderReport({
      ...base,
      title: 'Full report 🙂',
      sections: [],
      intro: [{ kind: 'paragraph', text: 'Great work 👍🏽 and 👨‍👩‍👧, thank you' }],
    });
    // The title's emoji counts once, though the footer repeats it.
    expect(unshownCharacters).toBe(3);
    const pdf = await readPdf(bytes);
    expect(pdf.text).toContain('Great work \ufffd and \ufffd, thank you');
    expect(pdf.text).toContain('Full report \ufffd');
    expect(pdf.text).toContain(unshownNote(3));
    expect(unshownNote(3)).toBe(
      'This PDF could not show 3 characters, such as emoji: each is printed as \ufffd.',
    );
    expect(unshownNote(1)).toBe(
      'This PDF could not show 1 character, such as emoji: each is printed as \ufffd.',
    );
    const plain = await renderReport(base);
    expect(plain.unshownCharacters).toBe(0);
    expect((await readPdf(plain.bytes)).text).not.toContain('could not show');
    expect(Buffer.from(plain.bytes).toString('latin1')).not.toContain('/ActualText');
  });
});

import { describe, expect, it } from 'vitest';
import { fullReportDocument } from './full-report-document.js';
import {
  context,
  findSection,
  roundResults,
  tableIn,
  textOf,
  workshopRecord,
} from './report-fixture.testing.js';

describe('the full report document', () => {
  it('shows each indicator for both sides and each qualifying group only', () => {
    const document = fullReportDocument(roundResults(), context);
    const table = tableIn(findSection(document, 'indicator-AA2'));
    expect(table.head).toEqual(['Who', 'Median', 'Range', 'Middle half', '“Don’t know”']);
    expect(table.rows).toEqual([
      { heading: 'Council side', cells: ['3', '3–3', '3–3', '0% (0 of 3)'] },
      { heading: 'Community side', cells: ['2', '2–3', '2–3', '25% (1 of 4)'] },
      { heading: 'Council (council side)', cells: ['3', '3–3', '3–3', '0% (0 of 3)'] },
      { heading: 'VCS (community side)', cells: ['2', '2–3', '2–3', '25% (1 of 4)'] },
    ]);
  });

  it('shows comments by side, and puts the workshop record first in its principle', () => {
    const document = fullReportDocument(roundResults([workshopRecord]), context);
    const aa1 = findSection(document, 'indicator-AA1');
    expect(aa1.blocks.slice(-4)).toEqual([
      { kind: 'paragraph', text: 'Comments from the council side:' },
      { kind: 'list', ordered: false, items: [{ text: 'Council view' }] },
      { kind: 'paragraph', text: 'Comments from the community side:' },
      { kind: 'list', ordered: false, items: [{ text: 'VCS view' }] },
    ]);
    const beta = findSection(document, 'principle-BB');
    expect(beta.subsections.map((s) => s.id)).toEqual([
      'workshop-BB',
      'indicator-BB1',
      'indicator-BB2',
      'indicator-BB3',
    ]);
    expect(textOf({ ...document, sections: [beta] })).toContain('3 (Established)');
    const headline = tableIn(findSection(document, 'headline'));
    expect(headline.head.at(-1)).toBe('Workshop agreed level');
    expect(headline.rows.map((row) => row.cells.at(-1))).toEqual(['Not recorded', '3 (Established)']);
    expect(textOf(document)).not.toContain('someone@example.org');
  });

  it('sets out the method with the threshold and framework version', () => {
    const text = textOf(fullReportDocument(roundResults(), context));
    expect(text).toContain('The threshold for this round is 3 people.');
    expect(text).toContain('relationship framework, version 2026.1: 6 indicators under 2 principles');
    expect(text).toContain('The round ran from 2 March 2026 to 31 March 2026 (closed on 20 March 2026).');
  });
});

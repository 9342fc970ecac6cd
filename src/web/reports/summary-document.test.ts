import { describe, expect, it } from 'vitest';
import type { WorkshopRecord } from '../../app/ports.js';
import type { ResponseInput } from '../../domain/results/index.js';
import { nodesWithRole, readPdf } from './read-pdf.testing.js';
import {
  context,
  findSection,
  level,
  respondent,
  responses,
  roundResults,
  tableIn,
  textOf,
  workshopRecord,
} from './report-fixture.testing.js';
import { summaryDocument } from './summary-document.js';
import { renderReportPdf } from './tagged-pdf.js';

describe('the summary document', () => {
  it('gives the headline chart and its table by the rule, the biggest gaps by name, the top priorities, and no comments', () => {
    const document = summaryDocument(roundResults(), context);
    const headline = findSection(document, 'headline');
    expect(headline.blocks.map((block) => block.kind)).toEqual(['paragraph', 'figure', 'table']);
    const figure = headline.blocks[1];
    expect(figure?.kind === 'figure' && figure.figure.alt).toContain(
      'Alpha principle: council side 3, community side 2',
    );
    expect(figure?.kind === 'figure' && figure.figure.svg).toContain('<svg');
    expect(tableIn(headline).rows).toEqual([
      { heading: 'Alpha principle', cells: ['3', '2', 'Seen differently'] },
      { heading: 'Beta principle', cells: ['4', '2', 'Seen differently'] },
    ]);
    const gaps = findSection(document, 'differences').blocks.find((b) => b.kind === 'list');
    expect(gaps?.kind === 'list' && gaps.items.map((item) => item.label)).toEqual([
      'First beta',
      'Second beta',
      'Last',
    ]);
    expect(textOf(document)).not.toMatch(/\b(AA|BB)\d\b/);
    const priorities = findSection(document, 'priorities').blocks.find((b) => b.kind === 'list');
    expect(priorities?.kind === 'list' && priorities.items).toHaveLength(5);
    const text = textOf(document);
    expect(text).not.toContain('Council view');
    expect(text).not.toContain('VCS view');
    expect(text).toContain('from 2 March 2026 to 31 March 2026 (closed on 20 March 2026)');
  });

  it('suggests a workshop until one is recorded', () => {
    expect(textOf(summaryDocument(roundResults(), context))).toContain('Hold a workshop');
    const text = textOf(summaryDocument(roundResults([workshopRecord]), context));
    expect(text).not.toContain('Hold a workshop');
    expect(text).toContain('The workshop has agreed levels for 1 of 2 principles.');
  });

  it('counts only principles with an agreed level, and names a discussed principle without one', () => {
    const notAgreed: WorkshopRecord = {
      ...workshopRecord,
      id: 'w-2',
      principleCode: 'AA',
      agreedLevel: null,
    };
    const text = textOf(summaryDocument(roundResults([workshopRecord, notAgreed]), context));
    expect(text).toContain(
      'The workshop has agreed levels for 1 of 2 principles; it discussed Alpha principle but did not agree a level.',
    );
    expect(text).toContain('Agree a level and actions for the other principles.');
  });

  it('describes council 3 against community 2.25 as some difference, never as seen much the same way', () => {
    // Community: AA1 all 2s (median 2), AA2 2, 2, 3, 3 (median 2.5), AA3 all "don't know" (no median), so
    // Alpha's community median is the median of 2 and 2.5: 2.25. Council: 3 everywhere.
    const mixed: ResponseInput[] = [
      ...[0, 1, 2].map(() => respondent('g-council', () => level(3))),
      ...[2, 2, 3, 3].map((value) =>
        respondent('g-vcs', (code) =>
          code === 'AA3' ? { kind: 'dont-know' } : level(code === 'AA2' ? value : 2),
        ),
      ),
    ];
    const view = roundResults([], mixed);
    const alpha = view.results.principles.find((p) => p.principleCode === 'AA');
    expect([alpha?.councilMedian, alpha?.communityMedian]).toEqual([3, 2.25]);
    const document = summaryDocument(view, context);
    expect(tableIn(findSection(document, 'headline')).rows[0]).toEqual({
      heading: 'Alpha principle',
      cells: ['3', '2.25', 'Some difference'],
    });
    const figure = findSection(document, 'headline').blocks.find((block) => block.kind === 'figure');
    expect(figure?.kind === 'figure' && figure.figure.alt).toContain(
      'Alpha principle: council side 3, community side 2.25, some difference.',
    );
  });

  it('says there are not enough answers to compare when only one side has results, and draws no gaps', () => {
    const councilOnly = responses.filter((response) => response.groupId === 'g-council');
    const text = textOf(summaryDocument(roundResults([], councilOnly), context));
    expect(text).toContain(
      'There are not enough answers yet to compare the two sides: the community side has no group with at ' +
        'least 3 responses.',
    );
    expect(text).not.toMatch(/no perception gaps|no statement is seen differently/i);
    expect(text).toContain('Not enough answers to compare');
  });
});

describe('the summary PDF', () => {
  it('draws the headline chart as a tagged figure with alt text, followed by its table, and says the rule', async () => {
    const bytes = await renderReportPdf(summaryDocument(roundResults(), context));
    const pdf = await readPdf(bytes);
    const figures = pdf.structTrees.flatMap((tree) => nodesWithRole(tree, 'Figure'));
    expect(figures).toHaveLength(1);
    expect(figures[0]?.alt).toContain(
      'Dot plot of the median level of the council side and the community side',
    );
    expect(figures[0]?.alt).toContain('Beta principle: council side 4, community side 2, seen differently.');
    const roles = pdf.roles.join(' ');
    expect(roles).toMatch(/Figure.*Table/);
    expect(pdf.text).toContain('Median level of each side for each principle');
    expect(pdf.text).toMatch(/Beta principle 4 2 Seen differently/);
    expect(pdf.text).toContain('“seen much the same way”');
    expect(pdf.untagged.join('')).toBe('');
  });
});

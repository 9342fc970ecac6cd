import { describe, expect, it } from 'vitest';
import type { RoundResultsView } from '../../app/assessments/results.js';
import type { GroupRecord, RoundRecord, WorkshopRecord } from '../../app/ports.js';
import type { Framework, Indicator } from '../../domain/framework/framework.js';
import { computeRoundResults, type Rating, type ResponseInput } from '../../domain/results/index.js';
import { fullReportDocument } from './full-report-document.js';
import { readPdf, type StructNode } from './read-pdf.testing.js';
import type { ReportDocument, ReportSection, ReportTable } from './report-document.js';
import { notEnoughResponses, reportFileName, seenPhrase } from './report-document.js';
import { summaryDocument } from './summary-document.js';
import { renderReportPdf } from './tagged-pdf.js';

/**
 * The report documents from a small round: 2 principles of 3 indicators; threshold 3; a council group of 3,
 * a VCS group of 4 and a faith group of 2 (below the threshold, with a secret comment and all 4s).
 */

const SECRET = 'FAITH-SECRET';
const levels = [1, 2, 3, 4].map((level) => ({
  level: level as 1 | 2 | 3 | 4,
  description: `Level ${level}`,
}));
const indicator = (code: string, title: string): Indicator => ({
  code,
  title,
  quickCheck: true,
  statement: `What ${title.toLowerCase()} looks like.`,
  levels,
  discussionQuestions: [],
  guidance: [],
});
const framework: Framework = {
  id: 'test',
  version: '2026.1',
  title: 'Test framework',
  published: '2026-01-01',
  changelog: '',
  about: { title: '', summary: '', sections: [], relatedFrameworks: [] },
  scale: {
    levels: ['Ad hoc', 'Developing', 'Established', 'Embedded'].map((name, index) => ({
      level: (index + 1) as 1 | 2 | 3 | 4,
      name,
      meaning: '',
    })),
    otherAnswers: [
      { key: 'dont-know', label: 'Don’t know', explanation: '' },
      { key: 'not-applicable', label: 'Not applicable', explanation: '' },
    ],
  },
  principles: [
    {
      code: 'AA',
      name: 'Alpha principle',
      description: 'About alpha.',
      indicators: [
        indicator('AA1', 'First alpha'),
        indicator('AA2', 'Second alpha'),
        indicator('AA3', 'Third'),
      ],
    },
    {
      code: 'BB',
      name: 'Beta principle',
      description: 'About beta.',
      indicators: [indicator('BB1', 'First beta'), indicator('BB2', 'Second beta'), indicator('BB3', 'Last')],
    },
  ],
};
const codes = framework.principles.flatMap((p) => p.indicators.map((i) => i.code));

const round: RoundRecord = {
  id: 'round-1',
  partnershipId: 'p-1',
  name: 'Spring check',
  kind: 'full',
  frameworkVersion: '2026.1',
  threshold: 3,
  opensOn: '2026-03-02',
  closesOn: '2026-03-31',
  closedAt: '2026-03-20T10:00:00.000Z',
  thresholdLockedAt: null,
  createdAt: '2026-03-01T09:00:00.000Z',
  answersVersion: 0,
};
const group = (id: string, name: string, side: 'council' | 'community', position: number): GroupRecord => ({
  id,
  roundId: round.id,
  kind: side === 'council' ? 'council' : 'vcs',
  name,
  side,
  position,
  hasShareLink: false,
});
const groups = [
  group('g-council', 'Council', 'council', 0),
  group('g-vcs', 'VCS', 'community', 1),
  group('g-faith', 'Faith', 'community', 2),
];

const level = (value: number): Rating => ({ kind: 'level', level: value as 1 | 2 | 3 | 4 });
const respondent = (groupId: string, rate: (code: string) => Rating, comment?: string): ResponseInput => ({
  groupId,
  ratings: Object.fromEntries(codes.map((code) => [code, rate(code)])),
  comments: comment ? { AA1: comment } : {},
});
const responses: ResponseInput[] = [
  // Council: 3 everywhere, except 4 on BB.
  ...[0, 1, 2].map((who) =>
    respondent('g-council', (code) => level(code.startsWith('BB') ? 4 : 3), who === 0 ? 'Council view' : ''),
  ),
  // VCS: 1, 2, 2, 3 on everything (median 2), one "don't know" on AA2.
  ...[1, 2, 2, 3].map((value, who) =>
    respondent(
      'g-vcs',
      (code) => (code === 'AA2' && who === 0 ? { kind: 'dont-know' } : level(value)),
      who === 1 ? 'VCS view' : '',
    ),
  ),
  // Faith: 4 everywhere with a secret comment. Never counted.
  ...[0, 1].map(() => respondent('g-faith', () => level(4), SECRET)),
];

function roundResults(workshop: WorkshopRecord[] = [], answers = responses): RoundResultsView {
  const results = computeRoundResults({
    threshold: 3,
    principles: framework.principles.map((p) => ({
      code: p.code,
      name: p.name,
      indicatorCodes: p.indicators.map((i) => i.code),
    })),
    groups: groups.map(({ id, name, side }) => ({ id, name, side })),
    responses: answers,
  });
  return {
    view: {
      round,
      status: 'closed',
      groups,
      framework,
      indicators: framework.principles.flatMap((p) => p.indicators),
    },
    results,
    previous: undefined,
    workshop,
  };
}

const context = { partnershipName: 'Testshire Partnership', generatedAt: new Date('2026-04-01T08:00:00Z') };
const workshopRecord: WorkshopRecord = {
  id: 'w-1',
  roundId: round.id,
  principleCode: 'BB',
  agreedLevel: 3,
  reasons: 'Both sides agreed.',
  agreedActions: 'Meet monthly.',
  recordedAt: '2026-04-01T08:00:00.000Z',
  recordedBy: 'someone@example.org',
};

/** Every piece of text in a document, in order. */
function textOf(document: ReportDocument): string {
  const parts: string[] = [document.title, document.partnershipName];
  const section = (item: ReportSection) => {
    parts.push(item.heading);
    for (const block of item.blocks) {
      if (block.kind === 'paragraph') parts.push(block.label ?? '', block.text);
      if (block.kind === 'list') for (const entry of block.items) parts.push(entry.label ?? '', entry.text);
      if (block.kind === 'notice') parts.push(...block.paragraphs);
      if (block.kind === 'table') {
        parts.push(block.table.caption, ...block.table.head);
        for (const row of block.table.rows) parts.push(row.heading, ...row.cells);
      }
    }
    item.subsections.forEach(section);
  };
  document.sections.forEach(section);
  return parts.join('\n');
}

function nodesWithRole(node: StructNode | null | undefined, role: string): StructNode[] {
  if (!node) return [];
  return [
    ...(node.role === role ? [node] : []),
    ...(node.children ?? []).flatMap((c) => nodesWithRole(c, role)),
  ];
}

function findSection(document: ReportDocument, id: string): ReportSection {
  const all = document.sections.flatMap((s) => [s, ...s.subsections]);
  const found = all.find((s) => s.id === id);
  if (!found) throw new Error(`No section ${id} in ${all.map((s) => s.id).join(', ')}`);
  return found;
}

function tableIn(section: ReportSection): ReportTable {
  const block = section.blocks.find((b) => b.kind === 'table');
  if (!block || block.kind !== 'table') throw new Error(`No table in ${section.id}`);
  return block.table;
}

describe('both documents', () => {
  it('name a group below the threshold only as not having enough responses, and use nothing it said', () => {
    for (const document of [
      summaryDocument(roundResults(), context),
      fullReportDocument(roundResults(), context),
    ]) {
      const text = textOf(document);
      expect(text).not.toContain(SECRET);
      expect(text.split('Faith').length - 1).toBe(1);
      expect(text).toContain(notEnoughResponses('Faith'));
      expect(JSON.stringify(document)).not.toContain(SECRET);
      // The community side is the VCS group alone: 4 people, median 2.
      expect(text).toContain('4 people (VCS)');
      expect(text).not.toContain('6 people');
    }
  });

  it('record when they were made and for which partnership', () => {
    const document = summaryDocument(roundResults(), context);
    expect(document.generatedAt).toBe('2026-04-01T08:00:00.000Z');
    expect(document.generatedOn).toBe('1 April 2026');
    expect(document.partnershipName).toBe('Testshire Partnership');
  });
});

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

describe('a round with no responses yet', () => {
  it('still makes both documents and both PDFs, saying there are no results yet', async () => {
    const empty = roundResults([], []);
    for (const document of [summaryDocument(empty, context), fullReportDocument(empty, context)]) {
      const text = textOf(document);
      expect(text).toContain('There are no results yet: no group has enough responses.');
      expect(text).not.toMatch(/no perception gaps|no statement is seen differently/i);
      expect(text).toContain('not enough answers');
      expect(text).toContain('Council side\nno results yet');
      for (const name of ['Council', 'VCS', 'Faith']) expect(text).toContain(notEnoughResponses(name));
      const pdf = await readPdf(await renderReportPdf(document));
      expect(pdf.text).toContain('There are no results yet');
    }
  });
});

describe('wording', () => {
  it('says how the two sides see a principle', () => {
    expect(seenPhrase(3, 2)).toBe('Council side 3, community side 2: seen differently.');
    expect(seenPhrase(3, 2.25)).toBe('Council side 3, community side 2.25: some difference.');
    expect(seenPhrase(3, 2.75)).toBe('Council side 3, community side 2.75: seen much the same way.');
    expect(seenPhrase(2, 2)).toBe('Council side 2, community side 2: seen much the same way.');
    expect(seenPhrase(null, 2)).toBe(
      'Community side 2; no council-side results yet: not enough answers to compare.',
    );
    expect(seenPhrase(null, null)).toBe('Neither side has results yet: not enough answers to compare.');
  });

  it('makes file names that are safe in a header', () => {
    expect(reportFileName('summary', 'northmoor', 'Spring "2026" / Łódź; rm -rf')).toBe(
      'summary-northmoor-spring-2026-odz-rm-rf.pdf',
    );
    expect(reportFileName('report', 'northmoor', '')).toBe('report-northmoor.pdf');
  });
});

import type { RoundResultsView } from '../../app/assessments/results.js';
import type { GroupRecord, RoundRecord, WorkshopRecord } from '../../app/ports.js';
import type { Framework, Indicator } from '../../domain/framework/framework.js';
import { computeRoundResults, type Rating, type ResponseInput } from '../../domain/results/index.js';
import type { ReportDocument, ReportSection, ReportTable } from './report-document.js';

/**
 * For tests only: the round the report documents are tested on. 2 principles of 3 indicators; threshold 3; a
 * council group of 3, a VCS group of 4 and a faith group of 2 (below the threshold, with a secret comment and
 * all 4s).
 */
export const SECRET = 'FAITH-SECRET';
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

export const level = (value: number): Rating => ({ kind: 'level', level: value as 1 | 2 | 3 | 4 });
export const respondent = (
  groupId: string,
  rate: (code: string) => Rating,
  comment?: string,
): ResponseInput => ({
  groupId,
  ratings: Object.fromEntries(codes.map((code) => [code, rate(code)])),
  comments: comment ? { AA1: comment } : {},
});
export const responses: ResponseInput[] = [
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

export function roundResults(workshop: WorkshopRecord[] = [], answers = responses): RoundResultsView {
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

export const context = {
  partnershipName: 'Testshire Partnership',
  generatedAt: new Date('2026-04-01T08:00:00Z'),
};
export const workshopRecord: WorkshopRecord = {
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
export function textOf(document: ReportDocument): string {
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

export function findSection(document: ReportDocument, id: string): ReportSection {
  const all = document.sections.flatMap((s) => [s, ...s.subsections]);
  const found = all.find((s) => s.id === id);
  if (!found) throw new Error(`No section ${id} in ${all.map((s) => s.id).join(', ')}`);
  return found;
}

export function tableIn(section: ReportSection): ReportTable {
  const block = section.blocks.find((b) => b.kind === 'table');
  if (!block || block.kind !== 'table') throw new Error(`No table in ${section.id}`);
  return block.table;
}

import { describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../app/ports.js';
import type { ActionStatus } from '../../domain/actions/actions.js';
import { actionPlanReportSection, dueText, ownerText, type PlanEntry } from './action-plan-section.js';
import { PLAN_SUMMARY_LIST_LIMIT, planSummaryDocument } from './plan-summary-document.js';
import type { ReportBlock, ReportDocument, ReportSection } from './report-document.js';

const today = '2026-06-15';
const principleNames = new Map([
  ['SF', 'Shared foundations'],
  ['RC', 'Relational culture'],
]);
const facts = { today, principleNames };

let counter = 0;
function entry(
  change: Partial<ActionRecord> & { status: ActionStatus },
  ownerName: string | null = 'Age UK',
): PlanEntry {
  counter += 1;
  return {
    action: {
      id: `a${counter}`,
      partnershipId: 'p',
      roundId: null,
      title: `Action ${counter}`,
      description: '',
      indicatorCodes: ['SF1'],
      side: 'vcs',
      ownerOrganisationId: ownerName ? 'o1' : null,
      leadName: 'Sam Lead',
      dueOn: null,
      source: 'manual',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      ...change,
    },
    latestNote: undefined,
    ownerName,
  };
}

const sectionById = (document: ReportDocument, id: string) =>
  document.sections.find((s) => s.id === id) as ReportSection;
const textOf = (blocks: readonly ReportBlock[]) => JSON.stringify(blocks);
const context = { partnershipName: 'Northmoor', generatedAt: new Date(`${today}T09:00:00Z`) };

describe('action plan wording', () => {
  it.each([
    [{ dueOn: null, status: 'in-progress' as const }, 'No due date'],
    [{ dueOn: '2026-06-14', status: 'in-progress' as const }, 'Overdue: due 14 June 2026'],
    [{ dueOn: '2026-06-14', status: 'done' as const }, 'Due 14 June 2026'],
    [{ dueOn: '2026-06-15', status: 'not-started' as const }, 'Due 15 June 2026'],
  ])('due text for %j is %s', (change, expected) => {
    expect(dueText(entry(change).action, today)).toBe(expected);
  });

  it.each([
    [entry({ status: 'done', side: 'vcs' }), 'Age UK (VCS)'],
    [entry({ status: 'done', side: 'joint' }, null), 'No owner (joint)'],
    [entry({ status: 'done', side: 'council' }, 'Northmoor Council'), 'Northmoor Council (council)'],
  ])('owner text', (planEntry, expected) => {
    expect(ownerText(planEntry)).toBe(expected);
  });
});

describe('the one-page plan summary', () => {
  it('counts actions by status and lists overdue, due soon and recently done ones', () => {
    const overdue = entry({ status: 'in-progress', dueOn: '2026-06-01', title: 'Late one' });
    const soon = entry({ status: 'not-started', dueOn: '2026-07-10', title: 'Soon one' });
    const later = entry({ status: 'not-started', dueOn: '2026-09-30', title: 'Later one' });
    const doneRecently = entry({
      status: 'done',
      updatedAt: '2026-05-01T10:00:00.000Z',
      title: 'Done lately',
    });
    const doneLongAgo = entry({
      status: 'done',
      updatedAt: '2025-12-01T10:00:00.000Z',
      title: 'Done long ago',
    });
    const dropped = entry({
      status: 'dropped',
      dueOn: '2026-01-01',
      title: 'Dropped one',
      indicatorCodes: ['RC2'],
    });
    const document = planSummaryDocument(
      [overdue, soon, later, doneRecently, doneLongAgo, dropped],
      facts,
      context,
    );

    expect(document.kind).toBe('plan');
    expect(textOf(sectionById(document, 'at-a-glance').blocks)).toContain(
      '6 actions (1 overdue) in the plan: 2 not started, 1 in progress, 2 done and 1 dropped.',
    );
    const overdueText = textOf(sectionById(document, 'overdue').blocks);
    expect(overdueText).toContain('Late one');
    expect(overdueText).not.toContain('Dropped one');
    const soonText = textOf(sectionById(document, 'due-soon').blocks);
    expect(soonText).toContain('Soon one');
    expect(soonText).not.toContain('Later one');
    const doneText = textOf(sectionById(document, 'done-lately').blocks);
    expect(doneText).toContain('Done lately');
    expect(doneText).not.toContain('Done long ago');

    const table = sectionById(document, 'by-principle').blocks[0] as Extract<ReportBlock, { kind: 'table' }>;
    expect(table.table.rows).toEqual([
      { heading: 'Shared foundations', cells: ['3', '1', '2'] },
      { heading: 'Relational culture', cells: ['0', '0', '0'] },
    ]);
  });

  it(`cuts each list at ${PLAN_SUMMARY_LIST_LIMIT} and says how many more there are`, () => {
    const many = Array.from({ length: PLAN_SUMMARY_LIST_LIMIT + 3 }, () =>
      entry({ status: 'in-progress', dueOn: '2026-05-01' }),
    );
    const overdue = sectionById(planSummaryDocument(many, facts, context), 'overdue').blocks[0] as Extract<
      ReportBlock,
      { kind: 'list' }
    >;
    expect(overdue.items).toHaveLength(PLAN_SUMMARY_LIST_LIMIT + 1);
    expect(overdue.items.at(-1)?.text).toBe('and 3 more actions: see the action plan.');
  });

  it('says plainly when there is nothing to list', () => {
    const document = planSummaryDocument([], facts, context);
    expect(textOf(sectionById(document, 'overdue').blocks)).toContain('No actions are overdue.');
    expect(textOf(sectionById(document, 'at-a-glance').blocks)).toContain('0 actions in the plan');
  });
});

describe('the full report’s action plan section', () => {
  it('shows this round’s actions and the carried-over ones in separate tables, overdue first', () => {
    const onTime = entry({ status: 'in-progress', dueOn: '2026-08-01', title: 'On time' });
    const late = entry({ status: 'not-started', dueOn: '2026-06-01', title: 'Late' });
    const carried = entry({ status: 'in-progress', title: 'Carried' });
    const withNote: PlanEntry = {
      ...carried,
      latestNote: {
        id: 'n',
        actionId: carried.action.id,
        note: 'Met the forum',
        notedOn: '2026-06-10',
        authorLabel: 'Jo',
        createdAt: '',
      },
    };
    const result = actionPlanReportSection([onTime, late], [withNote], facts);
    expect(result.subsections.map((s) => s.id)).toEqual(['actions-this-round', 'actions-carried-over']);
    const table = result.subsections[0]?.blocks[1] as Extract<ReportBlock, { kind: 'table' }>;
    expect(table.table.rows.map((row) => row.heading)).toEqual(['Late', 'On time']);
    expect(table.table.rows[0]?.cells).toContain('Not started, overdue');
    expect(textOf(result.subsections[1]?.blocks ?? [])).toContain('10 June 2026: Met the forum (Jo)');
  });

  it('says so when the round has no actions', () => {
    const result = actionPlanReportSection([], [], facts);
    expect(result.subsections).toEqual([]);
    expect(textOf(result.blocks)).toContain('No actions have been added for this round yet.');
  });
});

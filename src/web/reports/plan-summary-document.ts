/**
 * The one-page action plan summary for lead members: how many actions there are and where they stand, what is
 * overdue, what is due soon, what was done lately, and progress by principle. Pure: built from actions already
 * loaded, with no I/O. Lists are cut short so the PDF fits on one A4 page; the plan page has everything.
 */
import { isOpen, isOverdue, principleOf } from '../../domain/actions/actions.js';
import { actionCount, ownerText, type PlanEntry, type PlanFacts } from './action-plan-section.js';
import {
  dayText,
  list,
  paragraph,
  section,
  ukDayText,
  type LabelledText,
  type ReportContext,
  type ReportDocument,
  type ReportSection,
} from './report-document.js';
import { addDays } from '../../domain/shared/calendar-days.js';

/** How many actions each list shows before "and N more". */
export const PLAN_SUMMARY_LIST_LIMIT = 5;
/** "Due soon" means within this many days from today. */
export const DUE_SOON_DAYS = 30;
/** "Done lately" means marked done within this many days. */
export const DONE_LATELY_DAYS = 90;

function cutShort(items: readonly LabelledText[], what: string): LabelledText[] {
  if (items.length <= PLAN_SUMMARY_LIST_LIMIT) return [...items];
  const more = items.length - PLAN_SUMMARY_LIST_LIMIT;
  return [
    ...items.slice(0, PLAN_SUMMARY_LIST_LIMIT),
    { text: `and ${more} more ${what}: see the action plan.` },
  ];
}

const byDue = (a: PlanEntry, b: PlanEntry) =>
  (a.action.dueOn ?? '9999-12-31').localeCompare(b.action.dueOn ?? '9999-12-31');

function listSection(
  id: string,
  heading: string,
  entries: readonly PlanEntry[],
  describe: (entry: PlanEntry) => string,
  none: string,
): ReportSection {
  if (entries.length === 0) return section(id, heading, [paragraph(none)]);
  const items = entries.map((entry) => ({ label: entry.action.title, text: describe(entry) }));
  return section(id, heading, [list(cutShort(items, entries.length === 1 ? 'action' : 'actions'))]);
}

export function planSummaryDocument(
  entries: readonly PlanEntry[],
  facts: PlanFacts,
  context: ReportContext,
): ReportDocument {
  const { today } = facts;
  const open = entries.filter((entry) => isOpen(entry.action));
  const overdue = open.filter((entry) => isOverdue(entry.action, today)).sort(byDue);
  const soonLimit = addDays(today, DUE_SOON_DAYS);
  const dueSoon = open
    .filter((entry) => entry.action.dueOn !== null && entry.action.dueOn >= today)
    .filter((entry) => (entry.action.dueOn as string) <= soonLimit)
    .sort(byDue);
  const doneSince = addDays(today, -DONE_LATELY_DAYS);
  const doneLately = entries.filter(
    (entry) => entry.action.status === 'done' && entry.action.updatedAt.slice(0, 10) >= doneSince,
  );
  const count = (status: string) => entries.filter((entry) => entry.action.status === status).length;

  const glance = section('at-a-glance', 'At a glance', [
    paragraph(
      `${actionCount(entries, today)} in the plan: ${count('not-started')} not started, ` +
        `${count('in-progress')} in progress, ${count('done')} done and ${count('dropped')} dropped.`,
    ),
  ]);

  const principleRows = [...facts.principleNames.entries()].map(([code, name]) => {
    const mine = entries.filter((entry) => entry.action.indicatorCodes.map(principleOf).includes(code));
    const openHere = mine.filter((entry) => isOpen(entry.action));
    return {
      heading: name,
      cells: [
        String(openHere.length),
        String(openHere.filter((entry) => isOverdue(entry.action, today)).length),
        String(mine.filter((entry) => entry.action.status === 'done').length),
      ],
    };
  });

  return {
    kind: 'plan',
    title: 'Action plan summary',
    partnershipName: context.partnershipName,
    roundName: '',
    generatedAt: context.generatedAt.toISOString(),
    generatedOn: ukDayText(context.generatedAt),
    intro: [
      paragraph(
        `Where the partnership’s agreed actions stand on ${dayText(today)}, for lead members and board ` +
          'papers. The action plan in Common Ground has every action with its progress notes.',
      ),
    ],
    sections: [
      glance,
      listSection(
        'overdue',
        'Overdue',
        overdue,
        (entry) =>
          `${ownerText(entry)}, led by ${entry.action.leadName}, was due ${dayText(entry.action.dueOn as string)}.`,
        'No actions are overdue.',
      ),
      listSection(
        'due-soon',
        `Due in the next ${DUE_SOON_DAYS} days`,
        dueSoon,
        (entry) => `${ownerText(entry)}, due ${dayText(entry.action.dueOn as string)}.`,
        `No open actions are due in the next ${DUE_SOON_DAYS} days.`,
      ),
      listSection(
        'done-lately',
        'Done in the last 3 months',
        doneLately,
        (entry) => `${ownerText(entry)}.`,
        'No actions were marked done in the last 3 months.',
      ),
      section('by-principle', 'By principle', [
        {
          kind: 'table',
          table: {
            caption: 'Actions by principle',
            head: ['Principle', 'Open', 'Overdue', 'Done'],
            widths: [3, 1, 1, 1],
            rows: principleRows,
          },
        },
      ]),
    ],
  };
}

/**
 * Actions and their progress as report content: the "Action plan" section of a round's full report, and the
 * shared wording the one-page plan summary uses. Pure: built from actions already loaded, with no I/O.
 */
import type { ActionNoteRecord, ActionRecord } from '../../app/ports.js';
import {
  actionSideLabels,
  actionStatusLabels,
  isOverdue,
  overdueFirst,
  principleOf,
} from '../../domain/actions/actions.js';
import { dayText, paragraph, section, type ReportBlock, type ReportSection } from './report-document.js';

/** One action with what a report says about it besides its own fields. */
export interface PlanEntry {
  readonly action: ActionRecord;
  readonly latestNote: ActionNoteRecord | undefined;
  /** The owning organisation's name, or null when no organisation owns it. */
  readonly ownerName: string | null;
}

/** What every action report needs besides the actions: today's date and the principles' names. */
export interface PlanFacts {
  /** YYYY-MM-DD, the day the report is produced. */
  readonly today: string;
  readonly principleNames: ReadonlyMap<string, string>;
}

/** "Age UK Northmoor (VCS)"; "No owner (joint)". */
export function ownerText(entry: PlanEntry): string {
  const side = entry.action.side === 'vcs' ? 'VCS' : actionSideLabels[entry.action.side].toLowerCase();
  return `${entry.ownerName ?? 'No owner'} (${side})`;
}

/** "Due 3 March 2026", "Overdue: due 3 March 2026", "No due date". */
export function dueText(action: ActionRecord, today: string): string {
  if (!action.dueOn) return 'No due date';
  return isOverdue(action, today) ? `Overdue: due ${dayText(action.dueOn)}` : `Due ${dayText(action.dueOn)}`;
}

/** "In progress", or "In progress, overdue". */
export function statusText(action: ActionRecord, today: string): string {
  const label = actionStatusLabels[action.status];
  return isOverdue(action, today) ? `${label}, overdue` : label;
}

/** The latest progress note as "2 March 2026: text (Name)", or a dash. */
export function latestNoteText(note: ActionNoteRecord | undefined): string {
  return note ? `${dayText(note.notedOn)}: ${note.note} (${note.authorLabel})` : 'No progress notes yet';
}

/** "SF1, SF2 (Shared foundations)". */
export function indicatorsText(action: ActionRecord, principleNames: ReadonlyMap<string, string>): string {
  if (action.indicatorCodes.length === 0) return 'Not linked to an indicator';
  const principles = [...new Set(action.indicatorCodes.map(principleOf))]
    .map((code) => principleNames.get(code) ?? code)
    .join('; ');
  return `${action.indicatorCodes.join(', ')} (${principles})`;
}

function actionTable(caption: string, entries: readonly PlanEntry[], facts: PlanFacts): ReportBlock {
  return {
    kind: 'table',
    table: {
      caption,
      head: ['Action', 'Indicators', 'Owner', 'Lead', 'Due', 'Status', 'Latest progress'],
      widths: [2.4, 1.4, 1.6, 1.1, 1.3, 1.1, 2.6],
      rows: overdueFirst(
        entries.map((entry) => entry.action),
        facts.today,
      ).map((action) => {
        const entry = entries.find((candidate) => candidate.action.id === action.id) as PlanEntry;
        return {
          heading: action.title,
          cells: [
            indicatorsText(action, facts.principleNames),
            ownerText(entry),
            action.leadName,
            dueText(action, facts.today),
            statusText(action, facts.today),
            latestNoteText(entry.latestNote),
          ],
        };
      }),
    },
  };
}

/** "3 actions (1 overdue)". */
export function actionCount(entries: readonly PlanEntry[], today: string): string {
  const overdue = entries.filter((entry) => isOverdue(entry.action, today)).length;
  const count = `${entries.length} ${entries.length === 1 ? 'action' : 'actions'}`;
  return overdue > 0 ? `${count} (${overdue} overdue)` : count;
}

/**
 * The full report's action plan: the actions started from this round, and the open actions carried over into
 * it from earlier rounds, each with its owner, lead, due date, status and latest progress note.
 */
export function actionPlanReportSection(
  fromThisRound: readonly PlanEntry[],
  carriedOver: readonly PlanEntry[],
  facts: PlanFacts,
): ReportSection {
  const blocks: ReportBlock[] = [
    paragraph(
      'What the partnership has agreed to do about these results, and how far each action has got. ' +
        `Overdue actions come first. Status as on ${dayText(facts.today)}.`,
    ),
  ];
  const subsections: ReportSection[] = [];
  if (fromThisRound.length === 0 && carriedOver.length === 0) {
    blocks.push(paragraph('No actions have been added for this round yet.'));
  }
  if (fromThisRound.length > 0) {
    subsections.push(
      section('actions-this-round', 'Actions from this round', [
        paragraph(`${actionCount(fromThisRound, facts.today)} added from this round’s results.`),
        actionTable('Actions from this round', fromThisRound, facts),
      ]),
    );
  }
  if (carriedOver.length > 0) {
    subsections.push(
      section('actions-carried-over', 'Open actions carried over from earlier rounds', [
        paragraph(`${actionCount(carriedOver, facts.today)} still open from earlier rounds.`),
        actionTable('Open actions carried over from earlier rounds', carriedOver, facts),
      ]),
    );
  }
  return section('action-plan', 'Action plan', blocks, subsections);
}

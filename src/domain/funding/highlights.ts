/** What the partnership dashboard picks out of the funding pipeline: clashes and close deadlines. Pure. */
import type { ClashFinding } from './clashes.js';
import { byDeadline, deadlineState } from './opportunities.js';

interface PipelineEntry {
  readonly opportunity: { readonly deadline: string | null; readonly fundName: string };
  readonly clash: ClashFinding;
}

export interface PipelineHighlights<T> {
  /** Two or more partners plan to lead a bid, nothing is planned about it, and the deadline has not passed. */
  readonly clashes: readonly T[];
  /** Deadlines from today to two weeks ahead (`deadlineSoonDays`), soonest first. */
  readonly closingSoon: readonly T[];
}

export function pipelineHighlights<T extends PipelineEntry>(
  entries: readonly T[],
  today: string,
): PipelineHighlights<T> {
  const ordered = byDeadline(
    entries.map((entry) => ({ ...entry.opportunity, entry })),
    today,
  ).map((o) => o.entry);
  const state = (entry: T) => deadlineState(entry.opportunity.deadline, today);
  return {
    clashes: ordered.filter((entry) => entry.clash.kind === 'clash' && state(entry) !== 'closed'),
    closingSoon: ordered.filter((entry) => state(entry) === 'today' || state(entry) === 'soon'),
  };
}

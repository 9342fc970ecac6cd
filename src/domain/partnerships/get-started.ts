/**
 * The "Get started" task list a partnership admin sees until the partnership is set up. Each task ticks itself
 * off from what the partnership really holds, so it is never out of step with the data.
 */

export const getStartedTasks = [
  'area-data',
  'organisations',
  'members',
  'first-quick-check',
  'directory',
  'needs',
] as const;
export type GetStartedTask = (typeof getStartedTasks)[number];

/** Counts of what the partnership holds, read from its records. */
export interface SetupCounts {
  /** Areas (wards, neighbourhoods) recorded inside the partnership's local authority. */
  readonly areas: number;
  readonly organisations: number;
  /** Members, the admin included. */
  readonly members: number;
  /** Invitations to join that are waiting for an answer. */
  readonly pendingInvitations: number;
  readonly rounds: number;
  readonly services: number;
  readonly needs: number;
}

/** Done once the partnership holds the thing the task asks for. */
const doneWhen: Record<GetStartedTask, (counts: SetupCounts) => boolean> = {
  'area-data': (counts) => counts.areas > 0,
  // The council on its own is not a partnership: at least one partner organisation besides it.
  organisations: (counts) => counts.organisations >= 2,
  // Someone besides the admin who set it up, or at least an invitation on its way.
  members: (counts) => counts.members >= 2 || counts.pendingInvitations > 0,
  'first-quick-check': (counts) => counts.rounds > 0,
  directory: (counts) => counts.services > 0,
  needs: (counts) => counts.needs > 0,
};

export interface TaskStatus {
  readonly task: GetStartedTask;
  readonly done: boolean;
}

export interface GetStartedProgress {
  readonly tasks: readonly TaskStatus[];
  readonly doneCount: number;
  readonly allDone: boolean;
  /** The first task not done yet: what to do next. */
  readonly next: GetStartedTask | undefined;
}

export function getStartedProgress(counts: SetupCounts): GetStartedProgress {
  const tasks = getStartedTasks.map((task) => ({ task, done: doneWhen[task](counts) }));
  const doneCount = tasks.filter((status) => status.done).length;
  return {
    tasks,
    doneCount,
    allDone: doneCount === tasks.length,
    next: tasks.find((status) => !status.done)?.task,
  };
}

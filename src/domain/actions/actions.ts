/**
 * Action plans: what a partnership agrees to do about its results. Pure rules only: what a valid action looks
 * like, when one is overdue, and how a plan is grouped and filtered. Dates are ISO dates (YYYY-MM-DD); today
 * is passed in.
 */

export const actionSides = ['council', 'vcs', 'joint'] as const;
export type ActionSide = (typeof actionSides)[number];

export const actionSideLabels: Record<ActionSide, string> = {
  council: 'Council',
  vcs: 'Voluntary and community sector',
  joint: 'Joint',
};

export const actionStatuses = ['not-started', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const actionStatusLabels: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

export const actionLimits = {
  titleMin: 3,
  titleMax: 160,
  descriptionMax: 4000,
  leadMax: 120,
  noteMax: 2000,
} as const;

export function isActionSide(value: unknown): value is ActionSide {
  return typeof value === 'string' && (actionSides as readonly string[]).includes(value);
}

export function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === 'string' && (actionStatuses as readonly string[]).includes(value);
}

/** The fields of an action that the rules look at. */
export interface ActionFacts {
  readonly title: string;
  readonly indicatorCodes: readonly string[];
  readonly side: ActionSide;
  readonly ownerOrganisationId: string | null;
  readonly dueOn: string | null;
  readonly status: ActionStatus;
}

/** A dated progress note. */
export interface ProgressNote {
  readonly note: string;
  readonly notedOn: string;
  readonly authorLabel: string;
}

/** An action as typed into a form: every field a string (indicators a list). */
export interface ActionDraft {
  readonly title: string;
  readonly description: string;
  readonly indicatorCodes: readonly string[];
  readonly ownerOrganisationId: string;
  readonly side: string;
  readonly leadName: string;
  readonly dueOn: string;
  readonly status: string;
}

export interface CheckedAction {
  readonly title: string;
  readonly description: string;
  readonly indicatorCodes: readonly string[];
  readonly ownerOrganisationId: string | null;
  readonly side: ActionSide;
  readonly leadName: string;
  readonly dueOn: string | null;
  readonly status: ActionStatus;
}

/** What a draft is checked against: the framework's indicator codes and the partnership's organisations. */
export interface ActionContext {
  readonly indicatorCodes: readonly string[];
  readonly organisationIds: readonly string[];
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function isRealDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Checks an action as someone typed it. Problems are keyed by form field and written for people. */
export function checkActionDraft(
  draft: ActionDraft,
  context: ActionContext,
): { ok: true; value: CheckedAction } | { ok: false; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const title = draft.title.trim();
  if (title.length < actionLimits.titleMin || title.length > actionLimits.titleMax) {
    problems.title = `Enter a title for the action, from ${actionLimits.titleMin} to ${actionLimits.titleMax} characters`;
  }
  const description = draft.description.trim();
  if (description.length > actionLimits.descriptionMax) {
    problems.description = 'The description must be 4,000 characters or fewer';
  }
  const codes = [...new Set(draft.indicatorCodes.map((code) => code.trim()).filter((code) => code !== ''))];
  const unknown = codes.filter((code) => !context.indicatorCodes.includes(code));
  if (unknown.length > 0) problems.indicatorCodes = 'Select indicators from the framework';
  const owner = draft.ownerOrganisationId.trim();
  if (owner === '') problems.ownerOrganisationId = 'Select the organisation that owns this action';
  else if (!context.organisationIds.includes(owner)) {
    problems.ownerOrganisationId = 'Select one of the partnership’s organisations';
  }
  if (!isActionSide(draft.side))
    problems.side = 'Select whether the council, the sector or both will do this';
  const leadName = draft.leadName.trim();
  if (leadName.length > actionLimits.leadMax)
    problems.leadName = 'The lead’s name must be 120 characters or fewer';
  const dueOn = draft.dueOn.trim();
  if (dueOn !== '' && !isRealDate(dueOn)) problems.dueOn = 'Enter a real due date, or leave it blank';
  const status = draft.status.trim() === '' ? 'not-started' : draft.status.trim();
  if (!isActionStatus(status)) problems.status = 'Select the action’s status';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      title,
      description,
      indicatorCodes: codes,
      ownerOrganisationId: owner,
      side: draft.side as ActionSide,
      leadName,
      dueOn: dueOn === '' ? null : dueOn,
      status: status as ActionStatus,
    },
  };
}

/** Checks a progress note as typed. */
export function checkProgressNote(draft: {
  note: string;
  status: string;
}):
  | { ok: true; value: { note: string; status: ActionStatus | null } }
  | { ok: false; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const note = draft.note.trim();
  if (note === '') problems.note = 'Enter a progress note';
  else if (note.length > actionLimits.noteMax) problems.note = 'The note must be 2,000 characters or fewer';
  const status = draft.status.trim();
  if (status !== '' && !isActionStatus(status)) problems.status = 'Select the action’s status';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, value: { note, status: status === '' ? null : (status as ActionStatus) } };
}

export function isOpen(action: Pick<ActionFacts, 'status'>): boolean {
  return action.status !== 'done' && action.status !== 'dropped';
}

/** Due before today and neither done nor dropped. */
export function isOverdue(action: Pick<ActionFacts, 'dueOn' | 'status'>, today: string): boolean {
  return action.dueOn !== null && action.dueOn < today && isOpen(action);
}

/** An indicator code's principle: the letters before the number (SF1 → SF). */
export function principleOf(indicatorCode: string): string {
  return /^[A-Z]+/.exec(indicatorCode)?.[0] ?? '';
}

export interface Group<T> {
  readonly key: string;
  readonly items: readonly T[];
}

/**
 * Groups actions by the principle of their first linked indicator, in the order of `principleCodes`; actions
 * with no indicators come last under the key ''.
 */
export function groupByPrinciple<T extends Pick<ActionFacts, 'indicatorCodes'>>(
  actions: readonly T[],
  principleCodes: readonly string[],
): Group<T>[] {
  const keyOf = (action: T) => {
    const first = action.indicatorCodes.map(principleOf).find((code) => principleCodes.includes(code));
    return first ?? '';
  };
  return [...principleCodes, '']
    .map((key) => ({ key, items: actions.filter((action) => keyOf(action) === key) }))
    .filter((group) => group.items.length > 0);
}

/** Groups by status in the order not started, in progress, done, dropped; empty groups are left out. */
export function groupByStatus<T extends Pick<ActionFacts, 'status'>>(actions: readonly T[]): Group<T>[] {
  return actionStatuses
    .map((key) => ({ key, items: actions.filter((action) => action.status === key) }))
    .filter((group) => group.items.length > 0);
}

/** Overdue actions first, then by due date (undated last), keeping the original order otherwise. */
export function overdueFirst<T extends Pick<ActionFacts, 'dueOn' | 'status'>>(
  actions: readonly T[],
  today: string,
): T[] {
  return actions
    .map((action, index) => ({ action, index }))
    .sort((a, b) => {
      const overdue = Number(isOverdue(b.action, today)) - Number(isOverdue(a.action, today));
      if (overdue !== 0) return overdue;
      const due = (a.action.dueOn ?? '9999-12-31').localeCompare(b.action.dueOn ?? '9999-12-31');
      return due !== 0 ? due : a.index - b.index;
    })
    .map(({ action }) => action);
}

export interface ActionFilter {
  readonly ownerOrganisationId?: string | undefined;
  readonly side?: ActionSide | undefined;
}

export function filterActions<T extends Pick<ActionFacts, 'ownerOrganisationId' | 'side'>>(
  actions: readonly T[],
  filter: ActionFilter,
): T[] {
  return actions.filter(
    (action) =>
      (!filter.ownerOrganisationId || action.ownerOrganisationId === filter.ownerOrganisationId) &&
      (!filter.side || action.side === filter.side),
  );
}

/** Open and done counts per indicator code (dropped actions count as neither). */
export function countByIndicator(
  actions: readonly Pick<ActionFacts, 'indicatorCodes' | 'status'>[],
): Record<string, { open: number; done: number }> {
  const counts: Record<string, { open: number; done: number }> = {};
  for (const action of actions) {
    for (const code of action.indicatorCodes) {
      const entry = (counts[code] ??= { open: 0, done: 0 });
      if (action.status === 'done') entry.done += 1;
      else if (isOpen(action)) entry.open += 1;
    }
  }
  return counts;
}

/**
 * Who may change an action: partnership admins manage every action; council and VCS members manage the
 * actions their own organisation owns; viewers, and members with no organisation, change none.
 */
export function mayManageAction(
  member: { readonly role: string; readonly organisationId: string | null },
  action: Pick<ActionFacts, 'ownerOrganisationId'>,
): boolean {
  if (member.role === 'partnership-admin') return true;
  if (member.role !== 'council-member' && member.role !== 'vcs-member') return false;
  return member.organisationId !== null && action.ownerOrganisationId === member.organisationId;
}

/** Who may add an action at all: anyone who may edit; non-admins only for their own organisation. */
export function mayAddActions(member: {
  readonly role: string;
  readonly organisationId: string | null;
}): boolean {
  return (
    member.role === 'partnership-admin' ||
    ((member.role === 'council-member' || member.role === 'vcs-member') && member.organisationId !== null)
  );
}

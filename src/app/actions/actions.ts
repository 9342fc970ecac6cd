import {
  checkActionDraft,
  checkProgressNote,
  countByIndicator,
  isOpen,
  mayAddActions,
  mayManageAction,
  type ActionDraft,
} from '../../domain/actions/actions.js';
import { ukDate } from '../../domain/assessment/round-rules.js';
import type { FrameworkLibrary } from '../assessments/framework-library.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { ActionNoteRecord, ActionRecord } from './action-store.js';
import type { Clock } from '../shared/system-ports.js';
import type { MembershipRecord } from '../partnerships/partnership-store.js';
import type { RoundRecord } from '../assessments/assessment-store.js';
import type { Store } from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';

/** One suggested action from a guidance article. */
export interface GuidanceSuggestion {
  readonly title: string;
  readonly description: string;
}

/** What suggestions need from the guidance library: an article's suggested actions by its slug. */
export interface GuidanceSource {
  find(
    slug: string,
  ): { readonly title: string; readonly suggestedActions: readonly GuidanceSuggestion[] } | undefined;
}

export interface ActionDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly frameworks: FrameworkLibrary;
  /** The guidance library, when it is loaded; suggestions fall back to the framework's own words without it. */
  readonly guidance?: GuidanceSource | undefined;
}

/** Where a new action came from, when it was started from a round's results. */
export interface ActionOrigin {
  readonly roundId: string | null;
  readonly source: string;
}

const sourcePattern = /^(manual|(gap|priority):[A-Z]{2}\d{1,2}|workshop:[A-Z]{2})$/;

/** A source as given in a link, or 'manual' when it is missing or not one we know. */
export function cleanSource(value: string): string {
  return sourcePattern.test(value) ? value : 'manual';
}

async function checked(
  deps: ActionDeps,
  partnershipId: string,
  draft: ActionDraft,
  member: MembershipRecord,
) {
  const organisations = await deps.store.organisations.listByPartnership(partnershipId);
  const result = checkActionDraft(draft, {
    indicatorCodes: deps.frameworks.current.principles.flatMap((p) => p.indicators.map((i) => i.code)),
    organisationIds: organisations.map((o) => o.id),
  });
  if (!result.ok) throw new ValidationError(result.problems);
  if (member.role !== 'partnership-admin' && result.value.ownerOrganisationId !== member.organisationId) {
    throw new ValidationError({
      ownerOrganisationId: 'Select your own organisation: you can only manage its actions',
    });
  }
  return result.value;
}

export async function createAction(
  deps: ActionDeps,
  partnershipId: string,
  member: MembershipRecord,
  draft: ActionDraft,
  origin: ActionOrigin,
  actor: Actor,
): Promise<ActionRecord> {
  if (!mayAddActions(member)) throw new ForbiddenError('You cannot add actions');
  const value = await checked(deps, partnershipId, draft, member);
  const round = origin.roundId ? await deps.store.rounds.find(partnershipId, origin.roundId) : undefined;
  const now = deps.clock.now().toISOString();
  const action: ActionRecord = {
    id: newId(),
    partnershipId,
    roundId: round?.id ?? null,
    ...value,
    indicatorCodes: [...value.indicatorCodes],
    source: cleanSource(origin.source),
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.transaction(async (store) => {
    await store.actions.insert(action);
    await recordAudit(store, deps.clock, {
      partnershipId,
      actor,
      action: 'action-created',
      subject: action.title,
    });
  });
  return action;
}

async function managed(deps: ActionDeps, partnershipId: string, member: MembershipRecord, actionId: string) {
  const action = await deps.store.actions.find(partnershipId, actionId);
  if (!action) throw new NotFoundError('No such action');
  if (!mayManageAction(member, action)) throw new ForbiddenError('You cannot change this action');
  return action;
}

export async function updateAction(
  deps: ActionDeps,
  partnershipId: string,
  member: MembershipRecord,
  actionId: string,
  draft: ActionDraft,
  actor: Actor,
): Promise<ActionRecord> {
  const action = await managed(deps, partnershipId, member, actionId);
  const value = await checked(deps, partnershipId, draft, member);
  const updated: ActionRecord = {
    ...action,
    ...value,
    indicatorCodes: [...value.indicatorCodes],
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.store.transaction(async (store) => {
    await store.actions.update(updated);
    await recordAudit(store, deps.clock, {
      partnershipId,
      actor,
      action: 'action-updated',
      subject: updated.title,
    });
  });
  return updated;
}

/** Adds a note dated today and, if asked, changes the status in the same change. */
export async function addProgressNote(
  deps: ActionDeps,
  partnershipId: string,
  member: MembershipRecord,
  actionId: string,
  input: { note: string; status: string },
  actor: Actor,
): Promise<ActionNoteRecord> {
  const action = await managed(deps, partnershipId, member, actionId);
  const result = checkProgressNote(input);
  if (!result.ok) throw new ValidationError(result.problems);
  const now = deps.clock.now();
  const note: ActionNoteRecord = {
    id: newId(),
    actionId: action.id,
    note: result.value.note,
    notedOn: ukDate(now),
    authorLabel: actor.label,
    createdAt: now.toISOString(),
  };
  const status = result.value.status;
  await deps.store.transaction(async (store) => {
    await store.actions.addNote(note);
    if (status && status !== action.status) {
      await store.actions.update({ ...action, status, updatedAt: now.toISOString() });
      await recordAudit(store, deps.clock, {
        partnershipId,
        actor,
        action: 'action-status-changed',
        subject: `${action.title}: ${action.status} to ${status}`,
      });
    } else {
      await store.actions.update({ ...action, updatedAt: now.toISOString() });
    }
    await recordAudit(store, deps.clock, {
      partnershipId,
      actor,
      action: 'action-note-added',
      subject: action.title,
    });
  });
  return note;
}

export async function findAction(deps: ActionDeps, partnershipId: string, actionId: string) {
  const action = await deps.store.actions.find(partnershipId, actionId);
  if (!action) return undefined;
  return { action, notes: await deps.store.actions.notes(action.id) };
}

/** Every action with its newest note, oldest action first. */
export async function listActions(deps: ActionDeps, partnershipId: string) {
  const actions = await deps.store.actions.list(partnershipId);
  return Promise.all(
    actions.map(async (action) => ({ action, latestNote: (await deps.store.actions.notes(action.id))[0] })),
  );
}

/**
 * Open actions from earlier rounds, which carry over into `round`: started from a round that opened before it,
 * or started by hand before it was created.
 */
export async function openActionsCarriedInto(deps: ActionDeps, round: RoundRecord): Promise<ActionRecord[]> {
  const [actions, rounds] = await Promise.all([
    deps.store.actions.list(round.partnershipId),
    deps.store.rounds.list(round.partnershipId),
  ]);
  const opened = new Map(rounds.map((r) => [r.id, r.opensOn]));
  return actions.filter((action) => {
    if (!isOpen(action) || action.roundId === round.id) return false;
    if (action.roundId === null) return action.createdAt < round.createdAt;
    const from = opened.get(action.roundId);
    return from !== undefined && from < round.opensOn;
  });
}

/** Indicator code → how many of the partnership's actions on it are open and done. */
export async function actionsByIndicator(deps: ActionDeps, partnershipId: string) {
  return countByIndicator(await deps.store.actions.list(partnershipId));
}

import { groupsForMember, type MemberPlace } from '../../domain/assessment/member-groups.js';
import { NotFoundError } from '../errors.js';
import type { GroupRecord, RoundRecord } from './assessment-store.js';
import type { MembershipRecord } from '../partnerships/partnership-store.js';
import type { RoundInvitationRecord } from './round-invitation-record.js';
import type { Store } from '../ports.js';
import { hashSecret, newId, newSecretToken } from '../shared/secrets.js';
import { respondentKey } from './respondent-links.js';
import { findRound, listRounds, type AssessmentDeps, type RoundView } from './rounds.js';

/**
 * Members answer open rounds without an invitation, in the group that fits their organisation. A member's place
 * to answer is a round invitation row for their email address, made when they start: so identity stays apart
 * from answers exactly as for invited people (the response is found by a keyed hash of the row's id), an
 * address has one place per round (invited or not), and answering again opens the same response. Nothing is
 * written to the audit log, which would tell admins who answered.
 */

export interface AnsweringMember {
  readonly email: string;
  readonly membership: Pick<MembershipRecord, 'partnershipId' | 'role' | 'organisationId'>;
}

export type AnswerProgress = 'not-started' | 'in-progress' | 'submitted';

export interface AnswerableRound {
  readonly round: RoundRecord;
  /** The groups the member may choose from; just one when they already have a place to answer. */
  readonly groups: readonly GroupRecord[];
  /** True when an admin invited this address (the invitation email already told them). */
  readonly invited: boolean;
  readonly progress: AnswerProgress;
}

async function placeOf(store: Store, member: AnsweringMember): Promise<MemberPlace> {
  const { organisationId, partnershipId, role } = member.membership;
  const organisation = organisationId
    ? await store.organisations.findById(partnershipId, organisationId)
    : undefined;
  return { role, organisationKind: organisation?.kind ?? null };
}

async function progressOf(
  store: Store,
  invitation: RoundInvitationRecord | undefined,
): Promise<AnswerProgress> {
  if (!invitation) return 'not-started';
  const response = await store.responses.findByKey(await respondentKey(store, invitation.id));
  if (!response) return 'not-started';
  return response.status === 'submitted' ? 'submitted' : 'in-progress';
}

/** How this member may answer a round: through their place (invited or started), or in the groups that fit. */
export async function memberAnswering(
  deps: AssessmentDeps,
  view: RoundView,
  member: AnsweringMember,
): Promise<AnswerableRound | undefined> {
  const existing = await deps.store.roundInvitations.findByEmail(view.round.id, member.email);
  if (existing) {
    const group = view.groups.find((g) => g.id === existing.groupId);
    return {
      round: view.round,
      groups: group ? [group] : [],
      invited: existing.source !== 'membership',
      progress: await progressOf(deps.store, existing),
    };
  }
  const groups = groupsForMember(view.groups, await placeOf(deps.store, member));
  if (groups.length === 0) return undefined;
  return { round: view.round, groups, invited: false, progress: 'not-started' };
}

/** The partnership's open rounds this member can answer, invited or not, oldest closing first. */
export async function answerableRounds(
  deps: AssessmentDeps,
  member: AnsweringMember,
): Promise<AnswerableRound[]> {
  const rounds = await listRounds(deps, member.membership.partnershipId);
  const answerable: AnswerableRound[] = [];
  for (const { round, status } of rounds) {
    if (status !== 'open') continue;
    const view = await findRound(deps, round.partnershipId, round.id);
    const found = view && (await memberAnswering(deps, view, member));
    if (found) answerable.push(found);
  }
  return answerable.sort((a, b) => a.round.closesOn.localeCompare(b.round.closesOn));
}

export type StartAnswering =
  | { readonly outcome: 'started'; readonly token: string }
  | { readonly outcome: 'not-open' | 'no-group' | 'choose-group' | 'wrong-group' };

/**
 * A fresh personal link to the member's response: their existing place if they have one (whatever group is
 * asked for: nobody answers twice or moves group), otherwise a new place in the chosen group that fits. The
 * group may be left out when only one fits.
 */
export async function startAnswering(
  deps: AssessmentDeps,
  partnershipId: string,
  roundId: string,
  member: AnsweringMember,
  groupId: string | undefined,
): Promise<StartAnswering> {
  const view = await findRound(deps, partnershipId, roundId);
  if (!view) throw new NotFoundError('No such round');
  if (view.status !== 'open') return { outcome: 'not-open' };
  const token = newSecretToken();
  const existing = await deps.store.roundInvitations.findByEmail(view.round.id, member.email);
  if (existing) {
    await deps.store.roundInvitations.replaceTokenHash(existing.id, hashSecret(token));
    return { outcome: 'started', token };
  }
  const fitting = groupsForMember(view.groups, await placeOf(deps.store, member));
  if (fitting.length === 0) return { outcome: 'no-group' };
  const chosen = groupId
    ? fitting.find((group) => group.id === groupId)
    : fitting.length === 1
      ? fitting[0]
      : undefined;
  if (!chosen) return { outcome: groupId ? 'wrong-group' : 'choose-group' };
  try {
    await deps.store.roundInvitations.insert({
      id: newId(),
      roundId: view.round.id,
      groupId: chosen.id,
      email: member.email,
      tokenHash: hashSecret(token),
      createdAt: deps.clock.now().toISOString(),
      source: 'membership',
    });
  } catch (error) {
    // Two starts at once (a double click): the database kept one place; use it.
    const winner = await deps.store.roundInvitations.findByEmail(view.round.id, member.email);
    if (!winner) throw error;
    await deps.store.roundInvitations.replaceTokenHash(winner.id, hashSecret(token));
  }
  return { outcome: 'started', token };
}

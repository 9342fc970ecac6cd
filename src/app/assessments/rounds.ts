import {
  checkRoundDraft,
  roundStatus,
  ukDate,
  type RoundDraft,
  type RoundStatus,
} from '../../domain/assessment/round-rules.js';
import { indicatorsFor, type Framework, type Indicator } from '../../domain/framework/framework.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Clock } from '../shared/system-ports.js';
import type { GroupRecord, RoundRecord } from './assessment-store.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';
import { frameworkVersionFor } from '../national/framework-versions.js';
import { sendRoundOpenNotices } from '../reminders/round-open-notices.js';
import type { FrameworkLibrary } from './framework-library.js';
import type { ResultsCache } from './results-cache.js';

export interface AssessmentDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly frameworks: FrameworkLibrary;
  readonly baseUrl: string;
  /** Keeps worked-out results until the round's answers change; leave out to work them out every time. */
  readonly resultsCache?: ResultsCache;
}

export interface RoundView {
  readonly round: RoundRecord;
  readonly status: RoundStatus;
  readonly groups: readonly GroupRecord[];
  readonly framework: Framework;
  readonly indicators: readonly Indicator[];
}

export function today(clock: Clock): string {
  return ukDate(clock.now());
}

export async function createRound(
  deps: AssessmentDeps,
  partnership: PartnershipRecord,
  draft: RoundDraft,
  actor: Actor,
): Promise<RoundRecord> {
  const checked = checkRoundDraft(draft, today(deps.clock));
  if (!checked.ok) throw new ValidationError(checked.problems);
  const value = checked.value;
  const round: RoundRecord = {
    id: newId(),
    partnershipId: partnership.id,
    name: value.name,
    kind: value.kind,
    frameworkVersion: await frameworkVersionFor(deps, partnership.id),
    threshold: value.threshold,
    opensOn: value.opensOn,
    closesOn: value.closesOn,
    closedAt: null,
    thresholdLockedAt: null,
    createdAt: deps.clock.now().toISOString(),
    answersVersion: 0,
  };
  const groups: GroupRecord[] = value.groups.map((group, position) => ({
    id: newId(),
    roundId: round.id,
    kind: group.kind,
    name: group.name,
    side: group.side,
    position,
    hasShareLink: false,
  }));
  await deps.store.transaction(async (store) => {
    await store.rounds.insert(round, groups);
    await recordAudit(store, deps.clock, {
      partnershipId: partnership.id,
      actor,
      action: 'round-created',
      subject: `${round.name} (${round.kind === 'quick' ? 'quick check' : 'full assessment'})`,
    });
  });
  // A round that opens today tells its members now; one that opens later is announced by the reminders job.
  await sendRoundOpenNotices(deps, partnership, { roundId: round.id });
  return round;
}

/** A round with everything needed to show or answer it, or undefined when it is not this partnership's. */
export async function findRound(
  deps: AssessmentDeps,
  partnershipId: string,
  roundId: string,
): Promise<RoundView | undefined> {
  const round = await deps.store.rounds.find(partnershipId, roundId);
  return round && describeRound(deps, round);
}

export async function describeRound(deps: AssessmentDeps, round: RoundRecord): Promise<RoundView> {
  const framework = deps.frameworks.get(round.frameworkVersion);
  if (!framework) throw new Error(`Framework version ${round.frameworkVersion} is not loaded`);
  return {
    round,
    status: roundStatus(round, today(deps.clock)),
    groups: await deps.store.rounds.groups(round.id),
    framework,
    indicators: indicatorsFor(framework, round.kind),
  };
}

export async function listRounds(deps: AssessmentDeps, partnershipId: string) {
  const rounds = await deps.store.rounds.list(partnershipId);
  return rounds.map((round) => ({ round, status: roundStatus(round, today(deps.clock)) }));
}

export async function closeRound(deps: AssessmentDeps, partnershipId: string, roundId: string, actor: Actor) {
  const round = await deps.store.rounds.find(partnershipId, roundId);
  if (!round) throw new NotFoundError('No such round');
  await deps.store.transaction(async (store) => {
    await store.rounds.close(round.id, deps.clock.now().toISOString());
    await recordAudit(store, deps.clock, {
      partnershipId,
      actor,
      action: 'round-closed',
      subject: round.name,
    });
  });
}

export interface GroupProgress {
  readonly group: GroupRecord;
  readonly invited: number;
  readonly started: number;
  readonly submitted: number;
}

/** Invited, started and submitted counts per group: never who. */
export async function roundProgress(deps: AssessmentDeps, view: RoundView): Promise<GroupProgress[]> {
  const kept = await deps.store.dataRights.findSnapshot(view.round.id);
  if (kept) {
    // The answers were deleted under the retention setting: the counts kept with the results.
    return view.groups.map((group) => {
      const counts = kept.progress.find((row) => row.groupId === group.id);
      return {
        group,
        invited: counts?.invited ?? 0,
        started: counts?.started ?? 0,
        submitted: counts?.submitted ?? 0,
      };
    });
  }
  const [invited, progress] = await Promise.all([
    deps.store.roundInvitations.countByGroup(view.round.id),
    deps.store.responses.progress(view.round.id),
  ]);
  return view.groups.map((group) => {
    const counts = progress.filter((row) => row.groupId === group.id);
    const submitted = counts.find((row) => row.status === 'submitted')?.count ?? 0;
    const inProgress = counts.find((row) => row.status === 'in-progress')?.count ?? 0;
    return { group, invited: invited[group.id] ?? 0, started: submitted + inProgress, submitted };
  });
}

/** The partnership's open rounds, and whether this address was invited to answer each. */
export async function openRoundsFor(deps: AssessmentDeps, partnershipId: string, email: string) {
  const [rounds, invitations] = await Promise.all([
    listRounds(deps, partnershipId),
    deps.store.roundInvitations.listByEmail(email),
  ]);
  const invited = new Set(invitations.map((invitation) => invitation.roundId));
  return rounds
    .filter(({ status }) => status === 'open')
    .map(({ round }) => ({ round, invited: invited.has(round.id) }));
}

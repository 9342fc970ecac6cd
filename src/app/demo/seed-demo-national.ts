import { ukDate } from '../../domain/assessment/round-rules.js';
import { demoAnswers } from '../../domain/demo/demo-responses.js';
import { indicatorsFor } from '../../domain/framework/framework.js';
import type { Region } from '../../domain/national/council-types.js';
import type { Side } from '../../domain/results/rating.js';
import type { FrameworkLibrary } from '../assessments/framework-library.js';
import { respondentKey } from '../assessments/respondent-links.js';
import type { Clock } from '../shared/system-ports.js';
import type { GroupRecord, RoundRecord } from '../assessments/assessment-store.js';
import type { Store } from '../ports.js';
import { hashSecret, newId, newSecretToken } from '../shared/secrets.js';
import { addDays } from '../../domain/shared/calendar-days.js';

/** A fictional partnership that takes part in benchmarking, with one closed full assessment. */
export interface BenchmarkPartnershipSpec {
  readonly slug: string;
  readonly name: string;
  /** Fictional codes (…099…) so no real council is implied. */
  readonly localAuthorityCode: string;
  readonly region: Region;
  readonly seed: number;
  /** How much better than the demo baseline its answers are (-0.5 to 1). */
  readonly improvement: number;
}

/** Five partnerships besides Northmoor, so the demo's national benchmark has six taking part. */
export const demoBenchmarkPartnerships: readonly BenchmarkPartnershipSpec[] = [
  {
    slug: 'ashvale',
    name: 'Ashvale Partnership',
    localAuthorityCode: 'E08099003',
    region: 'North West',
    seed: 501,
    improvement: 0.6,
  },
  {
    slug: 'brinkley',
    name: 'Brinkley Together',
    localAuthorityCode: 'E06099004',
    region: 'Yorkshire and The Humber',
    seed: 502,
    improvement: -0.3,
  },
  {
    slug: 'coldharbour',
    name: 'Coldharbour Compact',
    localAuthorityCode: 'E09099005',
    region: 'London',
    seed: 503,
    improvement: 0.2,
  },
  {
    slug: 'dunmere',
    name: 'Dunmere Community Partnership',
    localAuthorityCode: 'E06099006',
    region: 'North West',
    seed: 504,
    improvement: 0.9,
  },
  {
    slug: 'fenwick',
    name: 'Fenwick Voluntary Alliance',
    localAuthorityCode: 'E07099007',
    region: 'East of England',
    seed: 505,
    improvement: 0,
  },
];

/** Adds one closed full assessment with generated, anonymous answers from a council and a VCS group. */
export async function seedClosedRound(
  store: Store,
  clock: Clock,
  frameworks: FrameworkLibrary,
  partnershipId: string,
  seed: number,
  improvement: number,
  closedDaysAgo = 90,
): Promise<void> {
  const today = ukDate(clock.now());
  const framework = frameworks.current;
  const round: RoundRecord = {
    id: newId(),
    partnershipId,
    name: 'Relationship check',
    kind: 'full',
    frameworkVersion: framework.version,
    threshold: 5,
    opensOn: addDays(today, -closedDaysAgo - 30),
    closesOn: addDays(today, -closedDaysAgo),
    closedAt: null,
    thresholdLockedAt: `${addDays(today, -closedDaysAgo - 29)}T10:00:00.000Z`,
    createdAt: `${addDays(today, -closedDaysAgo - 37)}T10:00:00.000Z`,
    answersVersion: 0,
  };
  const sides: readonly { kind: 'council' | 'vcs'; name: string; side: Side; people: number }[] = [
    { kind: 'council', name: 'Council', side: 'council', people: 6 },
    { kind: 'vcs', name: 'Voluntary and community sector', side: 'community', people: 7 },
  ];
  const groups: GroupRecord[] = sides.map((group, position) => ({
    id: newId(),
    roundId: round.id,
    kind: group.kind,
    name: group.name,
    side: group.side,
    position,
    hasShareLink: false,
  }));
  await store.rounds.insert(round, groups);
  const codes = indicatorsFor(framework, 'full').map((indicator) => indicator.code);
  for (const [index, group] of sides.entries()) {
    const record = groups[index] as GroupRecord;
    const answers = demoAnswers(seed * 10 + index, group.side, codes, group.people, improvement);
    for (const answer of answers) {
      const invitation = {
        id: newId(),
        roundId: round.id,
        groupId: record.id,
        email: `respondent-${newId().slice(0, 8)}@example.org`,
        tokenHash: hashSecret(newSecretToken()),
        createdAt: round.createdAt,
      };
      await store.roundInvitations.insert(invitation);
      const response = {
        id: newId(),
        roundId: round.id,
        groupId: record.id,
        respondentKey: await respondentKey(store, invitation.id),
        status: 'submitted' as const,
      };
      await store.responses.insert(response);
      for (const code of codes) {
        await store.responses.saveRating(response.id, {
          indicatorCode: code,
          rating: answer.ratings[code] ?? 'dont-know',
          comment: null,
          evidenceUrl: null,
        });
      }
    }
  }
}

/** Adds a partnership that takes part in benchmarking (no members: nobody signs in to it in the demo). */
export async function seedBenchmarkPartnership(
  store: Store,
  clock: Clock,
  frameworks: FrameworkLibrary,
  spec: BenchmarkPartnershipSpec,
): Promise<string> {
  const now = clock.now().toISOString();
  const id = newId();
  await store.partnerships.insert({
    id,
    slug: spec.slug,
    name: spec.name,
    localAuthorityCode: spec.localAuthorityCode,
    createdAt: now,
  });
  await store.national.saveProfile({
    partnershipId: id,
    frameworkVersion: null,
    region: spec.region,
    benchmarkOptIn: true,
    benchmarkChangedAt: now,
    updatedAt: now,
  });
  await seedClosedRound(store, clock, frameworks, id, spec.seed, spec.improvement);
  return id;
}

/**
 * The national view's demo: Northmoor and Eastbrook get regions, Northmoor takes part in benchmarking, and five
 * more partnerships take part, so the benchmark shows distributions. Runs inside the demo's transaction.
 */
export async function seedDemoNational(
  store: Store,
  clock: Clock,
  frameworks: FrameworkLibrary,
  partnershipIds: ReadonlyMap<string, string>,
): Promise<void> {
  const now = clock.now().toISOString();
  const regions: Record<string, { region: Region; optIn: boolean }> = {
    northmoor: { region: 'North West', optIn: true },
    eastbrook: { region: 'East of England', optIn: false },
  };
  for (const [slug, choice] of Object.entries(regions)) {
    const id = partnershipIds.get(slug);
    if (!id) continue;
    await store.national.saveProfile({
      partnershipId: id,
      frameworkVersion: null,
      region: choice.region,
      benchmarkOptIn: choice.optIn,
      benchmarkChangedAt: choice.optIn ? now : null,
      updatedAt: now,
    });
  }
  for (const spec of demoBenchmarkPartnerships)
    await seedBenchmarkPartnership(store, clock, frameworks, spec);
}

import { ukDate, type GroupKind, type RoundKind } from '../../domain/assessment/round-rules.js';
import { demoAnswers } from '../../domain/demo/demo-responses.js';
import { indicatorsFor } from '../../domain/framework/framework.js';
import type { Side } from '../../domain/results/rating.js';
import type { FrameworkLibrary } from '../assessments/framework-library.js';
import { respondentKey } from '../assessments/respondent-links.js';
import type { Clock } from '../shared/system-ports.js';
import type { GroupRecord, RoundRecord } from '../assessments/assessment-store.js';
import type { Store } from '../ports.js';
import { hashSecret, newId, newSecretToken } from '../shared/secrets.js';
import { addDays } from '../../domain/shared/calendar-days.js';

interface DemoRound {
  readonly name: string;
  readonly kind: RoundKind;
  readonly opensDaysAgo: number;
  readonly closesInDays: number;
  readonly threshold: number;
  readonly improvement: number;
  readonly groups: readonly {
    kind: GroupKind;
    name: string;
    side: Side;
    submitted: number;
    inProgress: number;
  }[];
  readonly workshop?: readonly {
    principleCode: string;
    agreedLevel: number | null;
    reasons: string;
    agreedActions: string;
  }[];
}

/** Two closed rounds (a quick check, then a full assessment) and one open quick check, for Northmoor. */
const northmoorRounds: readonly DemoRound[] = [
  {
    name: 'Autumn 2025 quick check',
    kind: 'quick',
    opensDaysAgo: 420,
    closesInDays: -390,
    threshold: 5,
    improvement: 0,
    groups: [
      { kind: 'council', name: 'Council', side: 'council', submitted: 6, inProgress: 1 },
      { kind: 'vcs', name: 'Voluntary and community sector', side: 'community', submitted: 9, inProgress: 2 },
      { kind: 'faith', name: 'Faith groups', side: 'community', submitted: 4, inProgress: 0 },
    ],
  },
  {
    name: 'Spring 2026 full assessment',
    kind: 'full',
    opensDaysAgo: 240,
    closesInDays: -210,
    threshold: 5,
    improvement: 0.3,
    groups: [
      { kind: 'council', name: 'Council', side: 'council', submitted: 8, inProgress: 1 },
      { kind: 'health', name: 'Health partners', side: 'council', submitted: 5, inProgress: 0 },
      {
        kind: 'vcs',
        name: 'Voluntary and community sector',
        side: 'community',
        submitted: 12,
        inProgress: 3,
      },
      { kind: 'faith', name: 'Faith groups', side: 'community', submitted: 6, inProgress: 1 },
    ],
    workshop: [
      {
        principleCode: 'SF',
        agreedLevel: 2,
        reasons: 'The 2019 compact is out of date and most people have not seen it.',
        agreedActions:
          'Write a new partnership statement together.\nShare the needs map with the VCS forum every quarter.',
      },
      {
        principleCode: 'RC',
        agreedLevel: 2,
        reasons: 'Relationships are warm, but groups still fear speaking up about funding.',
        agreedActions: 'Agree a written promise that challenge will not affect funding.',
      },
      {
        principleCode: 'ES',
        agreedLevel: 3,
        reasons: 'The forum works well; commissioning is still mostly one-year contracts.',
        agreedActions: 'Pilot three-year grants for advice services.',
      },
      {
        principleCode: 'CR',
        agreedLevel: null,
        reasons: 'The council and the VCS saw funding very differently; we will come back to it.',
        agreedActions: 'Map every council payment to the VCS and how late it was.',
      },
    ],
  },
  {
    name: 'Autumn 2026 quick check',
    kind: 'quick',
    opensDaysAgo: 10,
    closesInDays: 20,
    threshold: 5,
    improvement: 0.5,
    groups: [
      { kind: 'council', name: 'Council', side: 'council', submitted: 3, inProgress: 1 },
      { kind: 'vcs', name: 'Voluntary and community sector', side: 'community', submitted: 4, inProgress: 2 },
      { kind: 'faith', name: 'Faith groups', side: 'community', submitted: 1, inProgress: 0 },
    ],
  },
];

/** Adds the demo assessment rounds with generated, anonymous responses. Runs inside the demo's transaction. */
export async function seedDemoRounds(
  store: Store,
  clock: Clock,
  frameworks: FrameworkLibrary,
  partnershipId: string,
  invitedMemberEmail: string,
): Promise<void> {
  const today = ukDate(clock.now());
  const framework = frameworks.current;
  let seed = 100;
  for (const demo of northmoorRounds) {
    const closed = demo.closesInDays < 0;
    const round: RoundRecord = {
      id: newId(),
      partnershipId,
      name: demo.name,
      kind: demo.kind,
      frameworkVersion: framework.version,
      threshold: demo.threshold,
      opensOn: addDays(today, -demo.opensDaysAgo),
      closesOn: addDays(today, demo.closesInDays),
      closedAt: null,
      thresholdLockedAt: `${addDays(today, -demo.opensDaysAgo + 1)}T10:00:00.000Z`,
      createdAt: `${addDays(today, -demo.opensDaysAgo - 7)}T10:00:00.000Z`,
      answersVersion: 0,
    };
    const groups: GroupRecord[] = demo.groups.map((group, position) => ({
      id: newId(),
      roundId: round.id,
      kind: group.kind,
      name: group.name,
      side: group.side,
      position,
      hasShareLink: false,
    }));
    await store.rounds.insert(round, groups);
    const codes = indicatorsFor(framework, demo.kind).map((indicator) => indicator.code);
    for (const [index, group] of demo.groups.entries()) {
      const record = groups[index] as GroupRecord;
      const people = group.submitted + group.inProgress;
      const answers = demoAnswers((seed += 1), group.side, codes, people, demo.improvement);
      for (const [person, answer] of answers.entries()) {
        const invitation = {
          id: newId(),
          roundId: round.id,
          groupId: record.id,
          email: `respondent-${String(person + 1).padStart(2, '0')}@${group.kind}.northmoor.example`,
          tokenHash: hashSecret(newSecretToken()),
          createdAt: round.createdAt,
        };
        await store.roundInvitations.insert(invitation);
        const submitted = person < group.submitted;
        const response = {
          id: newId(),
          roundId: round.id,
          groupId: record.id,
          respondentKey: await respondentKey(store, invitation.id),
          status: submitted ? ('submitted' as const) : ('in-progress' as const),
        };
        await store.responses.insert(response);
        const answered = submitted ? codes : codes.slice(0, 3);
        for (const code of answered) {
          await store.responses.saveRating(response.id, {
            indicatorCode: code,
            rating: answer.ratings[code] ?? 'dont-know',
            comment: answer.comments[code] ?? null,
            evidenceUrl: null,
          });
        }
      }
    }
    if (!closed && groups[0]) {
      await store.roundInvitations.insert({
        id: newId(),
        roundId: round.id,
        groupId: groups[0].id,
        email: invitedMemberEmail,
        tokenHash: hashSecret(newSecretToken()),
        createdAt: round.createdAt,
      });
    }
    for (const record of demo.workshop ?? []) {
      await store.workshop.save({
        id: newId(),
        roundId: round.id,
        ...record,
        recordedAt: `${round.closesOn}T15:00:00.000Z`,
        recordedBy: 'admin@northmoor.example',
      });
    }
  }
}

import { ukDate } from '../../domain/assessment/round-rules.js';
import { demoAnswers } from '../../domain/demo/demo-responses.js';
import { indicatorsFor } from '../../domain/framework/framework.js';
import type { FrameworkLibrary } from '../assessments/framework-library.js';
import { respondentKey } from '../assessments/respondent-links.js';
import type { ActionRecord } from '../actions/action-store.js';
import type { Clock } from '../shared/system-ports.js';
import type { GroupRecord, RoundRecord } from '../assessments/assessment-store.js';
import type { Store } from '../ports.js';
import { hashSecret, newId, newSecretToken } from '../shared/secrets.js';
import { addDays } from '../../domain/shared/calendar-days.js';

/**
 * Demo data for reminders, in Eastbrook: a quick check closing in 5 days that some invitees have not submitted,
 * and a council action due in 4 days. Running `common-ground run-jobs` (or waiting for the schedule) then puts
 * round-closing and action reminders in the demo mailbox, next to Northmoor's overdue action, stale directory
 * records and funding deadline. Runs inside the demo's transaction.
 */

const invitees = { submitted: 3, notSubmitted: 3 };

export async function seedDemoReminders(
  store: Store,
  clock: Clock,
  frameworks: FrameworkLibrary,
  partnershipId: string,
): Promise<void> {
  const today = ukDate(clock.now());
  const framework = frameworks.current;
  const round: RoundRecord = {
    id: newId(),
    partnershipId,
    name: 'Eastbrook winter quick check',
    kind: 'quick',
    frameworkVersion: framework.version,
    threshold: 5,
    opensOn: addDays(today, -16),
    closesOn: addDays(today, 5),
    closedAt: null,
    thresholdLockedAt: `${addDays(today, -15)}T10:00:00.000Z`,
    createdAt: `${addDays(today, -20)}T10:00:00.000Z`,
    answersVersion: 0,
  };
  const group: GroupRecord = {
    id: newId(),
    roundId: round.id,
    kind: 'vcs',
    name: 'Voluntary and community sector',
    side: 'community',
    position: 0,
    hasShareLink: false,
  };
  await store.rounds.insert(round, [group]);
  const codes = indicatorsFor(framework, 'quick').map((indicator) => indicator.code);
  const people = invitees.submitted + invitees.notSubmitted;
  const answers = demoAnswers(900, 'community', codes, people, 0);
  for (const [person, answer] of answers.entries()) {
    const invitation = {
      id: newId(),
      roundId: round.id,
      groupId: group.id,
      email: `respondent-${String(person + 1).padStart(2, '0')}@vcs.eastbrook.example`,
      tokenHash: hashSecret(newSecretToken()),
      createdAt: round.createdAt,
    };
    await store.roundInvitations.insert(invitation);
    // The last invitee has not opened their link; the two before them started but have not submitted.
    if (person === people - 1) continue;
    const submitted = person < invitees.submitted;
    const response = {
      id: newId(),
      roundId: round.id,
      groupId: group.id,
      respondentKey: await respondentKey(store, invitation.id),
      status: submitted ? ('submitted' as const) : ('in-progress' as const),
    };
    await store.responses.insert(response);
    for (const code of submitted ? codes : codes.slice(0, 2)) {
      await store.responses.saveRating(response.id, {
        indicatorCode: code,
        rating: answer.ratings[code] ?? 'dont-know',
        comment: null,
        evidenceUrl: null,
      });
    }
  }

  const council = (await store.organisations.listByPartnership(partnershipId)).find(
    (o) => o.kind === 'council',
  );
  const created = `${addDays(today, -30)}T10:00:00.000Z`;
  const action: ActionRecord = {
    id: newId(),
    partnershipId,
    roundId: null,
    title: 'Publish the timetable for refreshing the Eastbrook compact',
    description:
      'Agree with Eastbrook Voluntary Action when each part of the compact will be reviewed, and publish it.',
    indicatorCodes: ['SF1'],
    side: 'joint',
    ownerOrganisationId: council?.id ?? null,
    leadName: 'Head of Communities',
    dueOn: addDays(today, 4),
    status: 'in-progress',
    source: 'manual',
    createdAt: created,
    updatedAt: created,
  };
  await store.actions.insert(action);
}

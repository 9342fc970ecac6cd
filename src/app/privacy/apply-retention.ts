import { resultsWithoutComments } from '../../domain/privacy/kept-results.js';
import { addMonths, isDueForDeletion } from '../../domain/privacy/retention.js';
import { ukDate } from '../../domain/assessment/round-rules.js';
import { computeResultsFor } from '../assessments/results.js';
import { describeRound, roundProgress, type AssessmentDeps } from '../assessments/rounds.js';
import { recordAudit, systemActor } from '../shared/audit.js';
import { readRetention } from './retention-settings.js';

/** What one sweep deleted, in counts only. */
export interface RetentionReport {
  readonly partnerships: number;
  readonly rounds: number;
  readonly responses: number;
  readonly invitationEmails: number;
  readonly emails: number;
  readonly invitations: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Applies every partnership's retention setting as of `now`. For each closed round past its period: saves the
 * round's results (and its invited, started and submitted counts), then deletes its individual answers and the
 * email addresses of its invitations. Copies of emails and membership invitations older than the period go too.
 * Running it again deletes nothing more: it is safe to run every night. Each deletion is audited, counts only.
 */
export async function applyRetention(deps: AssessmentDeps, now: Date): Promise<RetentionReport> {
  const today = ukDate(now);
  const totals = { partnerships: 0, rounds: 0, responses: 0, invitationEmails: 0, emails: 0, invitations: 0 };
  for (const partnership of await deps.store.partnerships.list()) {
    const policy = await readRetention(deps.store, partnership.id);
    if (policy.months === null) continue;
    const found = { rounds: 0, responses: 0, invitationEmails: 0, emails: 0, invitations: 0 };
    for (const round of await deps.store.rounds.list(partnership.id)) {
      if (!isDueForDeletion(round, policy, today)) continue;
      const view = await describeRound(deps, round);
      await deps.store.transaction(async (store) => {
        if (!(await store.dataRights.findSnapshot(round.id))) {
          const inside = { ...deps, store, resultsCache: undefined };
          const results = await computeResultsFor(inside, view);
          const progress = await roundProgress(inside, view);
          await store.dataRights.saveSnapshot({
            roundId: round.id,
            results: policy.removeComments ? resultsWithoutComments(results) : results,
            progress: progress.map(({ group, invited, started, submitted }) => ({
              groupId: group.id,
              invited,
              started,
              submitted,
            })),
            commentsRemoved: policy.removeComments,
            answersDeletedAt: now.toISOString(),
          });
          found.rounds += 1;
        }
        const responses = await store.dataRights.deleteResponses(round.id);
        if (responses > 0) await store.rounds.bumpAnswersVersion(round.id);
        found.responses += responses;
        found.invitationEmails += await store.dataRights.removeInvitationEmails(round.id);
      });
    }
    const cutoff = `${addMonths(today, -policy.months)}T00:00:00.000Z`;
    found.emails += await deps.store.dataRights.deleteEmailsBefore(partnership.id, cutoff);
    found.invitations += await deps.store.dataRights.deleteInvitationsExpiredBefore(partnership.id, cutoff);
    if (Object.values(found).some((n) => n > 0)) {
      totals.partnerships += 1;
      await recordAudit(
        deps.store,
        { now: () => now },
        {
          partnershipId: partnership.id,
          actor: systemActor,
          action: 'retention-applied',
          subject: [
            `${plural(found.responses, 'individual response', 'individual responses')} from ${plural(found.rounds, 'round', 'rounds')}`,
            plural(found.invitationEmails, 'invitation email address', 'invitation email addresses'),
            plural(found.emails, 'copy of an email', 'copies of emails'),
            plural(found.invitations, 'expired membership invitation', 'expired membership invitations'),
          ].join(', '),
        },
      );
    }
    for (const key of Object.keys(found) as (keyof typeof found)[]) totals[key] += found[key];
  }
  return totals;
}

import { ukDate } from '../../domain/assessment/round-rules.js';
import { monthsBefore, staleAfterMonths } from '../../domain/directory/freshness.js';
import {
  actionReminder,
  fundingReminder,
  reminderKinds,
  roundClosingPeriod,
  staleDigestPeriod,
  type ReminderKind,
} from '../../domain/reminders/reminders.js';
import { respondentKey } from '../assessments/respondent-links.js';
import type { Clock } from '../shared/system-ports.js';
import type { MemberView, PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';
import { queueEmail, type EmailToSend } from '../shared/outbox.js';
import { hashSecret, newId, newSecretToken } from '../shared/secrets.js';
import {
  actionEmail,
  fundingDeadlineEmail,
  roundClosingEmail,
  staleRecordsEmail,
  type Footer,
} from './reminder-emails.js';
import { stopToken, type ReminderOwner } from './reminder-links.js';
import { sendRoundOpenNotices } from './round-open-notices.js';

/**
 * The reminders job. It works out every reminder due at `now` and sends each one once: a row in
 * `reminders_sent` keyed by (kind, subject, recipient, period) is written in the same transaction as the email,
 * so running the job twice, or two copies at once, sends nothing twice. People who turned a kind off get none.
 *
 * Round-closing reminders are decided here and nowhere else: whether an invitee has submitted is found through
 * the keyed respondent hash, the reminder is recorded against the invitation (not the address), and the email is
 * written to the outbox without a partnership, so the partnership's "emails sent" page never lists who was
 * reminded (and so who has not answered).
 */

export interface ReminderDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly baseUrl: string;
}

export type ReminderCounts = Record<ReminderKind, number>;

interface Due {
  readonly kind: ReminderKind;
  readonly partnershipId: string;
  readonly subjectId: string;
  readonly recipient: string;
  readonly period: string;
}

/** A reminder to a member, kept in the partnership's email log (unlike a round-closing one). */
function memberEmail(
  partnership: PartnershipRecord,
  member: MemberView,
  kind: ReminderKind,
  email: { readonly subject: string; readonly text: string },
): EmailToSend {
  return { partnershipId: partnership.id, to: member.email, kind: `reminder-${kind}`, ...email };
}

export async function runReminders(
  deps: ReminderDeps,
  now: Date = deps.clock.now(),
): Promise<ReminderCounts> {
  const { store, baseUrl } = deps;
  const today = ukDate(now);
  const at: Clock = { now: () => now };
  const counts = Object.fromEntries(reminderKinds.map((kind) => [kind, 0])) as ReminderCounts;
  const optOuts = new Map<string, Promise<readonly ReminderKind[]>>();
  const isOff = async (ownerId: string, kind: ReminderKind) => {
    if (!optOuts.has(ownerId)) optOuts.set(ownerId, store.reminders.optedOut(ownerId));
    return (await optOuts.get(ownerId))?.includes(kind) ?? false;
  };
  /** Inside a transaction, `tx` must be used: SQLite has one connection, held by the transaction. */
  const footer = async (
    tx: Store,
    owner: ReminderOwner,
    kind: ReminderKind,
    why: string,
  ): Promise<Footer> => ({
    why,
    stopLink: `${baseUrl}/reminders/stop/${await stopToken(tx, owner, kind)}`,
    ...(owner.type === 'user' ? { preferencesLink: `${baseUrl}/account/reminders` } : {}),
  });
  /** Claims the reminder and queues its email in one transaction; false when it was sent before. */
  const sendOnce = (due: Due, email: (tx: Store) => Promise<EmailToSend>) =>
    store.transaction(async (tx) => {
      const claimed = await tx.reminders.claim({ ...due, id: newId(), sentAt: now.toISOString() });
      if (!claimed) return false;
      await queueEmail(tx, at, await email(tx));
      return true;
    });
  const count = (kind: ReminderKind, sent: boolean) => {
    if (sent) counts[kind] += 1;
  };

  for (const partnership of await store.partnerships.list()) {
    const members = await store.memberships.listByPartnership(partnership.id);

    // Rounds open today, to members who can answer them without an invitation (once per round).
    counts['round-open'] += await sendRoundOpenNotices(deps, partnership, { now, members });

    // Rounds closing within 7 days, to invitees who have not submitted.
    for (const round of await store.rounds.list(partnership.id)) {
      const period = roundClosingPeriod(round, today);
      if (!period) continue;
      for (const invitation of await store.reminders.invitationsForRound(round.id)) {
        const response = await store.responses.findByKey(await respondentKey(store, invitation.id));
        if (response?.status === 'submitted') continue;
        if (await isOff(invitation.id, 'round-closing')) continue;
        const account = await store.users.findByEmail(invitation.email);
        if (account && (await isOff(account.id, 'round-closing'))) continue;
        const due = { kind: 'round-closing' as const, partnershipId: partnership.id, subjectId: round.id };
        const sent = await sendOnce({ ...due, recipient: invitation.id, period }, async (tx) => {
          const token = newSecretToken();
          await tx.roundInvitations.replaceTokenHash(invitation.id, hashSecret(token));
          const stop = await footer(
            tx,
            { type: 'invitation', id: invitation.id },
            'round-closing',
            `You get this because you were invited to answer “${round.name}” and have not submitted your answers yet.`,
          );
          const email = roundClosingEmail(
            round,
            partnership.name,
            today,
            `${baseUrl}/respond/${token}`,
            stop,
          );
          // No partnership: the partnership's email log must not show who was reminded.
          return { partnershipId: null, to: invitation.email, kind: 'reminder-round-closing', ...email };
        });
        count('round-closing', sent);
      }
    }

    const admins = members.filter((member) => member.role === 'partnership-admin');
    const inOrganisation = (organisationId: string | null) =>
      organisationId === null ? [] : members.filter((member) => member.organisationId === organisationId);

    // Actions due within 7 days or overdue, to the owning organisation's members (or the admins).
    for (const action of await store.actions.list(partnership.id)) {
      const reminder = actionReminder(action, today);
      if (!reminder) continue;
      const owners = inOrganisation(action.ownerOrganisationId);
      const recipients = owners.length > 0 ? owners : admins;
      for (const member of recipients) {
        if (await isOff(member.userId, 'action-due')) continue;
        const due = { kind: 'action-due' as const, partnershipId: partnership.id, subjectId: action.id };
        const sent = await sendOnce(
          { ...due, recipient: member.userId, period: reminder.period },
          async (tx) => {
            const why =
              owners.length > 0
                ? `You get this because ${member.organisationName ?? 'your organisation'} owns this action.`
                : 'You get this because you are a partnership admin and no member’s organisation owns this action.';
            const link = `${baseUrl}/p/${partnership.slug}/actions/${action.id}`;
            const stop = await footer(tx, { type: 'user', id: member.userId }, 'action-due', why);
            const email = actionEmail(action, reminder, partnership.name, link, stop);
            return memberEmail(partnership, member, 'action-due', email);
          },
        );
        count('action-due', sent);
      }
    }

    await staleRecordReminders(partnership, members);
    await fundingReminders(partnership, members);
  }
  return counts;

  async function staleRecordReminders(partnership: PartnershipRecord, members: readonly MemberView[]) {
    const checkedBefore = monthsBefore(now, staleAfterMonths).toISOString();
    const period = staleDigestPeriod(today);
    for (const organisation of await store.organisations.listByPartnership(partnership.id)) {
      const people = members.filter((member) => member.organisationId === organisation.id);
      if (people.length === 0) continue;
      const stale = await store.directory.searchServices(partnership.id, {
        organisationId: organisation.id,
        checkedBefore,
        limit: 20,
        offset: 0,
      });
      if (stale.total === 0) continue;
      for (const member of people) {
        if (await isOff(member.userId, 'stale-records')) continue;
        const due = {
          kind: 'stale-records' as const,
          partnershipId: partnership.id,
          subjectId: organisation.id,
        };
        const sent = await sendOnce({ ...due, recipient: member.userId, period }, async (tx) => {
          const why = `You get this because you are a member of ${organisation.name}.`;
          const link = `${baseUrl}/p/${partnership.slug}/directory?mine=yes&check=yes`;
          const stop = await footer(tx, { type: 'user', id: member.userId }, 'stale-records', why);
          const stillCorrect = (serviceId: string) =>
            `${baseUrl}/p/${partnership.slug}/directory/services/${serviceId}/still-correct`;
          const email = staleRecordsEmail(
            organisation.name,
            partnership.name,
            stale,
            link,
            stillCorrect,
            stop,
          );
          return memberEmail(partnership, member, 'stale-records', email);
        });
        count('stale-records', sent);
      }
    }
  }

  async function fundingReminders(partnership: PartnershipRecord, members: readonly MemberView[]) {
    const interests = await store.funding.listInterests(partnership.id);
    for (const opportunity of await store.funding.listOpportunities(partnership.id)) {
      const reminder = fundingReminder(opportunity.deadline, today);
      if (!reminder) continue;
      const interested = new Set(
        interests.filter((i) => i.opportunityId === opportunity.id).map((i) => i.organisationId),
      );
      for (const member of members) {
        if (member.organisationId === null || !interested.has(member.organisationId)) continue;
        if (await isOff(member.userId, 'funding-deadline')) continue;
        const due = {
          kind: 'funding-deadline' as const,
          partnershipId: partnership.id,
          subjectId: opportunity.id,
        };
        const sent = await sendOnce(
          { ...due, recipient: member.userId, period: reminder.period },
          async (tx) => {
            const organisationName = member.organisationName ?? 'Your organisation';
            const why = `You get this because ${organisationName} registered interest in this opportunity.`;
            const link = `${baseUrl}/p/${partnership.slug}/funding/opportunities/${opportunity.id}`;
            const stop = await footer(tx, { type: 'user', id: member.userId }, 'funding-deadline', why);
            const email = fundingDeadlineEmail(opportunity, reminder, [organisationName], link, stop);
            return memberEmail(partnership, member, 'funding-deadline', email);
          },
        );
        count('funding-deadline', sent);
      }
    }
  }
}

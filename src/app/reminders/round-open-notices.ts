import { ukDate } from '../../domain/assessment/round-rules.js';
import { groupsForMember } from '../../domain/assessment/member-groups.js';
import { roundOpenPeriod } from '../../domain/reminders/reminders.js';
import type { Clock } from '../shared/system-ports.js';
import type { GroupRecord, RoundRecord } from '../assessments/assessment-store.js';
import type { MemberView, PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';
import { queueEmail } from '../shared/outbox.js';
import { newId } from '../shared/secrets.js';
import { longDate } from '../../domain/shared/long-date.js';
import { footer } from './reminder-emails.js';
import { stopToken } from './reminder-links.js';

/**
 * Tells members when a round opens for their group: one email per member per round, through the outbox, to
 * members whose organisation fits one of the round's groups and who were not invited to it by email (their
 * invitation said it all). Sent once: the `reminders_sent` row (kind round-open, the round, the member, the
 * opening date) is written in the same transaction as the email. People who turned these off get none.
 */

export interface RoundOpenDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly baseUrl: string;
}

function roundOpenEmail(
  round: RoundRecord,
  group: GroupRecord,
  partnership: PartnershipRecord,
  link: string,
  stop: Parameters<typeof footer>[0],
) {
  const minutes = round.kind === 'quick' ? 'about 10 minutes' : 'about 30 minutes';
  return {
    subject: `Your views are wanted: “${round.name}” is open`,
    text: [
      'Hello,',
      '',
      `${partnership.name} has opened “${round.name}”, asking how well the council and local voluntary, community and faith organisations work together.`,
      `As a member of the partnership you can answer with the ${group.name} group without an invitation. It takes ${minutes}, and you can stop and come back.`,
      '',
      `Sign in and answer by ${longDate(round.closesOn)}:`,
      '',
      link,
      '',
      'Your answers are anonymous: nobody, including the organisers, can see one person’s answers, and comments are never linked to you.',
      ...footer(stop),
    ].join('\n'),
  };
}

/** Sends the notices due for the partnership's open rounds (or one round); the number of emails queued. */
export async function sendRoundOpenNotices(
  deps: RoundOpenDeps,
  partnership: PartnershipRecord,
  options: { now?: Date; roundId?: string; members?: readonly MemberView[] } = {},
): Promise<number> {
  const { store, baseUrl } = deps;
  const now = options.now ?? deps.clock.now();
  const today = ukDate(now);
  const rounds = (await store.rounds.list(partnership.id)).filter(
    (round) => (!options.roundId || round.id === options.roundId) && roundOpenPeriod(round, today) !== null,
  );
  if (rounds.length === 0) return 0;
  const members = options.members ?? (await store.memberships.listByPartnership(partnership.id));
  const kinds = new Map(
    (await store.organisations.listByPartnership(partnership.id)).map((o) => [o.id, o.kind] as const),
  );
  let sent = 0;
  for (const round of rounds) {
    const period = roundOpenPeriod(round, today) as string;
    const groups = await store.rounds.groups(round.id);
    for (const member of members) {
      const organisationKind = member.organisationId ? (kinds.get(member.organisationId) ?? null) : null;
      const group = groupsForMember(groups, { role: member.role, organisationKind })[0];
      if (!group) continue;
      // Invited people were told by their invitation. A member who already started still gets the notice: leaving
      // them out would show in the partnership's email log who has started answering.
      const place = await store.roundInvitations.findByEmail(round.id, member.email);
      if (place && place.source !== 'membership') continue;
      if ((await store.reminders.optedOut(member.userId)).includes('round-open')) continue;
      const queued = await store.transaction(async (tx) => {
        const claimed = await tx.reminders.claim({
          id: newId(),
          partnershipId: partnership.id,
          kind: 'round-open',
          subjectId: round.id,
          recipient: member.userId,
          period,
          sentAt: now.toISOString(),
        });
        if (!claimed) return false;
        const stop = {
          why: `You get this because you are a member of ${partnership.name}${member.organisationName ? ` with ${member.organisationName}` : ''}.`,
          stopLink: `${baseUrl}/reminders/stop/${await stopToken(tx, { type: 'user', id: member.userId }, 'round-open')}`,
          preferencesLink: `${baseUrl}/account/reminders`,
        };
        const link = `${baseUrl}/p/${partnership.slug}/rounds/${round.id}/answer`;
        await queueEmail(
          tx,
          { now: () => now },
          {
            partnershipId: partnership.id,
            to: member.email,
            kind: 'reminder-round-open',
            ...roundOpenEmail(round, group, partnership, link, stop),
          },
        );
        return true;
      });
      if (queued) sent += 1;
    }
  }
  return sent;
}

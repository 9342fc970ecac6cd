import { createHmac, randomBytes } from 'node:crypto';
import { looksLikeEmail, normaliseEmail } from '../../domain/accounts/email-address.js';
import { ValidationError } from '../errors.js';
import type { GroupRecord } from './assessment-store.js';
import type { RoundInvitationRecord } from './round-invitation-record.js';
import type { Store } from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { queueEmail } from '../shared/outbox.js';
import { hashSecret, newId, newSecretToken } from '../shared/secrets.js';
import type { AssessmentDeps, RoundView } from './rounds.js';

/**
 * The key that finds a response from its invitation. It is a keyed hash with a secret kept in the settings
 * table, so the responses table holds nothing that joins it to an email address on its own.
 */
export async function respondentKey(store: Store, invitationId: string): Promise<string> {
  let secret = await store.settings.get('respondent-key-secret');
  if (!secret) {
    // Two first answers at once must agree on one secret: only the first write counts, then read it back.
    await store.settings.setIfMissing('respondent-key-secret', randomBytes(32).toString('base64url'));
    secret = await store.settings.get('respondent-key-secret');
    if (!secret) throw new Error('The respondent key secret could not be stored');
  }
  return createHmac('sha256', secret).update(invitationId).digest('hex');
}

/** The round and group behind a shareable link, without sending anything; undefined for an unknown link. */
export async function describeShareLink(
  store: Store,
  describe: (roundId: string) => Promise<{ view: RoundView; partnershipName: string } | undefined>,
  shareToken: string,
): Promise<{ view: RoundView; partnershipName: string; group: GroupRecord } | undefined> {
  const group = await store.rounds.findGroupByShareTokenHash(hashSecret(shareToken));
  const found = group && (await describe(group.roundId));
  return group && found ? { ...found, group } : undefined;
}

function invitationEmail(view: RoundView, partnershipName: string, link: string) {
  const closes = new Date(`${view.round.closesOn}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const minutes = view.round.kind === 'quick' ? 'about 10 minutes' : 'about 30 minutes';
  return [
    'Hello,',
    '',
    `${partnershipName} is asking how well the council and local voluntary, community and faith organisations work together.`,
    `Please answer “${view.round.name}”. It takes ${minutes}, and you can stop and come back.`,
    '',
    'Your answers are anonymous: nobody, including the organisers, can see one person’s answers, and comments are never linked to you.',
    '',
    `Answer here by ${closes}:`,
    '',
    link,
    '',
    'This link is personal to you. Please do not forward it.',
  ].join('\n');
}

async function issueLink(
  store: Store,
  deps: AssessmentDeps,
  view: RoundView,
  partnershipName: string,
  group: GroupRecord,
  email: string,
): Promise<'invited' | 'resent'> {
  const token = newSecretToken();
  const existing = await store.roundInvitations.findByEmail(view.round.id, email);
  if (existing) await store.roundInvitations.replaceTokenHash(existing.id, hashSecret(token));
  else {
    const invitation: RoundInvitationRecord = {
      id: newId(),
      roundId: view.round.id,
      groupId: group.id,
      email,
      tokenHash: hashSecret(token),
      createdAt: deps.clock.now().toISOString(),
    };
    await store.roundInvitations.insert(invitation);
  }
  await queueEmail(store, deps.clock, {
    partnershipId: view.round.partnershipId,
    to: email,
    subject: `Your views on working together: ${view.round.name}`,
    kind: 'round-invitation',
    text: invitationEmail(view, partnershipName, `${deps.baseUrl}/respond/${token}`),
  });
  return existing ? 'resent' : 'invited';
}

/** Splits a pasted list of email addresses (commas, semicolons, spaces or new lines). */
export function parseEmailList(text: string): { emails: string[]; invalid: string[] } {
  const items = text
    .split(/[\s,;]+/)
    .map((item) => item.replace(/^<|>$/g, ''))
    .filter(Boolean);
  const emails = new Set<string>();
  const invalid: string[] = [];
  for (const item of items) {
    if (looksLikeEmail(item)) emails.add(normaliseEmail(item));
    else invalid.push(item);
  }
  return { emails: [...emails], invalid };
}

/** Sends personal single-use links to a group. An address already invited to the round is not invited twice. */
export async function inviteRespondents(
  deps: AssessmentDeps,
  view: RoundView,
  partnershipName: string,
  groupId: string,
  emailList: string,
  actor: Actor,
): Promise<{ invited: number; alreadyInvited: string[] }> {
  const group = view.groups.find((g) => g.id === groupId);
  if (!group) throw new ValidationError({ groupId: 'Select a group' });
  if (view.status === 'closed')
    throw new ValidationError({ emails: 'This round has closed, so nobody else can be invited' });
  const { emails, invalid } = parseEmailList(emailList);
  if (invalid.length > 0) {
    throw new ValidationError({ emails: `These are not email addresses: ${invalid.slice(0, 5).join(', ')}` });
  }
  if (emails.length === 0) throw new ValidationError({ emails: 'Enter at least one email address' });
  if (emails.length > 500) throw new ValidationError({ emails: 'Invite up to 500 people at a time' });
  return deps.store.transaction(async (store) => {
    const alreadyInvited: string[] = [];
    let invited = 0;
    for (const email of emails) {
      if (await store.roundInvitations.findByEmail(view.round.id, email)) {
        alreadyInvited.push(email);
        continue;
      }
      await issueLink(store, deps, view, partnershipName, group, email);
      invited += 1;
    }
    await recordAudit(store, deps.clock, {
      partnershipId: view.round.partnershipId,
      actor,
      action: 'respondents-invited',
      subject: `${invited} people to ${group.name} in ${view.round.name}`,
    });
    return { invited, alreadyInvited };
  });
}

/** Makes (or replaces) a group's shareable link. The link is returned once; the old one stops working. */
export async function createShareLink(
  deps: AssessmentDeps,
  view: RoundView,
  groupId: string,
  actor: Actor,
): Promise<string> {
  const group = view.groups.find((g) => g.id === groupId);
  if (!group) throw new ValidationError({ groupId: 'Select a group' });
  const token = newSecretToken();
  await deps.store.transaction(async (store) => {
    await store.rounds.setShareTokenHash(view.round.id, group.id, hashSecret(token));
    await recordAudit(store, deps.clock, {
      partnershipId: view.round.partnershipId,
      actor,
      action: 'share-link-created',
      subject: `${group.name} in ${view.round.name}`,
    });
  });
  return `${deps.baseUrl}/share/${token}`;
}

/**
 * Someone with a group's shareable link asks for a personal link. One address gets one invitation per round:
 * asking again sends a fresh link to the same response.
 */
export async function requestPersonalLink(
  deps: AssessmentDeps,
  describe: (roundId: string) => Promise<{ view: RoundView; partnershipName: string } | undefined>,
  shareToken: string,
  email: string,
): Promise<'sent' | 'closed' | 'invalid-link'> {
  const group = await deps.store.rounds.findGroupByShareTokenHash(hashSecret(shareToken));
  const found = group && (await describe(group.roundId));
  if (!group || !found) return 'invalid-link';
  if (found.view.status !== 'open') return 'closed';
  if (!looksLikeEmail(email))
    throw new ValidationError({
      email: 'Enter an email address in the correct format, like name@example.org',
    });
  await deps.store.transaction((store) =>
    issueLink(store, deps, found.view, found.partnershipName, group, normaliseEmail(email)),
  );
  return 'sent';
}

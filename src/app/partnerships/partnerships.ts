import {
  isLocalAuthorityCode,
  isPartnershipSlug,
  normaliseLocalAuthorityCode,
} from '../../domain/partnerships/local-authority-code.js';
import { ValidationError } from '../errors.js';
import type { Clock } from '../shared/system-ports.js';
import type { MembershipRecord, PartnershipRecord } from './partnership-store.js';
import type { Store } from '../ports.js';
import type { UserRecord } from '../accounts/account-store.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';

export interface NewPartnership {
  readonly slug: string;
  readonly name: string;
  readonly localAuthorityCode: string;
}

export async function createPartnership(
  store: Store,
  clock: Clock,
  input: NewPartnership,
  actor: Actor,
): Promise<PartnershipRecord> {
  const slug = input.slug.trim();
  const name = input.name.trim();
  const code = normaliseLocalAuthorityCode(input.localAuthorityCode);
  const problems: Record<string, string> = {};
  if (!isPartnershipSlug(slug)) {
    problems.slug =
      'Enter a short name for addresses using lower-case letters, numbers and hyphens, like north-lincs';
  } else if (await store.partnerships.findBySlug(slug)) {
    problems.slug = `A partnership with the short name ${slug} already exists: choose another`;
  }
  if (name.length < 2 || name.length > 120)
    problems.name = 'Enter the partnership name, from 2 to 120 characters';
  if (!isLocalAuthorityCode(code)) {
    problems.localAuthorityCode =
      'Enter the council’s 9-character local authority code, starting E06, E07, E08, E09, E10 or W06, like E08000009';
  }
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  const partnership: PartnershipRecord = {
    id: newId(),
    slug,
    name,
    localAuthorityCode: code,
    createdAt: clock.now().toISOString(),
  };
  await store.transaction(async (trx) => {
    await trx.partnerships.insert(partnership);
    await recordAudit(trx, clock, {
      partnershipId: partnership.id,
      actor,
      action: 'partnership-created',
      subject: `${name} (${code})`,
    });
  });
  return partnership;
}

export interface PartnershipAccess {
  readonly partnership: PartnershipRecord;
  readonly membership: MembershipRecord;
}

/**
 * The partnership behind a slug, if this person is a member. Anyone else, the national admin included,
 * gets nothing: callers answer 404 so that a partnership's existence is not revealed.
 */
export async function accessPartnership(
  store: Store,
  user: UserRecord,
  slug: string,
): Promise<PartnershipAccess | undefined> {
  const partnership = await store.partnerships.findBySlug(slug);
  if (!partnership) return undefined;
  const membership = await store.memberships.find(partnership.id, user.id);
  return membership ? { partnership, membership } : undefined;
}

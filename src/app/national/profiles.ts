import { isRegion } from '../../domain/national/council-types.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Clock } from '../shared/system-ports.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { emptyProfile, type PartnershipProfileRecord } from './national-records.js';

export interface ProfileDeps {
  readonly store: Store;
  readonly clock: Clock;
}

export async function profileOf(deps: ProfileDeps, partnershipId: string): Promise<PartnershipProfileRecord> {
  return (
    (await deps.store.national.profile(partnershipId)) ??
    emptyProfile(partnershipId, deps.clock.now().toISOString())
  );
}

/** A partnership admin opts the partnership in to national benchmarking, or out of it. */
export async function setBenchmarking(
  deps: ProfileDeps,
  partnership: PartnershipRecord,
  optIn: boolean,
  actor: Actor,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (store) => {
    const profile = (await store.national.profile(partnership.id)) ?? emptyProfile(partnership.id, now);
    if (profile.benchmarkOptIn === optIn) return;
    await store.national.saveProfile({
      ...profile,
      benchmarkOptIn: optIn,
      benchmarkChangedAt: now,
      updatedAt: now,
    });
    await recordAudit(store, deps.clock, {
      partnershipId: partnership.id,
      actor,
      action: optIn ? 'benchmarking-joined' : 'benchmarking-left',
      subject: optIn ? 'National benchmarking: opted in' : 'National benchmarking: opted out',
    });
  });
}

/** The national team records a partnership's region (blank clears it). */
export async function setRegion(
  deps: ProfileDeps,
  slug: string,
  region: string,
  actor: Actor,
): Promise<void> {
  const partnership = await deps.store.partnerships.findBySlug(slug);
  if (!partnership) throw new NotFoundError('No such partnership');
  const value = region.trim();
  if (value !== '' && !isRegion(value))
    throw new ValidationError({ region: 'Choose a region from the list' });
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (store) => {
    const profile = (await store.national.profile(partnership.id)) ?? emptyProfile(partnership.id, now);
    await store.national.saveProfile({ ...profile, region: value === '' ? null : value, updatedAt: now });
    await recordAudit(store, deps.clock, {
      partnershipId: null,
      actor,
      action: 'partnership-region-set',
      subject: `${partnership.name}: ${value === '' ? 'region not recorded' : value}`,
    });
  });
}

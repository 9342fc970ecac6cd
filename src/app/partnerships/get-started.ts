import { getStartedProgress, type GetStartedProgress } from '../../domain/partnerships/get-started.js';
import type { Clock } from '../shared/system-ports.js';
import type { PartnershipRecord } from './partnership-store.js';
import type { Store } from '../ports.js';

/** The partnership admin's "Get started" list, worked out from what the partnership holds now. */
export async function partnershipGetStarted(
  deps: { store: Store; clock: Clock },
  partnership: PartnershipRecord,
): Promise<GetStartedProgress> {
  const { store } = deps;
  const [areas, organisations, members, pending, rounds, services, needs] = await Promise.all([
    store.areas.children(partnership.localAuthorityCode),
    store.organisations.listByPartnership(partnership.id),
    store.memberships.listByPartnership(partnership.id),
    store.invitations.listPending(partnership.id, deps.clock.now().toISOString()),
    store.rounds.list(partnership.id),
    store.directory.searchServices(partnership.id, { limit: 0, offset: 0 }),
    store.needs.listForPartnership(partnership.id),
  ]);
  return getStartedProgress({
    areas: areas.length,
    organisations: organisations.length,
    members: members.length,
    pendingInvitations: pending.length,
    rounds: rounds.length,
    services: services.total,
    needs: needs.length,
  });
}

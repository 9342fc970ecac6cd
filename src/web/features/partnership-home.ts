import type { FastifyInstance } from 'fastify';
import { roleAllows, roleDescriptions } from '../../domain/accounts/roles.js';
import { organisationKindLabels } from '../../domain/partnerships/organisation-kinds.js';
import type { Services } from '../../app/services.js';
import { fundingShareRows, hasFundingShares } from '../view-models/funding-shares-view.js';

/** The page members land on. Later issues add the round, actions and needs to it. */
export function registerPartnershipHome(app: FastifyInstance, services: Services): void {
  app.get('/p/:slug/', { config: { access: { partnership: 'member' } } }, async (request, reply) => {
    const access = request.partnershipAccess;
    const live = request.live;
    if (!access || !live) throw new Error('partnership access was not checked');
    if (live.session.currentPartnershipId !== access.partnership.id) {
      await services.sessions.switchPartnership(live, access.partnership.id);
    }
    const organisations = await services.organisations.list(access.partnership.id);
    const counts = new Map<string, number>();
    for (const organisation of organisations) {
      const label = organisationKindLabels[organisation.kind];
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    const shares = await services.funding.shares(access.partnership.id);
    return reply.page('partnerships/home.njk', {
      title: access.partnership.name,
      role: access.membership.role,
      roleDescription: roleDescriptions[access.membership.role],
      organisationCounts: [...counts.entries()].map(([label, count]) => ({ label, count })),
      organisationTotal: organisations.length,
      canManageMembers: roleAllows(access.membership.role, 'manage-members'),
      fundingShares: hasFundingShares(shares) ? fundingShareRows(shares) : [],
      openRounds: await services.assessments.openRoundsFor(access.partnership.id, live.user.email),
    });
  });
}

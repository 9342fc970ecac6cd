import type { FastifyInstance } from 'fastify';
import { roleAllows, roleDescriptions } from '../../domain/accounts/roles.js';
import { organisationKindLabels } from '../../domain/partnerships/organisation-kinds.js';
import type { Services } from '../../app/services.js';
import { dashboardView } from '../view-models/dashboard-view.js';
import { fundingShareRows, hasFundingShares } from '../view-models/funding-shares-view.js';
import { text } from '../forms.js';
import { accessOf } from './members.js';
import { guidanceByIndicator } from '../view-models/guidance-links.js';

const member = { access: { partnership: 'member' } } as const;

/** The success banner after accepting an invitation, named by the flag on the redirect. */
function welcomeBanner(flag: string, partnershipName: string) {
  if (flag === 'new-account') {
    return { heading: 'Your account has been created', text: `You are now a member of ${partnershipName}.` };
  }
  if (flag === 'joined') return { heading: `You have joined ${partnershipName}`, text: '' };
  return undefined;
}

/**
 * The page members land on: the partnership dashboard (the current round, the action plan, directory
 * freshness, unmet-need gaps and funding), and its print view for board papers. Every member may see both;
 * what each section shows follows the rules of its own page (see src/app/dashboard/dashboard.ts).
 */
export function registerPartnershipHome(app: FastifyInstance, services: Services): void {
  app.get('/p/:slug/', { config: member }, async (request, reply) => {
    const access = request.partnershipAccess;
    const live = request.live;
    if (!access || !live) throw new Error('partnership access was not checked');
    if (live.session.currentPartnershipId !== access.partnership.id) {
      await services.sessions.switchPartnership(live, access.partnership.id);
    }
    const [organisations, shares, dashboard, openRounds] = await Promise.all([
      services.organisations.list(access.partnership.id),
      services.funding.shares(access.partnership.id),
      services.dashboard(access.partnership, access.membership),
      services.assessments.openRoundsFor(access.partnership.id, live.user.email),
    ]);
    const counts = new Map<string, number>();
    for (const organisation of organisations) {
      const label = organisationKindLabels[organisation.kind];
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    return reply.page('partnerships/home.njk', {
      title: access.partnership.name,
      role: access.membership.role,
      roleDescription: roleDescriptions[access.membership.role],
      organisationCounts: [...counts.entries()].map(([label, count]) => ({ label, count })),
      organisationTotal: organisations.length,
      canManageMembers: roleAllows(access.membership.role, 'manage-members'),
      fundingShares: hasFundingShares(shares) ? fundingShareRows(shares) : [],
      openRounds,
      dash: dashboardView(dashboard, access.partnership.slug),
      indicatorGuidance: dashboard.figures
        ? guidanceByIndicator(services.guidance, dashboard.figures.view.framework)
        : {},
      welcome: welcomeBanner(text(request.query, 'welcome'), access.partnership.name),
    });
  });

  app.get('/p/:slug/dashboard/print', { config: member }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const dashboard = await services.dashboard(partnership, membership);
    return reply.page('partnerships/dashboard-print.njk', {
      title: `Partnership dashboard: ${partnership.name}`,
      dash: dashboardView(dashboard, partnership.slug),
    });
  });
}

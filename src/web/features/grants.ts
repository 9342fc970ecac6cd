import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { roleAllows } from '../../domain/accounts/roles.js';
import { formatMoney } from '../../domain/funding/decimal.js';
import type { GrantMatchMethod, GrantRecord } from '../../domain/funding/grant.js';
import { text } from '../forms.js';
import { accessOf, actorOf } from './members.js';

const member = { access: { partnership: 'member' } } as const;
const manage = { access: { partnership: 'manage-organisations' } } as const;
/** Rows the grants table shows; the totals always cover every grant that matches the filter. */
const rowsShown = 200;

const short = z.string().trim().max(100).catch('');
const grantQuery = z.object({
  currency: short,
  theme: short,
  funder: short,
  recipient: z.enum(['', 'matched', 'unmatched']).catch(''),
  text: short,
});

const matchLabels: Record<GrantMatchMethod, string> = {
  identifier: 'By identifier',
  name: 'By name',
  reviewed: 'Checked by a person',
  none: 'Not matched',
};

export function registerGrants(app: FastifyInstance, services: Services): void {
  const themes = () => services.directory.themes.themes;
  const themeName = (id: string) => themes().find((t) => t.id === id)?.name ?? id;

  app.get('/p/:slug/grants', { config: member }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const filter = grantQuery.parse(request.query ?? {});
    const all = await services.grants.list(partnership.id);
    const matchMethods: GrantMatchMethod[] | undefined =
      filter.recipient === 'matched'
        ? ['identifier', 'name', 'reviewed']
        : filter.recipient === 'unmatched'
          ? ['none']
          : undefined;
    const { grants, totals } = await services.grants.list(partnership.id, {
      ...(filter.currency ? { currency: filter.currency } : {}),
      ...(filter.funder ? { fundingOrgId: filter.funder } : {}),
      ...(filter.theme ? { theme: filter.theme } : {}),
      ...(filter.text ? { text: filter.text } : {}),
      ...(matchMethods ? { matchMethods } : {}),
    });
    const organisations = new Map(
      (await services.organisations.list(partnership.id)).map((o) => [o.id, o.name]),
    );
    const funders = new Map(all.grants.map((g) => [g.fundingOrgId, g.fundingOrgName]));
    const currencies = [...new Set(all.grants.map((g) => g.currency))].sort();
    const toReview = roleAllows(membership.role, 'manage-organisations')
      ? (await services.grants.matchesToReview(partnership.id)).length
      : 0;
    const filtered = Object.values(filter).some((v) => v !== '');
    return reply.page('grants/list.njk', {
      title: 'Grants',
      base: `/p/${partnership.slug}/grants`,
      filtered,
      held: all.grants.length,
      count: grants.length,
      shown: Math.min(rowsShown, grants.length),
      totals: totals.map((t) => ({ ...t, text: formatMoney(t.total, t.currency) })),
      canImport: roleAllows(membership.role, 'import-data'),
      toReview,
      values: filter,
      currencyItems: [
        { value: '', text: 'Any currency' },
        ...currencies.map((c) => ({ value: c, text: c, selected: c === filter.currency })),
      ],
      themeItems: [
        { value: '', text: 'Any theme' },
        ...themes().map((t) => ({ value: t.id, text: t.name, selected: t.id === filter.theme })),
      ],
      funderItems: [
        { value: '', text: 'Any funder' },
        ...[...funders.entries()]
          .sort((a, b) => a[1].localeCompare(b[1]))
          .map(([id, name]) => ({ value: id, text: name, selected: id === filter.funder })),
      ],
      recipientItems: [
        { value: '', text: 'Any recipient' },
        {
          value: 'matched',
          text: 'Matched to an organisation here',
          selected: filter.recipient === 'matched',
        },
        { value: 'unmatched', text: 'Not matched', selected: filter.recipient === 'unmatched' },
      ],
      grants: grants.slice(0, rowsShown).map((grant) => grantRow(grant, organisations, themeName)),
    });
  });

  app.get('/p/:slug/grants/matches', { config: manage }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const matches = await services.grants.matchesToReview(partnership.id);
    const done = (request.query as Record<string, unknown>).done;
    return reply.page('grants/matches.njk', {
      title: 'Grant recipients to check',
      action: `/p/${partnership.slug}/grants/matches`,
      flash:
        done === 'confirm' ? 'The match was confirmed.' : done === 'reject' ? 'The match was rejected.' : '',
      backLink: { href: `/p/${partnership.slug}/grants`, text: 'Grants' },
      matches: matches.map((m) => ({
        grantId: m.grant.id,
        title: m.grant.title,
        recipientName: m.grant.recipientOrgName ?? 'No name given',
        recipientId: m.grant.recipientOrgId ?? 'None given',
        organisationName: m.organisationName,
        confidence: `${Math.round((m.grant.match.confidence ?? 0) * 100)}%`,
        amount: formatMoney(m.grant.amountAwarded, m.grant.currency),
        awardDate: m.grant.awardDate,
      })),
    });
  });

  app.post('/p/:slug/grants/matches', { config: manage }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const decision = text(request.body, 'decision') === 'confirm' ? 'confirm' : 'reject';
    await services.grants.reviewMatch(partnership, text(request.body, 'grantId'), decision, actorOf(request));
    return reply.redirect(`/p/${partnership.slug}/grants/matches?done=${decision}`, 303);
  });
}

function grantRow(
  grant: GrantRecord,
  organisations: ReadonlyMap<string, string>,
  themeName: (id: string) => string,
) {
  const matched = grant.match.organisationId ? organisations.get(grant.match.organisationId) : undefined;
  return {
    id: grant.id,
    title: grant.title,
    recipientName: grant.recipientOrgName ?? 'Not named',
    matchedName: matched ?? '',
    matchLabel: matchLabels[grant.match.method],
    funderName: grant.fundingOrgName,
    amount: formatMoney(grant.amountAwarded, grant.currency),
    awardDate: grant.awardDate,
    duration:
      grant.plannedDurationMonths === null
        ? 'Not known'
        : `${grant.plannedDurationMonths} month${grant.plannedDurationMonths === 1 ? '' : 's'}`,
    themes: grant.themes.map(themeName).join(', ') || 'None suggested',
  };
}

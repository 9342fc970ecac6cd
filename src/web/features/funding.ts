import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import { formatMoney } from '../../domain/funding/decimal.js';
import { fundingFlagLabels } from '../../domain/funding/funding-by-area.js';
import {
  amountsText,
  convertedTotal,
  fundingMap,
  fundingQuery,
  fundingRows,
} from '../view-models/funding-view.js';
import { accessOf } from './members.js';
import { guidanceLinks } from '../view-models/guidance-links.js';
import { fundingShareRows } from '../view-models/funding-shares-view.js';

const member = { access: { partnership: 'member' } } as const;

/** Funding against need: grants by ward and theme, per head, beside need, provision and the gap classes. */
export function registerFunding(app: FastifyInstance, services: Services): void {
  app.get('/p/:slug/funding', { config: member }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const query = fundingQuery.parse(request.query ?? {});
    const themes = services.directory.themes.themes;
    const theme = themes.some((t) => t.id === query.theme) ? query.theme : '';
    const view = await services.funding.againstNeed(partnership, theme ? [theme] : []);
    const map = fundingMap(view);
    const rows = fundingRows(view, { ...query, theme });
    const currencies = view.totals.map((t) => t.currency).filter((c) => c !== 'GBP');
    return reply.page('funding/index.njk', {
      title: 'Funding against need',
      relatedGuidance: guidanceLinks(services.guidance, [
        'funding-together',
        'strategic-commissioning',
        'cost-of-living-top-tips',
      ]),
      base: `/p/${partnership.slug}/funding`,
      query: { ...query, theme },
      themeItems: [
        { value: '', text: 'Every theme' },
        ...themes.map((t) => ({ value: t.id, text: t.name, selected: t.id === theme })),
      ],
      showItems: [
        { value: '', text: 'Funded, or flagged' },
        { value: 'funded', text: 'Funded only', selected: query.show === 'funded' },
        ...(['funding-without-provision', 'need-without-funding'] as const).map((flag) => ({
          value: flag,
          text: fundingFlagLabels[flag],
          selected: query.show === flag,
        })),
      ],
      totals: view.totals.map((t) => ({ ...t, text: formatMoney(t.total, t.currency) })),
      otherCurrencies: currencies,
      converted: convertedTotal(view.totals, query),
      map,
      wards: view.wards.map((w) => ({
        name: w.name,
        code: w.code,
        population: w.population === null ? 'Not known' : Math.round(w.population).toLocaleString('en-GB'),
        funding: amountsText(w.amounts),
        grants: w.grantCount,
        perHead: w.poundsPerHead === null ? 'Not known' : formatMoney(w.poundsPerHead, 'GBP'),
        flags: w.flags,
      })),
      authorityName: view.authority?.name ?? 'the authority',
      authorityWide: view.authorityWide.map((a) => ({ ...a, funding: amountsText(a.amounts) })),
      authorityWideTotal: {
        funding: amountsText(view.authorityWideTotal.amounts),
        grants: view.authorityWideTotal.grantCount,
      },
      notPlaced: { funding: amountsText(view.notPlaced.amounts), grants: view.notPlaced.grantCount },
      rows,
      thresholds: view.thresholds,
      shares: fundingShareRows(view.shares),
      grantsHref: `/p/${partnership.slug}/grants`,
      gapsHref: `/p/${partnership.slug}/needs/gaps`,
    });
  });
}

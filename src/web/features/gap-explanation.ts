import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { needSeverityLabels } from '../../domain/needs/model.js';
import { potentialProvisionText } from '../../domain/needs/gap-class.js';
import { escapeXml } from '../charts/escape-xml.js';
import {
  formatKm,
  gapClassLabels,
  levelLabels,
  oneDecimal,
  thresholdRows,
  twoDecimals,
} from '../view-models/gap-view.js';
import { reachNotice } from '../view-models/reach-view.js';
import { accessOf } from './members.js';

const member = { access: { partnership: 'member' } } as const;

/** The areas a rank runs over, by level. */
const rankedAreaWords: Record<string, string> = {
  lsoa: 'partnership’s neighbourhoods',
  ward: 'partnership’s wards',
  authority: 'authorities analysed',
};

const three = (n: number) => (Math.round(n * 1000) / 1000).toFixed(3);
const maybe = (n: number | null, format: (n: number) => string, none = 'None') =>
  n === null ? none : format(n);

/** Why an area has its gap class for a theme: every need input and every service counted, adding up. */
export function registerGapExplanation(app: FastifyInstance, services: Services): void {
  app.get('/p/:slug/needs/gaps/:areaCode/:theme', { config: member }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const params = request.params as { areaCode: string; theme: string };
    const view = await services.gaps.explain(partnership, params.areaCode, params.theme);
    if (!view) throw new NotFoundError('There is no such area or theme in this partnership');
    const { explanation: e, area, theme, report, evidence } = view;
    const serviceNames = new Map(report.services.map((s) => [s.id, s.name]));
    const nearestName = e.cell.nearestServiceId ? (serviceNames.get(e.cell.nearestServiceId) ?? null) : null;
    const slug = partnership.slug;
    const statisticsWeight = e.need.statistics.reduce((n, s) => n + s.weight, 0);
    const records = report.needs.filter((n) => e.need.records.some((r) => r.needId === n.id));
    const recordOf = new Map(records.map((r) => [r.id, r]));
    const areaNames = new Map(report.areas.map((a) => [a.code, a.name]));
    const analysed = report.input.areas.find((a) => a.code === area.code);
    const reach = reachNotice(report, slug, membership.role, { ruralUrban: analysed?.ruralUrban ?? null });
    const [potential] = await services.organisationThemes.potentialProvision(partnership.id, theme.id);
    const withoutServices = potential?.organisations ?? [];
    return reply.page('needs/explanation.njk', {
      potentialProvision: withoutServices.length
        ? {
            text: potentialProvisionText(withoutServices.length),
            shown: withoutServices.slice(0, 5).map((o) => ({
              name: o.organisationName,
              href: `/p/${slug}/directory/organisations/${o.organisationId}`,
            })),
            more: Math.max(0, withoutServices.length - 5),
          }
        : undefined,
      title: `${area.name}: ${theme.name}`,
      area,
      theme,
      levelLabel: levelLabels[report.level],
      gapClass: gapClassLabels[e.cell.gapClass],
      classReason: e.classReason,
      summaryRows: [
        { key: { text: 'Gap class' }, value: { text: gapClassLabels[e.cell.gapClass] } },
        {
          key: { text: 'Need' },
          value: { text: maybe(e.cell.need, (n) => `${oneDecimal(n)} out of 100`, 'No evidence') },
        },
        {
          key: { text: `Place among the ${rankedAreaWords[report.level]}` },
          value: {
            text: e.cell.localRank
              ? `${e.cell.localRank} of ${e.cell.localRankOutOf ?? 0} (1 is the most need)`
              : 'Not ranked: no evidence of need',
          },
        },
        {
          key: { text: 'Provision' },
          value: {
            text: `${three(e.cell.provision)} service-equivalents from ${e.cell.serviceCount} services`,
          },
        },
        { key: { text: 'Gap score' }, value: { text: oneDecimal(e.cell.gapScore) } },
        {
          key: { text: 'Nearest open service' },
          value: nearestName
            ? {
                html: `<a class="govuk-link" href="/p/${slug}/directory/services/${e.cell.nearestServiceId ?? ''}">${escapeXml(nearestName)}</a>, ${formatKm(e.cell.nearestKm)} from the area’s representative point`,
              }
            : { text: 'There is no open service for this theme' },
        },
        { key: { text: 'Reach rule here' }, value: { text: reach.rule } },
      ],
      reach,
      statistics: e.need.statistics.map((s) => ({
        name: s.name,
        edition: s.edition,
        value: s.value === null ? 'Not published' : String(Math.round(s.value * 1000) / 1000),
        decile: s.decile === null ? 'Not published' : String(s.decile),
        percentile: oneDecimal(s.needPercentile),
        against: s.against === 'england' ? 'England' : 'These areas only',
        weight: String(s.weight),
        product: oneDecimal(s.needPercentile * s.weight),
      })),
      statisticsWeight: String(statisticsWeight),
      statisticsProduct: oneDecimal(e.need.statistics.reduce((n, s) => n + s.needPercentile * s.weight, 0)),
      statisticsNeed: maybe(e.need.statisticsNeed, oneDecimal),
      records: e.need.records.map((r) => ({
        id: r.needId,
        area: areaNames.get(r.areaCode) ?? r.areaCode,
        areaCode: r.areaCode,
        severity: needSeverityLabels[r.severity],
        people: r.peopleAffected === null ? 'Not known' : r.peopleAffected.toLocaleString('en-GB'),
        score: oneDecimal(r.score),
        reportedOn: recordOf.get(r.needId)?.reportedOn ?? '',
      })),
      localNeed: maybe(e.need.localNeed, oneDecimal),
      weights: e.need.weights,
      need: maybe(e.need.need, oneDecimal, 'No evidence'),
      evidenceNone: evidence.none,
      missingInputs: evidence.missing,
      needParts:
        e.need.statisticsNeed !== null && e.need.localNeed !== null
          ? 'both'
          : e.need.statisticsNeed !== null
            ? 'statistics'
            : e.need.localNeed !== null
              ? 'records'
              : 'none',
      contributions: e.contributions.map((c) => ({
        id: c.serviceId,
        name: c.name,
        reason: c.reason === 'nearby' ? 'Nearby' : 'Covers the area',
        distance: c.distanceKm === null ? '' : formatKm(c.distanceKm),
        distanceFactor: three(c.distanceFactor),
        capacityFactor: three(c.capacityFactor),
        hoursFactor: three(c.hoursFactor),
        contribution: three(c.contribution),
      })),
      provision: three(e.cell.provision),
      provisionShort: twoDecimals(e.cell.provision),
      thresholdRows: thresholdRows(e.thresholds),
      isAdmin: membership.role === 'partnership-admin',
      backLink: {
        href: `/p/${slug}/needs/gaps?${new URLSearchParams({ theme: theme.id, level: report.level }).toString()}`,
        text: 'Back to the gaps',
      },
    });
  });
}

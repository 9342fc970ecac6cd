import { csvText } from '../../domain/shared/csv-text.js';
import type { FastifyInstance } from 'fastify';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { gapLevels } from '../../app/gaps/gap-areas.js';
import { rfc7946Feature } from '../../domain/areas/rfc7946.js';
import type { Services } from '../../app/services.js';
import {
  formatKm,
  gapClassLabels,
  gapClassText,
  gapRows,
  gapSorts,
  gapsQuery,
  levelLabels,
  oneDecimal,
  sortRows,
  thresholdRows,
  twoDecimals,
  type GapSort,
} from '../view-models/gap-view.js';
import { guardCell } from '../view-models/spreadsheet-cell.js';
import { accessOf } from './members.js';
import { guidanceLinks } from '../view-models/guidance-links.js';
import { reachNotice } from '../view-models/reach-view.js';

const member = { access: { partnership: 'member' } } as const;
const perPage = 100;

const sortLabels: Record<GapSort, string> = { score: 'Gap score', area: 'Area', theme: 'Theme' };

/** The gaps list with its filters, sorting (links, so it works without JavaScript) and exports. */
export function registerGaps(app: FastifyInstance, services: Services): void {
  const themeIds = () => services.directory.themes.themes.map((t) => t.id);

  const load = async (request: Parameters<typeof accessOf>[0]) => {
    const { partnership } = accessOf(request);
    const q = gapsQuery(request.query, themeIds());
    const report = await services.gaps.report(partnership, q.theme ? [q.theme] : [], q.level);
    const rows = sortRows(
      gapRows(report).filter((r) => !q.gapClass || r.cell.gapClass === q.gapClass),
      q.sort,
      q.order,
    );
    return { partnership, q, report, rows };
  };

  app.get('/p/:slug/needs/gaps', { config: member }, async (request, reply) => {
    const { partnership, q, report, rows } = await load(request);
    const base = `/p/${partnership.slug}/needs/gaps`;
    const filters = { theme: q.theme, level: q.level, class: q.gapClass };
    const href = (change: Record<string, string>) => {
      const params = new URLSearchParams(
        Object.entries({ ...filters, sort: q.sort, order: q.order, ...change }).filter(([, v]) => v !== ''),
      );
      return `${base}?${params.toString()}`;
    };
    const pages = Math.max(1, Math.ceil(rows.length / perPage));
    const page = Math.min(q.page, pages);
    const exportQuery = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '')).toString();
    return reply.page('needs/gaps.njk', {
      title: 'Gaps',
      relatedGuidance: guidanceLinks(services.guidance, [
        'using-the-needs-map-for-commissioning',
        'strategic-commissioning',
      ]),
      themeItems: [
        { value: '', text: 'Every theme' },
        ...services.directory.themes.themes.map((t) => ({
          value: t.id,
          text: t.name,
          selected: t.id === q.theme,
        })),
      ],
      levelItems: gapLevels.map((l) => ({ value: l, text: levelLabels[l], selected: l === q.level })),
      classItems: [
        { value: '', text: 'Every class' },
        ...Object.entries(gapClassLabels).map(([value, text]) => ({
          value,
          text,
          selected: value === q.gapClass,
        })),
      ],
      sortHeaders: Object.fromEntries(
        gapSorts.map((sort) => {
          const active = q.sort === sort;
          const next = active ? (q.order === 'asc' ? 'desc' : 'asc') : sort === 'score' ? 'desc' : 'asc';
          return [
            sort,
            {
              label: sortLabels[sort],
              href: href({ sort, order: next, page: '1' }),
              ariaSort: active ? (q.order === 'asc' ? 'ascending' : 'descending') : 'none',
              hint: active
                ? `sorted ${q.order === 'asc' ? 'lowest first' : 'highest first'}; select to reverse`
                : 'select to sort',
            },
          ];
        }),
      ),
      total: rows.length,
      page,
      pages,
      previous: page > 1 ? { href: href({ page: String(page - 1) }) } : undefined,
      next: page < pages ? { href: href({ page: String(page + 1) }) } : undefined,
      rows: rows.slice((page - 1) * perPage, page * perPage).map((r) => ({
        code: r.cell.areaCode,
        name: r.areaName,
        themeName: r.themeName,
        need: r.cell.need === null ? 'No evidence' : oneDecimal(r.cell.need),
        place: r.cell.localRank ? `${r.cell.localRank} of ${r.cell.localRankOutOf ?? 0}` : '',
        provision: twoDecimals(r.cell.provision),
        services: String(r.cell.serviceCount),
        gapClass: gapClassText(r),
        score: oneDecimal(r.cell.gapScore),
        nearest: r.nearestName ? `${r.nearestName}, ${formatKm(r.cell.nearestKm)}` : 'None open',
        href: `${base}/${r.cell.areaCode}/${r.cell.theme}`,
      })),
      csvHref: `${base}.csv${exportQuery ? `?${exportQuery}` : ''}`,
      geojsonHref: `${base}.geojson${exportQuery ? `?${exportQuery}` : ''}`,
      mapHref: `/p/${partnership.slug}/needs/map?${new URLSearchParams({ theme: q.theme || 'food', level: q.level }).toString()}`,
      thresholdRows: thresholdRows(report.analysis.settings.thresholds),
      reach: reachNotice(report, partnership.slug, accessOf(request).membership.role),
      customised: report.settings.customised,
      isAdmin: accessOf(request).membership.role === 'partnership-admin',
    });
  });

  app.get('/p/:slug/needs/gaps.csv', { config: member }, async (request, reply) => {
    const { partnership, report, rows } = await load(request);
    const header = [
      'Partnership',
      'Area code',
      'Area',
      'Level',
      'Theme',
      'Need (0 to 100)',
      'Need from statistics',
      'Need from local records',
      'Provision (service-equivalents)',
      'Services counted',
      'Gap class',
      'Gap score',
      'Nearest open service',
      'Distance to it (km)',
      'Place by need in the partnership (1 is the most)',
      'Areas placed',
      'Organisations listing no service (potential provision)',
    ];
    const num = (n: number | null, digits: number) => (n === null ? '' : n.toFixed(digits));
    const body = rows.map((r) => [
      guardCell(partnership.name),
      r.cell.areaCode,
      guardCell(r.areaName),
      report.level,
      guardCell(r.themeName),
      num(r.cell.need, 1),
      num(r.cell.statisticsNeed, 1),
      num(r.cell.localNeed, 1),
      num(r.cell.provision, 3),
      String(r.cell.serviceCount),
      gapClassLabels[r.cell.gapClass],
      num(r.cell.gapScore, 2),
      guardCell(r.nearestName ?? ''),
      num(r.cell.nearestKm, 3),
      r.cell.localRank ? String(r.cell.localRank) : '',
      String(r.cell.localRankOutOf ?? ''),
      String(r.potential),
    ]);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${partnership.slug}-gaps.csv"`)
      .header('cache-control', 'private, no-store')
      .send(csvText([header, ...body], { bom: true }));
  });

  app.get('/p/:slug/needs/gaps.geojson', { config: member }, async (request, reply) => {
    const { partnership, report, rows } = await load(request);
    const boundaries = new Map(report.areas.map((a) => [a.code, a.boundary]));
    const features: Feature[] = rows.flatMap((r) => {
      const boundary = boundaries.get(r.cell.areaCode);
      if (!boundary) return [];
      // An area is listed once for each theme, so the id names both.
      return [
        rfc7946Feature(`${r.cell.areaCode}/${r.cell.theme}`, JSON.parse(boundary) as Polygon | MultiPolygon, {
          areaCode: r.cell.areaCode,
          areaName: r.areaName,
          level: report.level,
          theme: r.cell.theme,
          themeName: r.themeName,
          need: r.cell.need,
          statisticsNeed: r.cell.statisticsNeed,
          localNeed: r.cell.localNeed,
          provision: r.cell.provision,
          serviceCount: r.cell.serviceCount,
          gapClass: r.cell.gapClass,
          gapScore: r.cell.gapScore,
          nearestServiceId: r.cell.nearestServiceId,
          nearestService: r.nearestName,
          nearestKm: r.cell.nearestKm,
          organisationsListingNoService: r.potential,
        }),
      ];
    });
    // `partnership` is a foreign member: GeoJSON readers ignore it, people see whose data it is.
    const collection: FeatureCollection & { partnership: string } = {
      type: 'FeatureCollection',
      partnership: partnership.name,
      features,
    };
    return reply
      .header('content-type', 'application/geo+json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${partnership.slug}-gaps.geojson"`)
      .header('cache-control', 'private, no-store')
      .send(JSON.stringify(collection));
  });
}

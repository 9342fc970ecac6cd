import type { FastifyInstance } from 'fastify';
import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaRecord } from '../../app/areas/area-records.js';
import type { AreaProfile, IndicatorRow } from '../../app/areas/area-profile.js';
import { NotFoundError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { areaLevelNames } from '../../domain/areas/gss-code.js';
import { boundaryMap, DECILE_FILLS } from '../charts/boundary-map.js';
import { escapeXml } from '../charts/escape-xml.js';
import { formErrors, text } from '../forms.js';
import { directoryArea, formatMiles } from './directory/places.js';
import { needSeverityLabels } from '../../domain/needs/model.js';
import { formatKm, gapClassLabels, oneDecimal, twoDecimals } from '../view-models/gap-view.js';
import { accessOf } from './members.js';

/** The directory looks at most this far round an area for its services (km). */
const furthestAroundKm = 50;
/** The most services an area profile lists. */
const nearbyShown = 20;

const member = { access: { partnership: 'member' } } as const;

const geometry = (area: AreaRecord): Polygon | MultiPolygon | null =>
  area.boundary ? (JSON.parse(area.boundary) as Polygon | MultiPolygon) : null;

const levelTitle = (area: AreaRecord) =>
  area.level === 'authority' ? 'Local authority' : area.level === 'ward' ? 'Ward' : 'Neighbourhood (LSOA)';

const figure = (value: number | null, unit: string) =>
  value === null ? 'Not published' : unit === 'rank' ? 'See rank' : String(Math.round(value * 1000) / 1000);

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function indicatorView(row: IndicatorRow) {
  const { definition, aggregation } = row;
  const mostDeprived = aggregation ? (aggregation.deciles[0] ?? 0) + (aggregation.deciles[1] ?? 0) : 0;
  return {
    name: definition.name,
    edition: definition.edition,
    unit: definition.unit,
    source: definition.source,
    value: figure(row.value, definition.unit),
    rank: row.rank === null ? '' : row.rank.toLocaleString('en-GB'),
    decile: row.decile === null ? '' : String(row.decile),
    decileText:
      row.decile === null
        ? ''
        : row.decile <= 5
          ? `${row.decile} (among the ${row.decile * 10}% most deprived in England)`
          : `${row.decile} (among the ${(11 - row.decile) * 10}% least deprived in England)`,
    method: aggregation
      ? `${aggregation.method === 'population-weighted mean' ? 'Population-weighted average' : 'Average (populations not known)'} of ${plural(aggregation.lsoas, 'neighbourhood', 'neighbourhoods')}`
      : '',
    mostDeprived: aggregation
      ? `${mostDeprived} of ${aggregation.lsoas} in the 20% most deprived nationally`
      : '',
  };
}

function mapFor(profile: AreaProfile): { svg: string; legend: boolean } {
  const { area, children } = profile;
  const imd = new Map(Object.entries(profile.childDeciles));
  const parts = children.flatMap((child) => {
    const boundary = geometry(child);
    if (!boundary) return [];
    const decile = imd.get(child.code);
    return [{ name: child.name, boundary, ...(decile ? { fill: DECILE_FILLS[decile - 1] } : {}) }];
  });
  const outline = geometry(area);
  const what = area.level === 'authority' ? 'wards' : 'neighbourhoods (LSOAs)';
  return {
    svg: boundaryMap({
      id: 'area-map',
      title: `Map of ${area.name}`,
      description: parts.length
        ? `The boundary of ${area.name} and its ${parts.length} ${what}. The table below lists them.`
        : `The boundary of ${area.name}.`,
      outline,
      parts,
    }),
    legend: imd.size > 0,
  };
}

export function registerAreas(app: FastifyInstance, services: Services): void {
  app.get('/p/:slug/areas', { config: member }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const overview = await services.areas.overview(partnership);
    const { authority } = overview;
    const wards = overview.wards.map((s) => s.ward);
    return reply.page('areas/index.njk', {
      title: 'Areas',
      authority,
      deprivationEdition: overview.deprivationEdition,
      rows: overview.wards.map((s) => ({
        code: s.ward.code,
        name: s.ward.name,
        population: s.population === null ? 'Not known' : s.population.toLocaleString('en-GB'),
        lsoas: String(s.lsoas),
        score:
          s.deprivation?.score == null ? 'Not known' : (Math.round(s.deprivation.score * 10) / 10).toFixed(1),
        mostDeprived: s.deprivation ? `${s.deprivation.mostDeprived} of ${s.deprivation.known}` : 'Not known',
      })),
      map: authority
        ? boundaryMap({
            id: 'area-map',
            title: `Map of ${authority.name} and its wards`,
            description: `The boundary of ${authority.name} and its ${wards.length} wards, listed in the table below.`,
            outline: geometry(authority),
            parts: wards.flatMap((w) => {
              const boundary = geometry(w);
              return boundary ? [{ name: w.name, boundary }] : [];
            }),
          })
        : '',
    });
  });

  app.get('/p/:slug/areas/:code', { config: member }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const code = (request.params as { code: string }).code;
    const profile = await services.areas.profile(partnership, code);
    if (!profile) throw new NotFoundError('No such area in this partnership');
    const { area } = profile;
    const indicators = profile.indicators.map(indicatorView);
    const editions = [...new Set(indicators.map((i) => i.edition))];
    const link = (a: AreaRecord) =>
      `<a class="govuk-link" href="/p/${escapeXml(partnership.slug)}/areas/${escapeXml(a.code)}">${escapeXml(a.name)}</a>`;
    const summaryRows = [
      { key: { text: 'Area code' }, value: { text: area.code } },
      { key: { text: 'Kind of area' }, value: { text: areaLevelNames[area.level] } },
      { key: { text: 'Boundary set' }, value: { text: area.edition } },
      ...(profile.trail.length
        ? [{ key: { text: 'Part of' }, value: { html: profile.trail.map(link).join(', ') } }]
        : []),
      ...(profile.point
        ? [
            {
              key: { text: 'Representative point' },
              value: {
                text: `${profile.point.lat.toFixed(5)}, ${profile.point.lng.toFixed(5)} (${
                  profile.point.method === 'inside the boundary'
                    ? 'a point inside the boundary'
                    : profile.point.method === 'population-weighted mean'
                      ? 'the average of its neighbourhoods’ points, weighted by population'
                      : 'the average of its neighbourhoods’ points (populations not known)'
                })`,
              },
            },
          ]
        : []),
      ...(profile.population
        ? [
            {
              key: { text: 'Population' },
              value: {
                text: `${profile.population.count.toLocaleString('en-GB')} people (estimate for ${profile.population.period}${profile.population.summed ? ', the sum of its neighbourhoods' : ''})`,
              },
            },
          ]
        : []),
    ];
    const gaps = await services.gaps.forArea(partnership, area);
    // Services around the area: as far as the partnership's reach rule counts them for it.
    const aroundKm = Math.min(furthestAroundKm, gaps.reachKm);
    const nearby = await services.directory.inArea(partnership.id, directoryArea(profile), { aroundKm });
    const needsBase = `/p/${partnership.slug}/needs`;
    return reply.page('areas/profile.njk', {
      title: `${area.name}: area profile`,
      gaps: gaps.cells
        .filter((g) => g.cell.gapClass !== 'no-data' || g.cell.serviceCount > 0)
        .sort((a, b) => b.cell.gapScore - a.cell.gapScore)
        .map((g) => ({
          themeName: g.themeName,
          need: g.cell.need === null ? 'No evidence' : oneDecimal(g.cell.need),
          provision: twoDecimals(g.cell.provision),
          services: String(g.cell.serviceCount),
          gapClass: gapClassLabels[g.cell.gapClass],
          nearest: g.nearestName ? `${g.nearestName}, ${formatKm(g.cell.nearestKm)}` : 'None open',
          href: `${needsBase}/gaps/${area.code}/${g.cell.theme}`,
        })),
      localNeeds: gaps.needs.map((n) => ({
        themeName: n.themeName,
        severity: needSeverityLabels[n.need.severity],
        people: n.need.peopleAffected === null ? 'Not known' : n.need.peopleAffected.toLocaleString('en-GB'),
        reportedOn: n.need.reportedOn,
        href: `${needsBase}?${new URLSearchParams({ area: area.code, theme: n.need.theme }).toString()}`,
      })),
      needsHref: `${needsBase}?area=${encodeURIComponent(area.code)}`,
      mapHref: `${needsBase}/map?level=${area.level}`,
      nearby: {
        around: `${aroundKm.toLocaleString('en-GB', { maximumFractionDigits: 2 })} km (the partnership’s reach rule)`,
        items: nearby.slice(0, nearbyShown).map((item) => ({
          ...item,
          href: `/p/${partnership.slug}/directory/services/${item.id}`,
          distance: item.distanceKm === undefined ? null : formatMiles(item.distanceKm),
        })),
        more: Math.max(0, nearby.length - nearbyShown),
        searchHref: `/p/${partnership.slug}/directory?${area.level === 'lsoa' ? 'lsoa' : 'area'}=${encodeURIComponent(area.code)}`,
      },
      summaryRows,
      area,
      levelTitle: levelTitle(area),
      levelName: areaLevelNames[area.level],
      trail: profile.trail,
      children: profile.children,
      childHeading: area.level === 'authority' ? 'Wards' : 'Neighbourhoods (LSOAs)',
      childWords: area.level === 'authority' ? 'wards' : 'neighbourhoods (LSOAs)',
      childDeciles: profile.childDeciles,
      childDecileEdition: profile.childDecileEdition,
      population: profile.population,
      indicatorGroups: editions.map((edition) => ({
        edition,
        rows: indicators.filter((i) => i.edition === edition),
      })),
      aggregated: area.level !== 'lsoa',
      map: mapFor(profile).svg,
      backLink: {
        href: `/p/${partnership.slug}/areas${profile.trail.length > 1 ? `/${profile.trail.at(-1)?.code ?? ''}` : ''}`,
        text: profile.trail.length > 1 ? `Back to ${profile.trail.at(-1)?.name ?? 'areas'}` : 'Back to areas',
      },
    });
  });

  app.get('/p/:slug/postcode', { config: member }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const postcode = text(request.query, 'postcode').slice(0, 40);
    // A postcode of the partnership's own area that the lookup has, so the hint's example works when tried.
    const examplePostcode = await services.areas.examplePostcode(partnership);
    if (postcode === '' && !('postcode' in ((request.query as object) ?? {}))) {
      return reply.page('areas/postcode.njk', {
        title: 'Find the areas for a postcode',
        values: {},
        examplePostcode,
      });
    }
    const result = await services.areas.lookupPostcode(postcode);
    if (result.kind === 'invalid') {
      return reply.page(
        'areas/postcode.njk',
        {
          title: 'Find the areas for a postcode',
          values: { postcode },
          errors: formErrors({ postcode: result.message }),
          examplePostcode,
        },
        400,
      );
    }
    const inPartnership =
      result.kind === 'found' && result.authority?.code === partnership.localAuthorityCode;
    const areaRow = (label: string, area: AreaRecord | undefined) => ({
      key: { text: label },
      value: area
        ? { html: `${inPartnership ? link(area) : escapeXml(area.name)} (${escapeXml(area.code)})` }
        : { text: 'Not known: its boundaries have not been imported' },
    });
    const link = (a: AreaRecord) =>
      `<a class="govuk-link" href="/p/${escapeXml(partnership.slug)}/areas/${escapeXml(a.code)}">${escapeXml(a.name)}</a>`;
    const rows =
      result.kind === 'found'
        ? [
            {
              key: { text: 'Location (latitude, longitude)' },
              value: { text: `${result.point.lat.toFixed(5)}, ${result.point.lng.toFixed(5)}` },
            },
            areaRow('Neighbourhood (LSOA)', result.lsoa),
            areaRow('Ward', result.ward),
            areaRow('Local authority', result.authority),
          ]
        : [];
    return reply.page('areas/postcode.njk', {
      title: `${result.postcode}: areas`,
      rows,
      values: { postcode: result.postcode },
      result,
      inPartnership,
      examplePostcode,
    });
  });
}

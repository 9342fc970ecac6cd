import type { FastifyInstance } from 'fastify';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GapReport } from '../../app/gaps/gap-analysis.js';
import { gapLevels } from '../../app/gaps/gap-areas.js';
import { rfc7946Feature } from '../../domain/areas/rfc7946.js';
import type { Services } from '../../app/services.js';
import { boundaryMap } from '../charts/boundary-map.js';
import { mapLegend } from '../charts/map-legend.js';
import {
  formatKm,
  gapClassText,
  gapRows,
  layerFill,
  layerLegend,
  levelLabels,
  levelPhrases,
  mapLayerLabels,
  mapLayers,
  mapQuery,
  oneDecimal,
  thresholdRows,
  twoDecimals,
  type MapLayer,
} from '../view-models/gap-view.js';
import { potentialProvisionText } from '../../domain/needs/gap-class.js';
import { accessOf } from './members.js';
import { guidanceLinks } from '../view-models/guidance-links.js';
import { reachNotice } from '../view-models/reach-view.js';

const member = { access: { partnership: 'member' } } as const;

const geometry = (boundary: string | null): Polygon | MultiPolygon | null =>
  boundary ? (JSON.parse(boundary) as Polygon | MultiPolygon) : null;

/** The services of a theme that may be drawn as points: open, at public places only (never area-only or hidden). */
export function serviceMarkers(report: GapReport, theme: string) {
  return report.services
    .filter((s) => s.open && s.themes.includes(theme))
    .flatMap((s) =>
      s.publicPoints.map((p) => ({
        id: s.id,
        lat: p.lat,
        lng: p.lng,
        name: p.placeName && p.placeName !== s.name ? `${s.name} (${p.placeName})` : s.name,
      })),
    );
}

/** Open services of the theme with area-only places: counted, never drawn. */
const areaOnlyCount = (report: GapReport, theme: string) =>
  report.services.filter((s) => s.open && s.themes.includes(theme) && s.areaOnlyPlaces > 0).length;

/** The map as GeoJSON: one polygon per area with its cell, and one point per service place that may be shown. */
export function mapGeoJson(
  report: GapReport,
  theme: string,
  layer: MapLayer,
  partnership: { slug: string; name: string },
): FeatureCollection & { partnership: string } {
  const slug = partnership.slug;
  const rows = new Map(
    gapRows(report)
      .filter((r) => r.cell.theme === theme)
      .map((r) => [r.cell.areaCode, r]),
  );
  const thresholds = report.analysis.settings.thresholds;
  const areas: Feature[] = report.areas.flatMap((area) => {
    const boundary = geometry(area.boundary);
    const row = rows.get(area.code);
    if (!boundary || !row) return [];
    const { cell } = row;
    return [
      rfc7946Feature(area.code, boundary, {
        kind: 'area',
        code: area.code,
        name: area.name,
        theme,
        need: cell.need,
        provision: cell.provision,
        services: cell.serviceCount,
        gapClass: cell.gapClass,
        gapClassLabel: gapClassText(row),
        potentialProvision: row.potential,
        gapScore: cell.gapScore,
        nearestService: row.nearestName,
        nearestKm: cell.nearestKm,
        fill: layerFill(layer, cell, thresholds),
        explanation: `/p/${slug}/needs/gaps/${area.code}/${theme}`,
      }),
    ];
  });
  // A service can have several public places: each is a point of its own, numbered from 1.
  const placesSoFar = new Map<string, number>();
  const services: Feature[] = serviceMarkers(report, theme).map((m) => {
    const place = (placesSoFar.get(m.id) ?? 0) + 1;
    placesSoFar.set(m.id, place);
    return rfc7946Feature(
      `service/${m.id}/${place}`,
      { type: 'Point', coordinates: [m.lng, m.lat] },
      { kind: 'service', id: m.id, name: m.name, href: `/p/${slug}/directory/services/${m.id}` },
    );
  });
  // `partnership` is a foreign member: GeoJSON readers ignore it, people see whose data it is.
  return { type: 'FeatureCollection', partnership: partnership.name, features: [...areas, ...services] };
}

export function registerNeedsMap(
  app: FastifyInstance,
  services: Services,
  tileUrl: string | undefined,
): void {
  const themeIds = () => services.directory.themes.themes.map((t) => t.id);

  app.get('/p/:slug/needs/map', { config: member }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const q = mapQuery(request.query, themeIds());
    const report = await services.gaps.report(partnership, [q.theme], q.level);
    const thresholds = report.analysis.settings.thresholds;
    const rows = gapRows(report).filter((r) => r.cell.theme === q.theme);
    const cells = new Map(rows.map((r) => [r.cell.areaCode, r.cell]));
    const themeName = report.input.themes[0]?.name ?? q.theme;
    const markers = serviceMarkers(report, q.theme);
    const hiddenPlaces = areaOnlyCount(report, q.theme);
    const legendItems = layerLegend(q.layer, thresholds);
    const legendExtra = [
      `Dots (pins on the interactive map): ${markers.length} places of open ${themeName.toLowerCase()} services`,
      ...(hiddenPlaces
        ? [`${hiddenPlaces} services with places shown only by area are counted, not drawn`]
        : []),
    ];
    const parts = report.areas.flatMap((area) => {
      const boundary = geometry(area.boundary);
      return boundary
        ? [{ name: area.name, boundary, fill: layerFill(q.layer, cells.get(area.code), thresholds) }]
        : [];
    });
    const query = new URLSearchParams({ theme: q.theme, level: q.level, layer: q.layer }).toString();
    const [potential] = await services.organisationThemes.potentialProvision(partnership.id, q.theme);
    const listingNoService = potential?.organisations ?? [];
    return reply.page('needs/map.njk', {
      potentialProvision: listingNoService.length
        ? {
            text: potentialProvisionText(listingNoService.length),
            shown: listingNoService.slice(0, 5).map((o) => ({
              name: o.organisationName,
              href: `/p/${partnership.slug}/directory/organisations/${o.organisationId}`,
            })),
            more: Math.max(0, listingNoService.length - 5),
            organisationsHref: `/p/${partnership.slug}/organisations`,
          }
        : undefined,
      title: `Needs map: ${themeName}`,
      relatedGuidance: guidanceLinks(services.guidance, [
        'using-the-needs-map-for-commissioning',
        'strategic-commissioning',
      ]),
      themeName,
      gapsHref: `/p/${partnership.slug}/needs/gaps?${new URLSearchParams({ theme: q.theme, level: q.level }).toString()}`,
      levelLabel: levelLabels[q.level],
      levelPhrase: levelPhrases[q.level],
      layerLabel: mapLayerLabels[q.layer],
      themeItems: services.directory.themes.themes.map((t) => ({
        value: t.id,
        text: t.name,
        selected: t.id === q.theme,
      })),
      levelItems: gapLevels.map((l) => ({ value: l, text: levelLabels[l], selected: l === q.level })),
      layerItems: mapLayers.map((l) => ({ value: l, text: mapLayerLabels[l], selected: l === q.layer })),
      svg: parts.length
        ? boundaryMap({
            id: 'needs-map',
            title: `${mapLayerLabels[q.layer]} for ${themeName} by ${levelPhrases[q.level]}`,
            description: `${parts.length} areas shaded by ${mapLayerLabels[q.layer].toLowerCase()}, with ${markers.length} service places as dots. The table below gives every figure.`,
            outline: q.level === 'authority' ? null : geometry(report.authority?.boundary ?? null),
            parts,
            markers,
          })
        : '',
      legend: mapLegend(`Key: ${mapLayerLabels[q.layer].toLowerCase()}`, legendItems, legendExtra),
      geojsonUrl: `/p/${partnership.slug}/needs/map.geojson?${query}`,
      tileUrl: tileUrl ?? '',
      thresholdRows: thresholdRows(thresholds),
      reach: reachNotice(report, partnership.slug, accessOf(request).membership.role),
      customised: report.settings.customised,
      rows: rows.map((r) => ({
        code: r.cell.areaCode,
        name: r.areaName,
        need: r.cell.need === null ? 'No evidence' : oneDecimal(r.cell.need),
        place: r.cell.localRank ? `${r.cell.localRank} of ${r.cell.localRankOutOf ?? 0}` : '',
        provision: twoDecimals(r.cell.provision),
        services: String(r.cell.serviceCount),
        gapClass: gapClassText(r),
        nearest: r.nearestName ? `${r.nearestName}, ${formatKm(r.cell.nearestKm)}` : 'None open',
        href: `/p/${partnership.slug}/needs/gaps/${r.cell.areaCode}/${q.theme}`,
      })),
      isAdmin: accessOf(request).membership.role === 'partnership-admin',
    });
  });

  app.get('/p/:slug/needs/map.geojson', { config: member }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const q = mapQuery(request.query, themeIds());
    const report = await services.gaps.report(partnership, [q.theme], q.level);
    return reply
      .header('content-type', 'application/geo+json; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .send(JSON.stringify(mapGeoJson(report, q.theme, q.layer, partnership)));
  });
}

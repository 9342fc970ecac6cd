import { demoAuthorityPlaces, buildDemoGeography, demoDomains } from '../../domain/demo/demo-areas.js';
import { buildDemoPostcodes, type DemoPostcode } from '../../domain/demo/demo-postcodes.js';
import { defaultEdition } from '../../domain/areas/editions.js';
import type { AreaRecord, IndicatorValue } from '../areas/area-records.js';
import type { Store } from '../ports.js';

const source = 'Generated for the Common Ground demo: not real statistics';

/**
 * Gives each demo partnership's fictional authority generated wards and neighbourhoods with boundaries,
 * populations, deprivation-like figures and postcodes, so the area pages work with no data files. Returns each
 * partnership's generated postcodes (by slug), so the demo directory can put its places on them.
 */
export async function seedDemoAreas(
  store: Store,
  now: string,
  partnerships: readonly { slug: string; localAuthorityCode: string }[],
): Promise<Map<string, DemoPostcode[]>> {
  const postcodesBySlug = new Map<string, DemoPostcode[]>();
  await Promise.all(
    demoDomains.map((domain) =>
      store.areas.upsertIndicator({
        key: `demo-imd/${domain.key}`,
        name: domain.name,
        unit: 'score',
        source,
        edition: 'Demo deprivation (fictional)',
        publishedOn: null,
        geographyEdition: defaultEdition('lsoa'),
        higherIsMoreNeed: true,
      }),
    ),
  );
  for (const [index, partnership] of partnerships.entries()) {
    const place = demoAuthorityPlaces[partnership.slug];
    if (!place) continue;
    const geography = buildDemoGeography({
      code: partnership.localAuthorityCode,
      name: place.name,
      centre: place.centre,
      authorityNumber: index + 1,
    });
    const areas: AreaRecord[] = geography.areas.map((area) => ({
      code: area.code,
      edition: defaultEdition(area.level),
      level: area.level,
      name: area.name,
      parentCode: area.parentCode,
      boundary: JSON.stringify(area.boundary),
      pointLat: area.point.lat,
      pointLng: area.point.lng,
      bounds: area.bounds,
      source,
      updatedAt: now,
    }));
    await store.areas.upsertAreas(areas);
    await store.areas.upsertPopulations(
      geography.areas
        .filter((a) => a.level === 'lsoa')
        .map((a) => ({ areaCode: a.code, period: '2024-06-30', population: a.population, source })),
    );
    const values: IndicatorValue[] = geography.values.map((v) => ({
      indicatorKey: `demo-imd/${v.domain}`,
      areaCode: v.areaCode,
      value: v.score,
      rank: v.rank,
      decile: v.decile,
    }));
    await store.areas.upsertIndicatorValues(values);
    const postcodes = buildDemoPostcodes(geography, place.postcodeArea);
    postcodesBySlug.set(partnership.slug, postcodes);
    await store.areas.upsertPostcodes(
      postcodes.map((p) => ({
        ...p,
        lsoaEdition: defaultEdition('lsoa'),
      })),
    );
  }
  return postcodesBySlug;
}

import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { Browser } from '../support/browser.js';
import { httpDatabases } from '../support/http-databases.js';
import { decimalsOf, signedArea } from '../support/signed-area.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/** Every polygon's rings, each marked outer (the first of its polygon) or hole. */
function ringsOf(geometry: Geometry): { ring: Position[]; outer: boolean }[] {
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  return polygons.flatMap((polygon) => polygon.map((ring, i) => ({ ring, outer: i === 0 })));
}

const positionsOf = (geometry: Geometry): Position[] =>
  geometry.type === 'Point' ? [geometry.coordinates] : ringsOf(geometry).flatMap((r) => r.ring);

/** What RFC 7946 asks of the features of a download, as a summary that names any feature that fails. */
function rfc7946Problems(features: Feature[]): string[] {
  const ids = features.map((f) => f.id);
  return [
    ...(new Set(ids).size === ids.length ? [] : ['ids repeat']),
    ...features.flatMap((feature) => {
      const name = String(feature.id ?? JSON.stringify(feature.properties));
      return [
        ...(typeof feature.id === 'string' && feature.id !== '' ? [] : [`${name}: no id`]),
        ...ringsOf(feature.geometry).flatMap(({ ring, outer }, i) =>
          signedArea(ring) > 0 === outer
            ? []
            : [`${name}: ring ${i + 1} (${outer ? 'outer' : 'hole'}) runs the wrong way`],
        ),
        ...(positionsOf(feature.geometry)
          .flat()
          .some((n) => decimalsOf(n) > 6)
          ? [`${name}: more than 6 decimal places`]
          : []),
      ];
    }),
  ];
}

// A ward outline with a hole, drawn clockwise (the hole anticlockwise) and with more decimals than RFC 7946 asks.
const clockwiseWard: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [-1.51234567891, 53.61234567891],
      [-1.51234567891, 53.69876543219],
      [-1.40000000001, 53.69876543219],
      [-1.40000000001, 53.61234567891],
      [-1.51234567891, 53.61234567891],
    ],
    [
      [-1.48, 53.63],
      [-1.42, 53.63],
      [-1.42, 53.68],
      [-1.48, 53.68],
      [-1.48, 53.63],
    ],
  ],
};

describe.each(httpDatabases())('GeoJSON downloads follow RFC 7946 ($name)', (database) => {
  let t: TestApp;
  let remove: () => Promise<void>;
  let northmoor: PartnershipRecord;
  let admin: Browser;
  let greenacres: string;

  beforeAll(async () => {
    const opened = await database.open();
    remove = opened.remove;
    t = await createTestApp({ env: opened.env });
    northmoor = await t.partnership('northmoor');
    const ward = (await t.runtime.services.store.areas.children(northmoor.localAuthorityCode)).find(
      (w) => w.name === 'Greenacres',
    );
    if (!ward) throw new Error('No Greenacres ward in the demo');
    greenacres = ward.code;
    await t.runtime.handle.db
      .updateTable('areas')
      .set({ boundary: JSON.stringify(clockwiseWard) })
      .where('code', '=', greenacres)
      .execute();
    admin = new Browser(t.app);
    expect((await admin.signIn(demoAccounts.northmoorAdmin, knownPassword)).statusCode).toBe(303);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await remove();
  });

  const download = async (url: string): Promise<Feature[]> => {
    const response = await admin.get(url);
    expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
    expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const collection = response.json<FeatureCollection>();
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.length).toBeGreaterThan(0);
    return collection.features;
  };

  it('the gaps: every feature has an id, outer rings run anticlockwise and holes clockwise, 6 decimals', async () => {
    const features = await download('/p/northmoor/needs/gaps.geojson?level=ward');
    expect(rfc7946Problems(features)).toEqual([]);
    const themes = new Set(features.map((f) => String(f.properties?.theme)));
    expect(themes.size).toBeGreaterThan(1);
    const foodInGreenacres = features.find((f) => f.id === `${greenacres}/food`);
    expect(foodInGreenacres?.properties).toMatchObject({ areaCode: greenacres, theme: 'food' });
    expect(foodInGreenacres?.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [-1.512346, 53.612346],
          [-1.4, 53.612346],
          [-1.4, 53.698765],
          [-1.512346, 53.698765],
          [-1.512346, 53.612346],
        ],
        [
          [-1.48, 53.63],
          [-1.48, 53.68],
          [-1.42, 53.68],
          [-1.42, 53.63],
          [-1.48, 53.63],
        ],
      ],
    });
  });

  it('the needs map: areas and service places alike', async () => {
    const features = await download('/p/northmoor/needs/map.geojson?theme=food&level=ward');
    expect(rfc7946Problems(features)).toEqual([]);
    const areas = features.filter((f) => f.properties?.kind === 'area');
    const places = features.filter((f) => f.properties?.kind === 'service');
    expect(areas.find((f) => f.id === greenacres)?.properties).toMatchObject({ code: greenacres });
    expect(places.length).toBeGreaterThan(0);
    for (const place of places) {
      expect(String(place.id)).toMatch(new RegExp(`^service/${String(place.properties?.id)}/\\d+$`));
    }
  });
});

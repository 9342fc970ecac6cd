import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeedFetcher } from '../../src/app/feeds/feed-fetcher.js';
import type { KnownAreas } from '../../src/domain/directory/service-area-codes.js';
import type { ThemeVocabulary } from '../../src/domain/directory/themes.js';
import { contentDir } from '../../src/interchange/content-schema.js';
import { orukFeedReader } from '../../src/interchange/oruk-feed-reader.js';
import { loadThemes } from '../../src/interchange/themes-content.js';

type Json = Record<string, unknown>;
const bristol = JSON.parse(
  fs.readFileSync(path.resolve('../shared/data/oruk/feeds/bristol_services_list_2024-12-18.json'), 'utf8'),
) as Json[];
const area = (id: string, code: string) => ({
  id,
  name: code,
  uri: `http://statistics.data.gov.uk/id/statistical-geography/${code}`,
});
/** One real Bristol service covering a loaded Bristol LSOA, Cardiff (a Welsh code) and a made-up LSOA. */
const service = {
  ...bristol[1],
  service_areas: [area('a1', 'E01014485'), area('a2', 'W06000015'), area('a3', 'E01999999')],
};
const fetcher: FeedFetcher = {
  fetch: async () => ({ kind: 'fetched', body: JSON.stringify([service]), etag: null, lastModified: null }),
};
const known: KnownAreas = {
  authorityCode: 'E06000023',
  codes: new Map([
    ['authority', new Set(['E06000023'])],
    ['lsoa', new Set(['E01014485'])],
  ]),
};

let themes: ThemeVocabulary;
beforeAll(async () => {
  themes = await loadThemes(path.join(contentDir, 'themes', 'themes.yaml'));
});

describe('a subscribed feed checks service area codes as an import does', () => {
  const cases = [
    { name: 'with the known areas', known, areas: ['E01014485'], notes: ['W06000015', 'E01999999'] },
    { name: 'without them', known: undefined, areas: ['E01014485', 'W06000015', 'E01999999'], notes: [] },
  ];
  it.each(cases)('$name', async ({ known: areas, areas: kept, notes }) => {
    const read = await orukFeedReader(fetcher).read('https://feed.example/services', [], themes, areas);
    const services = read.batch?.services ?? [];
    expect(services).toHaveLength(1);
    expect(services[0]?.details.areas.map((a) => (a.kind === 'area' ? a.areaCode : a.kind))).toEqual(kept);
    const areaNotes = (read.batch?.problems ?? []).filter((p) => p.field === 'service_areas');
    expect(areaNotes.map((p) => notes.find((code) => p.reason.includes(code)))).toEqual(notes);
    expect(areaNotes.every((p) => p.outcome === 'kept')).toBe(true);
  });
});

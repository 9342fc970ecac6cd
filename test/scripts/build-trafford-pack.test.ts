import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTraffordPack,
  defaultSourceDir,
  packDir,
  packFiles,
  traffordCode,
} from '../../scripts/build-trafford-pack.js';
import { readSamplePackManifest } from '../../src/interchange/sample-pack.js';

/** The committed pack (demo/trafford) is what the builder makes from ../shared/data, and holds Trafford only. */

let rebuilt: string;
beforeAll(() => {
  rebuilt = fs.mkdtempSync(path.join(os.tmpdir(), 'trafford-pack-'));
  buildTraffordPack(defaultSourceDir, rebuilt);
}, 60_000);
afterAll(() => fs.rmSync(rebuilt, { recursive: true, force: true }));

const committed = (name: string) => fs.readFileSync(path.join(packDir, name));
const textOf = (name: string) => {
  const bytes = committed(name);
  return (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
};
const csvRows = (name: string) =>
  parse(textOf(name), { columns: true, bom: true }) as Record<string, string>[];
const features = (name: string) =>
  (JSON.parse(textOf(name)) as { features: { properties: Record<string, string> }[] }).features;

describe('the Trafford sample pack builder', () => {
  it.each(packFiles)('rebuilds %s exactly as committed', (name) => {
    const again = fs.readFileSync(path.join(rebuilt, name));
    if (name.endsWith('.gz')) expect(gunzipSync(again).equals(gunzipSync(committed(name)))).toBe(true);
    else expect(again.equals(committed(name))).toBe(true);
  });

  it('writes nothing but the pack’s files', () => {
    expect(fs.readdirSync(rebuilt).sort()).toEqual([...packFiles].sort());
  });
});

describe('the committed Trafford sample pack', () => {
  const lookup = csvRows('lookup.csv');
  const lsoas = new Set(lookup.map((r) => r.lsoa21_code));
  const wards = new Set(lookup.map((r) => r.ward24_code));

  it('has Trafford’s 139 neighbourhoods and 21 wards, and no other authority', () => {
    expect(lsoas.size).toBe(139);
    expect(wards.size).toBe(21);
    expect(new Set(lookup.map((r) => r.ltla24_code))).toEqual(new Set([traffordCode]));
    expect(features('authority.geojson').map((f) => f.properties.LAD24CD)).toEqual([traffordCode]);
    expect(new Set(features('neighbourhoods.geojson').map((f) => f.properties.LSOA21CD))).toEqual(lsoas);
    expect(new Set(features('wards.geojson').map((f) => f.properties.area_code))).toEqual(wards);
  });

  it.each(['imd2025.csv', 'imd2025-subdomains.csv', 'rural-urban.csv'])(
    'has %s for Trafford’s neighbourhoods only, each once',
    (name) => {
      const codes = csvRows(name).map((r) => r.lsoa21_code);
      expect(codes).toHaveLength(139);
      expect(new Set(codes)).toEqual(lsoas);
    },
  );

  it('has the population of each Trafford neighbourhood and ward once', () => {
    expect(new Set(csvRows('population-lsoa.csv').map((r) => r.area_code))).toEqual(lsoas);
    expect(
      csvRows('population-ward.csv')
        .map((r) => r.area_code)
        .sort(),
    ).toEqual([...wards].sort());
    expect(new Set(csvRows('population-lsoa.csv').map((r) => r.sex))).toEqual(new Set(['Persons']));
  });

  it('keeps only Trafford’s food banks from the Greater Manchester list, and only Trafford’s grants', () => {
    const foodBanks = features('food-banks.geojson');
    expect(foodBanks.length).toBe(7);
    expect(new Set(foodBanks.map((f) => f.properties['Area code']))).toEqual(new Set([traffordCode]));
    const grants = csvRows('grants-360giving.csv');
    expect(grants).toHaveLength(555);
    expect(new Set(grants.map((g) => g['Beneficiary Location:Geographic Code']))).toEqual(
      new Set([traffordCode]),
    );
  });

  it('is small: well under 2 MB in all', () => {
    const total = fs
      .readdirSync(packDir)
      .reduce((sum, name) => sum + fs.statSync(path.join(packDir, name)).size, 0);
    expect(total).toBeLessThan(1_000_000);
  });

  it('imports every file it holds, and no file it lacks', async () => {
    const manifest = await readSamplePackManifest(packDir);
    expect(new Set(manifest.imports.map((step) => step.file))).toEqual(new Set(packFiles));
    expect(manifest.localAuthorityCode).toBe(traffordCode);
  });
});

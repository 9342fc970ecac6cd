import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Importer } from '../../src/app/interchange.js';
import type { Services } from '../../src/app/services.js';
import { importersFor } from '../../src/importers.js';
import { readSource } from '../../src/interchange/read-source.js';
import {
  demoDir,
  loadSamplePacks,
  readSamplePackManifest,
  samplePack,
} from '../../src/interchange/sample-pack.js';

const folders: string[] = [];
const folderWith = (manifest: unknown): string => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sample-pack-'));
  folders.push(folder);
  fs.writeFileSync(path.join(folder, 'pack.json'), JSON.stringify(manifest));
  return folder;
};
afterAll(() => folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

const noServices = (): Services => {
  throw new Error('not used');
};
const importers = importersFor(readSource);

describe('sample packs', () => {
  it('finds the Trafford pack under demo/, with every import an import kind people run', async () => {
    const packs = await loadSamplePacks(importers, noServices);
    expect(packs.map((p) => [p.slug, p.name, p.localAuthorityCode])).toEqual([
      ['trafford', 'Trafford (real public data)', 'E08000009'],
    ]);
    const manifest = await readSamplePackManifest(path.join(demoDir, 'trafford'));
    const kinds = new Set(importers.map((i: Importer) => i.kind));
    expect(manifest.imports.every((step) => kinds.has(step.kind))).toBe(true);
  });

  it('refuses a pack that names an import kind there is not, saying which', async () => {
    const manifest = {
      slug: 'nowhere',
      name: 'Nowhere',
      localAuthorityCode: 'E08000009',
      imports: [{ kind: 'warm-spaces', file: 'places.geojson' }],
    };
    const folder = folderWith(manifest);
    const read = await readSamplePackManifest(folder);
    expect(() => samplePack(folder, read, importers, noServices)).toThrow(
      /"warm-spaces", which is not an import kind/,
    );
  });

  it('refuses a file outside the pack folder, and a pack without imports', async () => {
    const outside = folderWith({
      slug: 'nowhere',
      name: 'Nowhere',
      localAuthorityCode: 'E08000009',
      imports: [{ kind: 'imd', file: '../../etc/passwd' }],
    });
    await expect(readSamplePackManifest(outside)).rejects.toThrow(/is not valid/);
    const empty = folderWith({
      slug: 'nowhere',
      name: 'Nowhere',
      localAuthorityCode: 'E08000009',
      imports: [],
    });
    await expect(readSamplePackManifest(empty)).rejects.toThrow(/is not valid/);
  });

  it('finds no packs when there is no demo folder', async () => {
    expect(
      await loadSamplePacks(importers, noServices, path.join(os.tmpdir(), 'no-such-folder-here')),
    ).toEqual([]);
  });
});

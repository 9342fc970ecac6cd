import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { DemoSamplePack, SamplePackStep } from '../app/demo/seed-sample-packs.js';
import type { ImportContext, Importer } from '../app/interchange.js';
import type { Services } from '../app/services.js';

/** demo/ at the root of the project: the sample packs of real public data. */
export const demoDir = fileURLToPath(new URL('../../demo/', import.meta.url));

const manifestSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  localAuthorityCode: z.string().regex(/^[EWSN]\d{8}$/),
  imports: z
    .array(
      z.object({
        kind: z.string().min(1),
        file: z.string().regex(/^[\w.-]+$/, 'a file name in the pack folder'),
        options: z.record(z.string(), z.string()).default({}),
      }),
    )
    .min(1),
});

export type SamplePackManifest = z.infer<typeof manifestSchema>;

/** Reads and checks a pack's pack.json. */
export async function readSamplePackManifest(folder: string): Promise<SamplePackManifest> {
  const file = path.join(folder, 'pack.json');
  const parsed = manifestSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`The sample pack description ${file} is not valid: ${parsed.error.message}`);
  }
  return parsed.data;
}

/**
 * A sample pack loaded through the import kinds people use, each import applied as a confirmed upload would be.
 * New steps an import kind gains (such as theme classification of organisations) apply to the pack as well.
 */
export function samplePack(
  folder: string,
  manifest: SamplePackManifest,
  importers: readonly Importer[],
  services: () => Services,
): DemoSamplePack {
  const byKind = new Map(importers.map((importer) => [importer.kind, importer]));
  for (const step of manifest.imports) {
    if (!byKind.has(step.kind)) {
      throw new Error(
        `The sample pack ${manifest.slug} imports "${step.kind}", which is not an import kind.`,
      );
    }
  }
  return {
    slug: manifest.slug,
    name: manifest.name,
    localAuthorityCode: manifest.localAuthorityCode,
    async load(partnershipId, actor) {
      const done: SamplePackStep[] = [];
      for (const step of manifest.imports) {
        const importer = byKind.get(step.kind) as Importer;
        const context: ImportContext = {
          services: services(),
          partnershipId: importer.needsPartnership ? partnershipId : undefined,
          actor,
          options: step.options,
        };
        try {
          const report = await importer.apply(path.join(folder, step.file), context);
          done.push({ kind: step.kind, file: step.file, report });
        } catch (error) {
          throw new Error(
            `The ${manifest.name} sample could not be loaded: the ${step.kind} import of ${step.file} failed. ${(error as Error).message}`,
            { cause: error },
          );
        }
      }
      return done;
    },
  };
}

/** Every pack under demo/ (one folder each with a pack.json); none when the folder is missing. */
export async function loadSamplePacks(
  importers: readonly Importer[],
  services: () => Services,
  folder = demoDir,
): Promise<DemoSamplePack[]> {
  let entries: string[];
  try {
    entries = (await fs.readdir(folder, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  } catch {
    return [];
  }
  const packs: DemoSamplePack[] = [];
  for (const name of entries.sort()) {
    const packFolder = path.join(folder, name);
    const exists = await fs
      .access(path.join(packFolder, 'pack.json'))
      .then(() => true)
      .catch(() => false);
    if (exists)
      packs.push(samplePack(packFolder, await readSamplePackManifest(packFolder), importers, services));
  }
  return packs;
}

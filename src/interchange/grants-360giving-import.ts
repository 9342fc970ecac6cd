import path from 'node:path';
import { ImportSourceError, type ImportContext, type Importer } from '../app/interchange.js';
import { applyGrantImport, planGrantImport } from '../app/funding/grant-import.js';
import { readGrantFile } from './grants-360giving-source.js';

function partnershipOf(context: ImportContext): string {
  if (!context.partnershipId) throw new ImportSourceError('Say which partnership the grants belong to.');
  return context.partnershipId;
}

/** The name the grants remember as their source: the file name, without the upload folder. */
const sourceName = (source: string) => (/^https?:\/\//i.test(source) ? source : path.basename(source));

/**
 * `import grants FILE --partnership S`: grants in the 360Giving standard (see docs/grants.md), from a JSON
 * package, a CSV file or an Excel workbook with the standard's column titles. A grant already imported with
 * the same Identifier is updated, never copied.
 */
export function grantsImporter(readBytes: (source: string) => Promise<Buffer>): Importer {
  return {
    kind: 'grants',
    description:
      'Grants in the 360Giving standard: a JSON package, or a CSV or Excel file with the standard’s column titles',
    needsPartnership: true,
    accept: '.json,.csv,.xlsx',
    async preview(source, context) {
      const partnershipId = partnershipOf(context);
      const contents = await readGrantFile(await readBytes(source), source, context.services.imports.limits);
      const { store, clock, directory } = context.services;
      const planned = await planGrantImport(
        store,
        directory.themes,
        partnershipId,
        contents,
        sourceName(source),
        clock.now(),
      );
      return planned.report;
    },
    async apply(source, context) {
      const partnershipId = partnershipOf(context);
      const contents = await readGrantFile(await readBytes(source), source, context.services.imports.limits);
      return applyGrantImport(context, partnershipId, contents, sourceName(source));
    },
  };
}

import {
  servicesPerChunk,
  type DirectoryChunk,
  type DirectoryStream,
} from '../app/directory/directory-import.js';
import type { ImportContext } from '../app/interchange.js';
import { csvRowBatches, requireColumns } from './csv-rows.js';
import { directoryImporter } from './directory-importer.js';
import { piecesOfText, type TextSource } from './read-source.js';
import { servicesCsvRowReader } from './services-csv-row.js';

export { parseOpeningTimes } from './services-csv-row.js';

/** The columns of our services CSV template, in order (documented in docs/services-csv.md). */
export const servicesCsvColumns = [
  'id',
  'name',
  'organisation',
  'organisation_kind',
  'organisation_identifier',
  'description',
  'status',
  'themes',
  'url',
  'email',
  'phone',
  'eligibility',
  'minimum_age',
  'maximum_age',
  'cost',
  'how_to_access',
  'languages',
  'accessibility',
  'capacity_people',
  'capacity_period',
  'location_name',
  'address',
  'postcode',
  'latitude',
  'longitude',
  'visibility',
  'area_codes',
  'opening_times',
  'contact_name',
  'contact_email',
  'contact_phone',
  'last_checked',
] as const;

/** About how many data rows a CSV has (lines after the first; a quoted line break counts twice). */
async function roughRowCount(source: TextSource): Promise<number> {
  let lines = 0;
  let last = '';
  for await (const piece of source.pieces()) {
    for (let at = piece.indexOf('\n'); at !== -1; at = piece.indexOf('\n', at + 1)) lines += 1;
    if (piece.length > 0) last = piece;
  }
  return Math.max(0, last.endsWith('\n') ? lines - 1 : lines);
}

/**
 * A services CSV as a stream of pieces: rows are parsed, checked and turned into services a thousand at a
 * time, so only the piece being imported is in memory, with each id's first row, the organisations and the
 * problems found (every problem row is kept for the preview).
 */
export async function readServicesCsv(source: TextSource, context: ImportContext): Promise<DirectoryStream> {
  const rows = servicesCsvRowReader(context.services.directory.themes.themes.map((t) => t.id));
  let read = 0;
  return {
    sourceKind: 'services-csv',
    sourceLabel: 'Services CSV',
    counts: 'services',
    expected: await roughRowCount(source),
    async *chunks(): AsyncGenerator<DirectoryChunk> {
      let first = true;
      for await (const batch of csvRowBatches(source.pieces(), servicesPerChunk)) {
        if (first) requireColumns(batch.headers, ['id', 'name', 'organisation'], 'a services CSV');
        first = false;
        rows.addReading(batch);
        read += batch.skipped;
        const services = [];
        for (const row of batch.rows) {
          const service = rows.read(row);
          read += 1;
          if (service) services.push(service);
        }
        yield { organisations: rows.takeNewOrganisations(), services };
      }
    },
    summary: () => ({ read, skipped: rows.skipped(), problems: rows.problems() }),
  };
}

/**
 * `import services-csv FILE --partnership S`: our own services template. With `open`, the file is streamed
 * rather than read whole; without it (tests), `read` gives the whole text.
 */
export function servicesCsvImporter(
  read: (source: string) => Promise<string>,
  open?: (source: string) => Promise<TextSource>,
) {
  const textSource = async (source: string): Promise<TextSource> => {
    if (open) return open(source);
    const text = await read(source);
    return {
      async *pieces() {
        yield* piecesOfText(text);
      },
    };
  };
  return directoryImporter(
    'services-csv',
    'Services from a spreadsheet saved as CSV, one row per service, in the Common Ground services layout',
    async (source, context) => readServicesCsv(await textSource(source), context),
    { accept: '.csv' },
  );
}

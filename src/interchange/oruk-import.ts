import type { DirectoryBatch, IncomingOrganisation } from '../app/directory/directory-import.js';
import { ImportSourceError } from '../app/interchange.js';
import {
  checkOrukApiDetails,
  documentRow,
  normaliseOrukServices,
  readOrukPage,
  type OrukPage,
} from '../domain/directory/oruk-document.js';
import type { NormalisedService, RowProblem } from '../domain/directory/oruk-import-records.js';
import { serviceAreaCodeProblem, type KnownAreas } from '../domain/directory/service-area-codes.js';
import type { ThemeVocabulary } from '../domain/directory/themes.js';
import { cleanJsonRecord, controlCharactersProblem } from './control-characters.js';
import { rowProblems } from './csv-rows.js';
import { directoryImporter } from './directory-importer.js';

/** The most pages read from one feed, so a feed that never ends cannot run for ever. */
export const maxFeedPages = 2000;

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ImportSourceError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
}

/** The address of page `page` of a feed whose first page is at `source`. */
export function pageAddress(source: string, page: number): string {
  const url = new URL(source);
  url.searchParams.set('page', String(page));
  return url.toString();
}

/** One Open Referral UK document's services and paging; a feed's front page is refused, saying what to use. */
export function readOrukDocument(text: string, source: string): OrukPage {
  const json = parseJson(text, source);
  const looksLikeFrontPage =
    json !== null &&
    typeof json === 'object' &&
    !Array.isArray(json) &&
    'version' in json &&
    !('contents' in json) &&
    !('content' in json) &&
    !('name' in json);
  if (looksLikeFrontPage) {
    const problems = checkOrukApiDetails(json);
    const listed = problems.map((p) => `- ${p.field}: ${p.reason}`).join('\n');
    throw new ImportSourceError(
      `${source} is a feed’s front page, not its services. Import its /services address instead.${listed ? `\nThe front page also has these problems:\n${listed}` : ''}`,
    );
  }
  return readOrukPage(json);
}

/** Reads every page of a feed (a URL with paging) or one file into the items and the page problems. */
async function readAll(
  source: string,
  read: (source: string) => Promise<string>,
): Promise<{ items: unknown[]; problems: RowProblem[] }> {
  const page = readOrukDocument(await read(source), source);
  const items = [...page.items];
  const problems = [...page.problems];
  if (/^https?:\/\//i.test(source) && page.totalPages !== null && page.totalPages > 1) {
    const last = Math.min(page.totalPages, maxFeedPages);
    for (let number = (page.pageNumber ?? 1) + 1; number <= last; number += 1) {
      const next = readOrukPage(
        parseJson(await read(pageAddress(source, number)), pageAddress(source, number)),
      );
      problems.push(...pagedProblems(number, next.problems));
      if (next.items.length === 0) break;
      items.push(...next.items);
    }
    if (page.totalPages > maxFeedPages) problems.push(tooManyPages(page.totalPages));
  }
  return { items, problems };
}

/** A page's own problems, saying which page. */
export const pagedProblems = (page: number, problems: readonly RowProblem[]): RowProblem[] =>
  problems.map((p) => ({ ...p, reason: `Page ${page}: ${p.reason}` }));

/** The problem of a feed with more pages than are read. */
export const tooManyPages = (totalPages: number): RowProblem => ({
  row: documentRow,
  field: 'total_pages',
  reason: `The feed has ${totalPages} pages; only the first ${maxFeedPages} were read`,
  outcome: 'skipped',
});

/** The label of a feed or file, as recorded against the services it brought in. */
export const orukSourceLabel = (source: string) =>
  `Open Referral UK feed ${/^https?:/i.test(source) ? source : source.split(/[\\/]/).pop()}`;

/** The service without the areas whose codes cannot be the partnership's, each a row note (service-area-codes.ts). */
function withKnownAreas(service: NormalisedService, known: KnownAreas, problems: RowProblem[]) {
  const areas = service.details.areas.filter((area) => {
    if (area.kind !== 'area') return true;
    const reason = serviceAreaCodeProblem(area.areaCode, known);
    if (reason) problems.push({ row: service.row, field: 'service_areas', reason, outcome: 'kept' });
    return !reason;
  });
  return areas.length === service.details.areas.length
    ? service
    : { ...service, details: { ...service.details, areas } };
}

/**
 * The directory batch of Open Referral UK 1.0 or 3.0 service records: control characters cleaned out, services
 * normalised, their organisations gathered, every problem listed. Shared by the import and feed subscriptions.
 * With the partnership's known areas, service areas are checked against them.
 */
export function orukBatch(
  items: readonly unknown[],
  pageProblems: readonly RowProblem[],
  sourceLabel: string,
  themes: ThemeVocabulary,
  known?: KnownAreas,
): DirectoryBatch {
  const problems = [...pageProblems];
  const cleanItems = items.map((item, index) => {
    const { value, cleaned } = cleanJsonRecord(item);
    for (const { field, removed } of cleaned)
      problems.push(controlCharactersProblem(index + 1, field, removed));
    return value;
  });
  const normalised = normaliseOrukServices(cleanItems, themes);
  const areaProblems: RowProblem[] = [];
  const result = known
    ? {
        ...normalised,
        services: normalised.services.map((service) => withKnownAreas(service, known, areaProblems)),
      }
    : normalised;
  const organisations = new Map<string, IncomingOrganisation>();
  for (const service of result.services) {
    const o = service.organisation;
    if (o && !organisations.has(o.sourceId)) {
      organisations.set(o.sourceId, {
        sourceId: o.sourceId,
        name: o.name,
        kind: 'vcs',
        identifier: o.identifier,
        details: o.details,
      });
    }
  }
  return {
    sourceKind: 'oruk',
    sourceLabel,
    read: result.read,
    skipped: result.skipped,
    problems: rowProblems([...problems, ...result.problems, ...areaProblems]),
    organisations: [...organisations.values()],
    services: result.services.map((s) => ({
      sourceId: s.sourceId,
      organisationSourceId: s.organisation?.sourceId ?? null,
      details: s.details,
      lastCheckedAt: s.lastCheckedAt,
    })),
    counts: 'services',
  };
}

/** `import oruk FILE-OR-URL --partnership S`: Open Referral UK 1.0 or 3.0 services. */
export function orukImporter(read: (source: string) => Promise<string>) {
  return directoryImporter(
    'oruk',
    'Services from an Open Referral UK 1.0 or 3.0 feed: a JSON file, or a feed address (every page is read)',
    async (source, context) => {
      const { items, problems } = await readAll(source, read);
      const known = context.partnershipId
        ? await context.services.directory.knownAreas(context.partnershipId)
        : undefined;
      return orukBatch(items, problems, orukSourceLabel(source), context.services.directory.themes, known);
    },
    { accept: '.json' },
  );
}

import type { DirectoryBatch, IncomingOrganisation } from '../app/directory/directory-import.js';
import { ImportSourceError } from '../app/interchange.js';
import {
  checkOrukApiDetails,
  documentRow,
  normaliseOrukServices,
  readOrukPage,
} from '../domain/directory/oruk-document.js';
import type { RowProblem } from '../domain/directory/oruk-service.js';
import { cleanJsonRecord, controlCharactersProblem } from './control-characters.js';
import { rowProblems } from './csv-rows.js';
import { directoryImporter } from './directory-importer.js';

/** The most pages read from one feed, so a feed that never ends cannot run for ever. */
const maxPages = 2000;

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ImportSourceError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
}

function pageAddress(source: string, page: number): string {
  const url = new URL(source);
  url.searchParams.set('page', String(page));
  return url.toString();
}

/** Reads every page of a feed (a URL with paging) or one file into the items and the page problems. */
async function readAll(
  source: string,
  read: (source: string) => Promise<string>,
): Promise<{ items: unknown[]; problems: RowProblem[] }> {
  const first = parseJson(await read(source), source);
  const looksLikeFrontPage =
    first !== null &&
    typeof first === 'object' &&
    !Array.isArray(first) &&
    'version' in first &&
    !('contents' in first) &&
    !('content' in first) &&
    !('name' in first);
  if (looksLikeFrontPage) {
    const problems = checkOrukApiDetails(first);
    const listed = problems.map((p) => `- ${p.field}: ${p.reason}`).join('\n');
    throw new ImportSourceError(
      `${source} is a feed’s front page, not its services. Import its /services address instead.${listed ? `\nThe front page also has these problems:\n${listed}` : ''}`,
    );
  }
  const page = readOrukPage(first);
  const items = [...page.items];
  const problems = [...page.problems];
  if (/^https?:\/\//i.test(source) && page.totalPages !== null && page.totalPages > 1) {
    const last = Math.min(page.totalPages, maxPages);
    for (let number = (page.pageNumber ?? 1) + 1; number <= last; number += 1) {
      const next = readOrukPage(
        parseJson(await read(pageAddress(source, number)), pageAddress(source, number)),
      );
      problems.push(...next.problems.map((p) => ({ ...p, reason: `Page ${number}: ${p.reason}` })));
      if (next.items.length === 0) break;
      items.push(...next.items);
    }
    if (page.totalPages > maxPages) {
      problems.push({
        row: documentRow,
        field: 'total_pages',
        reason: `The feed has ${page.totalPages} pages; only the first ${maxPages} were read`,
        outcome: 'skipped',
      });
    }
  }
  return { items, problems };
}

/** `import oruk FILE-OR-URL --partnership S`: Open Referral UK 1.0 or 3.0 services. */
export function orukImporter(read: (source: string) => Promise<string>) {
  return directoryImporter(
    'oruk',
    'Services from an Open Referral UK 1.0 or 3.0 feed: a JSON file, or a feed address (every page is read)',
    async (source, context) => {
      const { items, problems } = await readAll(source, read);
      const cleanItems = items.map((item, index) => {
        const { value, cleaned } = cleanJsonRecord(item);
        for (const { field, removed } of cleaned)
          problems.push(controlCharactersProblem(index + 1, field, removed));
        return value;
      });
      const result = normaliseOrukServices(cleanItems, context.services.directory.themes);
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
      const batch: DirectoryBatch = {
        sourceKind: 'oruk',
        sourceLabel: `Open Referral UK feed ${/^https?:/i.test(source) ? source : source.split(/[\\/]/).pop()}`,
        read: result.read,
        skipped: result.skipped,
        problems: rowProblems([...problems, ...result.problems]),
        organisations: [...organisations.values()],
        services: result.services.map((s) => ({
          sourceId: s.sourceId,
          organisationSourceId: s.organisation?.sourceId ?? null,
          details: s.details,
          lastCheckedAt: s.lastCheckedAt,
        })),
        counts: 'services',
      };
      return batch;
    },
    { accept: '.json' },
  );
}

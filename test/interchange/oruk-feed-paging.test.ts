import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportSourceError, type ImportContext } from '../../src/app/interchange.js';
import { parseConfig } from '../../src/config.js';
import { orukImporter } from '../../src/interchange/oruk-import.js';
import { openRuntime, type Runtime } from '../../src/main.js';

const bristol = JSON.parse(
  fs.readFileSync(path.resolve('../shared/data/oruk/feeds/bristol_services_list_2024-12-18.json'), 'utf8'),
) as unknown[];
const items = bristol.slice(1, 6); // five services with names

/** A 3.0 feed of five services in pages of two, answering like a server would. */
function feed(requested: string[]) {
  return async (address: string): Promise<string> => {
    requested.push(address);
    const url = new URL(address);
    const page = Number(url.searchParams.get('page') ?? '1');
    const contents = items.slice((page - 1) * 2, page * 2);
    return JSON.stringify({
      total_items: 5,
      total_pages: 3,
      page_number: page,
      size: page === 3 ? 2 : contents.length, // the last page miscounts itself
      first_page: page === 1,
      last_page: page === 3,
      empty: contents.length === 0,
      contents,
    });
  };
}

describe('import oruk from a feed address', () => {
  let dir: string;
  let runtime: Runtime;
  let context: ImportContext;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-oruk-feed-'));
    runtime = await openRuntime(parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    const partnership = await runtime.services.partnerships.create(
      { name: 'Feed test', slug: 'feed-test', localAuthorityCode: 'E06000023' },
      { userId: null, label: 'Test' },
    );
    context = {
      services: runtime.services,
      partnershipId: partnership.id,
      actor: { userId: null, label: 'Test' },
    };
  });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads every page and reports the page that miscounts itself', async () => {
    const requested: string[] = [];
    const report = await orukImporter(feed(requested)).apply(
      'https://feed.example/services?per_page=2',
      context,
    );
    expect(requested).toEqual([
      'https://feed.example/services?per_page=2',
      'https://feed.example/services?per_page=2&page=2',
      'https://feed.example/services?per_page=2&page=3',
    ]);
    expect(report).toMatchObject({ read: 5, imported: 5, updated: 0, skipped: 0 });
    expect(report.problems).toContainEqual({
      row: 0,
      field: 'size',
      reason: 'Page 3: The page says size is 2, but it holds 1',
      outcome: 'kept',
    });
    const again = await orukImporter(feed([])).apply('https://feed.example/services?per_page=2', context);
    expect(again).toMatchObject({ imported: 0, updated: 0 });
  });

  it('refuses a feed’s front page, listing what is wrong with it', async () => {
    const frontPage = async () =>
      fs.readFileSync(
        path.resolve('../shared/data/oruk/validator-mocks/V3.0-UK-Fail/api_details.json'),
        'utf8',
      );
    const error = await orukImporter(frontPage)
      .preview('https://feed.example/', context)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportSourceError);
    expect(String(error)).toContain('is a feed’s front page, not its services');
    expect(String(error)).toContain('- profile: The feed does not give the address of its profile');
  });

  it('refuses text that is not JSON', async () => {
    await expect(orukImporter(async () => 'not json').preview('feed.json', context)).rejects.toThrow(
      /feed.json is not valid JSON/,
    );
  });
});

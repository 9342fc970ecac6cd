import fs from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedDirectory } from '../support/generated-directory.js';
import { httpDatabases } from '../support/http-databases.js';
import { openApiResponses } from '../support/openapi-responses.js';
import { orukSchemasDir } from '../support/oruk-schemas.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const profileAddress = 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/';

/** The UK profile's schemas, each with the published address the feed's document refers to. */
function profileSchemas(): object[] {
  const dir = path.join(orukSchemasDir, 'uk-profile-3.0', 'schema');
  return ['', 'compiled/'].flatMap((folder) =>
    fs
      .readdirSync(path.join(dir, folder))
      .filter((file) => file.endsWith('.json') && file !== 'openapi.json')
      .map((file) => ({
        ...(JSON.parse(fs.readFileSync(path.join(dir, folder, file), 'utf8')) as object),
        $id: `${profileAddress}${folder}${file}`,
      })),
  );
}

/**
 * The generated ORUK OpenAPI document: a valid OpenAPI 3.1 document, and every documented answer of every
 * operation (success and error) matches it, bodies checked against the UK profile's schemas, on each database.
 */
describe.each(httpDatabases())('the generated ORUK OpenAPI document ($name)', (database) => {
  let t: TestApp;
  let remove: () => Promise<void>;

  beforeAll(async () => {
    const opened = await database.open();
    remove = opened.remove;
    t = await createTestApp({ env: opened.env });
    const eastbrook = await t.partnership('eastbrook');
    const themeIds = t.runtime.services.directory.themes.themes.map((theme) => theme.id);
    const { organisations, services } = generatedDirectory(eastbrook.id, 40, themeIds);
    await t.runtime.services.store.directory.insertOrganisations(organisations);
    await t.runtime.services.store.directory.insertServices(services);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await remove?.();
  });

  const fetchDocument = async () =>
    (await t.app.inject({ method: 'GET', url: '/oruk/eastbrook/openapi.json' })).json();

  it('is a valid OpenAPI 3.1 document', async () => {
    // The validator resolves only references within the document; the answers below resolve the profile's.
    const text = JSON.stringify(await fetchDocument());
    const external = new RegExp(`\\{"\\$ref":"${profileAddress.replace(/[./]/g, '\\$&')}[^"]+"\\}`, 'g');
    expect(text).toMatch(external);
    const result = await new Validator().validate(
      JSON.parse(text.replace(external, '{}')) as Record<string, unknown>,
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every answer the feed gives, success and error alike', async () => {
    const document = await fetchDocument();
    const responses = openApiResponses(document, profileSchemas());
    const missing = '00000000-0000-4000-8000-000000000000';
    const firstId = async (list: string) => {
      const page = (await t.app.inject({ method: 'GET', url: `${responses.basePath}/${list}` })).json<{
        contents: { id: string }[];
      }>();
      return page.contents[0]?.id ?? '';
    };
    const problems: string[] = [];
    const call = async (pathName: string, url: string, feed = responses.basePath) => {
      const response = await t.app.inject({ method: 'GET', url: `${feed}${url}` });
      problems.push(...responses.check(pathName, 'get', response));
    };
    await call('/', '/');
    for (const list of [
      'services',
      'service_at_locations',
      'organizations',
      'taxonomies',
      'taxonomy_terms',
    ]) {
      await call(`/${list}`, `/${list}`);
      await call(`/${list}`, `/${list}?per_page=500`);
      await call(`/${list}`, `/${list}?page=1000`);
      await call(`/${list}/{id}`, `/${list}/${await firstId(list)}`);
      await call(`/${list}/{id}`, `/${list}/${missing}`);
      await call(`/${list}`, `/${list}`, '/oruk/nowhere');
    }
    await call('/services', '/services?full=true&per_page=5');
    expect(problems).toEqual([]);
    // 304 has no body to check; every other documented answer was given and matched.
    expect(responses.unchecked().filter((key) => !key.endsWith(' 304'))).toEqual([]);
    for (const [pathName, operations] of Object.entries(document.paths as Record<string, { get: object }>)) {
      if (pathName === '/') continue;
      expect({
        pathName,
        statuses: Object.keys((operations.get as { responses: object }).responses),
      }).toEqual({
        pathName,
        statuses: pathName.endsWith('{id}') ? ['200', '304', '404'] : ['200', '304', '400', '404'],
      });
    }
  }, 120_000);
});

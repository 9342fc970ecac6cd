import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerAll,
  councilAnswer,
  faithAnswer,
  createThreeGroupRound,
  respondents,
  vcsAnswer,
} from '../support/assessment-scenario.js';
import { apiTokensFor } from '../support/api-tokens.js';
import { httpDatabases } from '../support/http-databases.js';
import { openApiResponses } from '../support/openapi-responses.js';
import { createTestApp, demoAccounts, FakeClock, type TestApp } from '../support/test-app.js';

/**
 * The generated v1 OpenAPI document: a valid OpenAPI 3.1 document, and every documented answer of every operation
 * (success and error) matches it when the real app gives it, on each database.
 */

describe.each(httpDatabases())('the generated v1 OpenAPI document ($name)', (database) => {
  let t: TestApp;
  let remove: () => Promise<void>;
  let roundIds: string[] = [];
  let tokens: Record<string, string> = {};

  beforeAll(async () => {
    const opened = await database.open();
    remove = opened.remove;
    const clock = new FakeClock();
    t = await createTestApp({ env: opened.env, clock });
    const northmoor = await t.partnership('northmoor');
    roundIds = [];
    for (const [index, name] of ['Spring round', 'Summer round'].entries()) {
      const view = await createThreeGroupRound(t, northmoor, name);
      await answerAll(t, view, await respondents(t, clock, view, 'Council', 3, `r${index}-c`), councilAnswer);
      await answerAll(t, view, await respondents(t, clock, view, 'VCS', 3, `r${index}-v`), vcsAnswer);
      await answerAll(t, view, await respondents(t, clock, view, 'Faith', 1, `r${index}-f`), faithAnswer);
      roundIds.push(view.round.id);
      clock.advanceMinutes(10);
    }
    tokens = await apiTokensFor(t, {
      council: demoAccounts.northmoorCouncil,
      vcs: demoAccounts.northmoorVcs,
      eastbrook: demoAccounts.eastbrookAdmin,
    });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await remove?.();
  });

  const fetchDocument = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();

  it('is a valid OpenAPI 3.1 document', async () => {
    const document = await fetchDocument();
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every answer the API gives, success and error alike', async () => {
    const responses = openApiResponses(await fetchDocument());
    const call = async (
      method: 'get' | 'post',
      path: string,
      url: string,
      token?: string,
      body?: unknown,
    ) => {
      const response = await t.app.inject({
        method: method.toUpperCase() as 'GET' | 'POST',
        url: `${responses.basePath}${url}`,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
      expect(responses.check(path, method, response)).toEqual([]);
      return response;
    };

    await call('get', '/me', '/me', tokens.council);
    await call('get', '/me', '/me');

    const results = '/partnerships/{slug}/rounds/{roundId}/results';
    for (const id of roundIds)
      await call('get', results, `/partnerships/northmoor/rounds/${id}/results`, tokens.vcs);
    await call('get', results, `/partnerships/northmoor/rounds/${roundIds[0]}/results`);
    await call('get', results, `/partnerships/northmoor/rounds/not-a-round/results`, tokens.vcs);

    const help = '/partnerships/{slug}/who-can-help';
    const helpUrl = '/partnerships/northmoor/who-can-help';
    await call('get', help, `${helpUrl}?area=E05099101&theme=food&age=70`, tokens.vcs);
    await call('get', help, `${helpUrl}?area=E05099101&theme=food&maxKm=0.1`, tokens.vcs);
    const repeated = await call('get', help, `${helpUrl}?area=E05099101&theme=food&theme=debt`, tokens.vcs);
    expect(repeated.json()).toMatchObject({ status: 400, message: 'Select a theme' });
    await call('get', help, `${helpUrl}?area=E05099101&theme=food`);
    await call('get', help, `${helpUrl}?area=E05099101&theme=food`, tokens.eastbrook);

    const runs = '/partnerships/{slug}/matching/runs';
    const runsUrl = '/partnerships/northmoor/matching/runs';
    const created = await call('post', runs, runsUrl, tokens.council, { themes: ['food'], maxKm: 10 });
    expect(created.statusCode).toBe(201);
    expect((await call('post', runs, runsUrl, tokens.council)).statusCode).toBe(201);
    const wrongShape = await call('post', runs, runsUrl, tokens.council, { themes: 'food' });
    expect(wrongShape.json()).toMatchObject({ status: 400, fields: { body: expect.any(String) } });
    await call('post', runs, runsUrl, tokens.vcs, { themes: ['food'] });
    await call('post', runs, runsUrl, undefined, { themes: ['food'] });
    await call('post', runs, runsUrl, tokens.eastbrook, { themes: ['food'] });

    const run = '/partnerships/{slug}/matching/runs/{runId}';
    const runId = created.json<{ run: { id: string } }>().run.id;
    await call('get', run, `${runsUrl}/${runId}`, tokens.vcs);
    await call('get', run, `${runsUrl}/${runId}`);
    await call('get', run, `/partnerships/eastbrook/matching/runs/${runId}`, tokens.eastbrook);

    expect(responses.unchecked()).toEqual([]);
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoAccounts, type TestApp } from '../support/test-app.js';

/** Matching over the v1 API: who can help, and starting and reading allocation runs, within one partnership. */

let t: TestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const [key, email] of Object.entries({
    council: demoAccounts.northmoorCouncil,
    vcs: demoAccounts.northmoorVcs,
    eastbrook: demoAccounts.eastbrookAdmin,
  })) {
    const user = await t.runtime.services.users.findByEmail(email);
    if (!user) throw new Error(`No user ${email}`);
    tokens[key] = (await t.runtime.services.apiTokens.create(user, 'matching test')).token;
  }
}, 60_000);
afterAll(() => t.close());

const auth = (token?: string) => (token ? { authorization: `Bearer ${token}` } : {});
const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: auth(token) });
const post = (url: string, body: unknown, token?: string) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { ...auth(token), 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });

const runs = '/api/v1/partnerships/northmoor/matching/runs';
const help = '/api/v1/partnerships/northmoor/who-can-help';

describe('allocation runs over the API', () => {
  it('starts a run for a council member and reads it back, adding up', async () => {
    const created = await post(
      runs,
      { themes: ['food', 'loneliness-and-isolation'], maxKm: 10 },
      tokens.council,
    );
    expect(created.statusCode).toBe(201);
    const { run } = created.json<{ run: { id: string; themes: string[]; needUnits: number } }>();
    expect(run.themes).toEqual(['food', 'loneliness-and-isolation']);
    expect(created.headers.location).toBe(`${runs}/${run.id}`);

    const read = await get(`${runs}/${run.id}`, tokens.vcs);
    expect(read.statusCode).toBe(200);
    const body = read.json<{
      totals: { units: number; allocated: number; unmet: number; greedyCost: number; cost: number };
      unmetByTheme: { theme: string; unmet: number }[];
      unmetByAreaAndTheme: { unmet: number }[];
      loads: { load: number; capacity: number }[];
    }>();
    expect(body.totals.units).toBe(run.needUnits);
    expect(body.totals.allocated + body.totals.unmet).toBe(body.totals.units);
    expect(body.totals.cost).toBeLessThanOrEqual(body.totals.greedyCost + 1e-6);
    expect(body.unmetByTheme.reduce((n, t) => n + t.unmet, 0)).toBe(body.totals.unmet);
    expect(body.unmetByAreaAndTheme.reduce((n, r) => n + r.unmet, 0)).toBe(body.totals.unmet);
    expect(body.loads.reduce((n, l) => n + l.load, 0)).toBe(body.totals.allocated);
  });

  it('refuses VCS members (403), bad requests (400), no token (401) and other partnerships (404)', async () => {
    expect((await post(runs, { themes: ['food'] }, tokens.vcs)).statusCode).toBe(403);
    const bad = await post(runs, { themes: ['cake'], maxKm: 500 }, tokens.council);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('Enter a distance from 0.1 to 100 kilometres');
    expect((await post(runs, { themes: ['food'] })).statusCode).toBe(401);
    expect((await post(runs, { themes: ['food'] }, tokens.eastbrook)).statusCode).toBe(404);
    const mine = (await post(runs, { themes: ['food'] }, tokens.council)).json<{ run: { id: string } }>().run
      .id;
    expect((await get(`${runs}/${mine}`, tokens.eastbrook)).statusCode).toBe(404);
    expect(
      (await get(`/api/v1/partnerships/eastbrook/matching/runs/${mine}`, tokens.eastbrook)).statusCode,
    ).toBe(404);
  });
});

describe('who can help over the API', () => {
  it('ranks services for a need record with reasons, and lists the left-out with reasons', async () => {
    const partnership = await t.partnership('northmoor');
    const need = (await t.runtime.services.store.needs.listForPartnership(partnership.id)).find(
      (n) => n.theme === 'loneliness-and-isolation',
    );
    const response = await get(`${help}?need=${need?.id ?? ''}&maxKm=20`, tokens.vcs);
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      theme: string;
      ranked: { score: number; reasons: { points: number; text: string }[] }[];
      leftOut: { text: string }[];
    }>();
    expect(body.theme).toBe('loneliness-and-isolation');
    expect(body.ranked.length).toBeGreaterThan(0);
    for (const r of body.ranked) {
      expect(r.reasons.length).toBeGreaterThan(0);
      expect(r.reasons.reduce((n, reason) => n + reason.points, 0)).toBeCloseTo(r.score, 6);
    }
    for (const l of body.leftOut) expect(l.text).not.toBe('');
  });

  it('takes an area and theme with an age, explains bad input, and keeps to the partnership', async () => {
    const ok = await get(`${help}?area=E05099101&theme=food&age=70`, tokens.vcs);
    expect(ok.statusCode).toBe(200);
    const missing = await get(`${help}?area=E05099101`, tokens.vcs);
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ message: string }>().message).toBe('Select a theme');
    expect((await get(`${help}?area=E05099101&theme=food`)).statusCode).toBe(401);
    expect((await get(`${help}?area=E05099101&theme=food`, tokens.eastbrook)).statusCode).toBe(404);
    const partnership = await t.partnership('northmoor');
    const need = (await t.runtime.services.store.needs.listForPartnership(partnership.id))[0];
    const foreign = await get(
      `/api/v1/partnerships/eastbrook/who-can-help?need=${need?.id ?? ''}`,
      tokens.eastbrook,
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<{ message: string }>().message).toBe('There is no such need in this partnership');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { demoBenchmarkPartnerships } from '../../src/app/demo/seed-demo-national.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * The national view: framework versions (publish, then a partnership moves), uptake counts and opt-in
 * benchmarks. The demo has six partnerships taking part in benchmarking (Northmoor and five others).
 */

let t: TestApp;
let northmoor: PartnershipRecord;
let national: Browser;
let admin: Browser;

const names = [
  'Northmoor',
  'Eastbrook',
  ...demoBenchmarkPartnerships.map((p) => p.name.split(' ')[0] as string),
];
const system = { userId: null, label: 'Test' };

async function signedIn(email: string): Promise<Browser> {
  const browser = new Browser(t.app);
  await browser.signIn(email, knownPassword);
  return browser;
}

beforeAll(async () => {
  t = await createTestApp();
  northmoor = await t.partnership('northmoor');
  national = await signedIn(demoAccounts.national);
  admin = await signedIn(demoAccounts.northmoorAdmin);
});
afterAll(async () => {
  await t?.close();
});

describe('framework versions', () => {
  it('a national admin publishes 2026.2 and a partnership moves its new rounds to it; old rounds keep 2026.1', async () => {
    const before = await admin.get('/p/northmoor/settings/national');
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('New rounds use version 2026.1');
    expect(before.body).not.toContain('Move to version');

    const list = await national.get('/national/framework');
    expect(list.body).toContain('Version 2026.2');
    expect(list.body).toContain('Not published');
    const published = await national.post('/national/framework/publish', { version: '2026.2' });
    expect(published.statusCode).toBe(303);
    expect((await national.get(published.headers.location as string)).body).toContain(
      'Version 2026.2 is published.',
    );
    const again = await national.post('/national/framework/publish', { version: '2026.2' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Version 2026.2 is already published.');
    const missing = await national.post('/national/framework/publish', { version: '2031.1' });
    expect(missing.body).toContain('There is no framework version 2031.1 in the content folder.');

    const offered = await admin.get('/p/northmoor/settings/national');
    expect(offered.body).toContain('Move to version 2026.2');
    expect(offered.body).toContain('ES6 now says actions have an owner and a date');
    const moved = await admin.post('/p/northmoor/settings/national/framework');
    expect(moved.statusCode).toBe(303);
    expect((await admin.get(moved.headers.location as string)).body).toContain(
      'New rounds use version 2026.2',
    );

    const round = await t.runtime.services.assessments.create(
      northmoor,
      {
        name: 'Winter check',
        kind: 'full',
        threshold: '5',
        opensOn: '2027-01-04',
        closesOn: '2027-01-29',
        groups: [{ kind: 'council', name: 'Council', side: '' }],
      },
      system,
    );
    expect(round.frameworkVersion).toBe('2026.2');
    const rounds = await t.runtime.services.store.rounds.list(northmoor.id);
    expect(rounds.filter((r) => r.id !== round.id).every((r) => r.frameworkVersion === '2026.1')).toBe(true);
    const eastbrook = await t.partnership('eastbrook');
    expect((await t.runtime.services.national.partnershipFramework(eastbrook)).current.version).toBe(
      '2026.1',
    );
  });

  it('only a partnership admin may move the version; the national admin cannot open partnership settings', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    expect((await viewer.get('/p/northmoor/settings/national')).statusCode).toBe(403);
    expect((await national.get('/p/northmoor/settings/national')).statusCode).toBe(404);
    expect((await admin.get('/national/framework')).statusCode).toBe(403);
  });
});

describe('uptake', () => {
  it('shows counts by region and council type, and respondents by group nationally', async () => {
    const page = await national.get('/national/uptake');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Partnerships by region and council type');
    expect(page.body).toMatch(
      /North West<\/th>(\s*<td[^>]*>\d+<\/td>){6}\s*<td[^>]*>\d+<\/td>\s*<td[^>]*>3<\/td>/,
    );
    expect(page.body).toContain('Respondents by group');
    for (const name of names) expect(page.body).not.toContain(name);
  });

  it('a region is recorded from a list; anything else is refused', async () => {
    await national.get('/national/partnerships/eastbrook/region');
    const wrong = await national.post('/national/partnerships/eastbrook/region', { region: 'Atlantis' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Choose a region from the list');
    const right = await national.post('/national/partnerships/eastbrook/region', { region: 'South East' });
    expect(right.statusCode).toBe(303);
    expect((await national.get('/national')).body).toContain('South East');
  });
});

describe('benchmarks', () => {
  it('with six partnerships taking part the national admin sees distributions and no names or own results', async () => {
    const page = await national.get('/national/benchmarks');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('6 partnerships have a closed round to compare');
    expect(page.body).toContain('Medians and quartiles across partnerships');
    expect(page.body).toContain('Shared foundations (principle)');
    expect(page.body).toContain('app-benchmark-chart');
    expect(page.body).not.toContain('red diamond');
    expect(page.body).not.toContain('no-benchmarks');
    expect(page.body).not.toContain('Your median');
    for (const name of names) expect(page.body).not.toContain(name);
  });

  it('a partnership that takes part sees where it sits; one that does not sees nothing', async () => {
    const page = await admin.get('/p/northmoor/benchmarks');
    expect(page.body).toContain('Your medians against the national medians and quartiles');
    expect(page.body).toContain('Your median (red diamond)');
    // Readable at 1:1 on a phone, and never a bare "No figure": a row without one says why.
    expect(page.body).toMatch(/<svg[^>]*viewBox="0 0 360 /);
    expect(page.body).not.toContain('No figure');
    expect(page.body).toMatch(
      /In the lowest quarter|Below the middle|At the middle|Above the middle|In the highest quarter/,
    );
    for (const name of names.filter((n) => n !== 'Northmoor')) expect(page.body).not.toContain(name);
    const eastbrook = await signedIn(demoAccounts.eastbrookAdmin);
    const none = await eastbrook.get('/p/eastbrook/benchmarks');
    expect(none.body).toContain('does not take part in national benchmarking');
    expect(none.body).not.toContain('Lower quartile');
    expect((await national.get('/p/northmoor/benchmarks')).statusCode).toBe(404);
  });

  it('a filter that leaves fewer than five partnerships shows none', async () => {
    const page = await national.get('/national/benchmarks?region=North+West');
    expect(page.body).toContain('North West: 3 partnerships have a closed round');
    expect(page.body).toContain('There are no benchmarks to show');
    expect(page.body).not.toContain('Lower quartile');
    const ignored = await national.get('/national/benchmarks?councilType=nonsense');
    expect(ignored.body).toContain('6 partnerships have a closed round');
  });

  it('with four taking part it shows none; opting back in shows them again', async () => {
    const optOut = await admin.post('/p/northmoor/settings/national/benchmarking', { benchmarking: 'out' });
    expect(optOut.statusCode).toBe(303);
    const ashvale = await t.partnership('ashvale');
    await t.runtime.services.national.setBenchmarking(ashvale, false, system);
    const page = await national.get('/national/benchmarks');
    expect(page.body).toContain('4 partnerships have a closed round to compare');
    expect(page.body).not.toContain('app-benchmark-chart');
    expect(page.body).toContain('There are no benchmarks to show');
    expect(page.body).not.toContain('Lower quartile');
    expect((await admin.get('/p/northmoor/benchmarks')).body).toContain('does not take part');

    await admin.get('/p/northmoor/settings/national');
    const blank = await admin.post('/p/northmoor/settings/national/benchmarking', {});
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Choose whether to take part in national benchmarking');
    await admin.post('/p/northmoor/settings/national/benchmarking', { benchmarking: 'in' });
    await t.runtime.services.national.setBenchmarking(ashvale, true, system);
    expect((await national.get('/national/benchmarks')).body).toContain('6 partnerships have a closed round');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { ukDate } from '../../src/domain/assessment/round-rules.js';
import { Browser } from '../support/browser.js';
import { createPostgresDatabase, testDatabaseUrl } from '../support/database.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/** SQLite always; PostgreSQL as well when TEST_DATABASE_URL is set. */
const databases: {
  name: string;
  open(): Promise<{ env: Record<string, string>; remove(): Promise<void> }>;
}[] = [
  { name: 'sqlite', open: async () => ({ env: {}, remove: async () => undefined }) },
  ...(testDatabaseUrl()
    ? [
        {
          name: 'postgres',
          open: async () => {
            const database = await createPostgresDatabase();
            return { env: { DATABASE_URL: database.url }, remove: () => database.drop() };
          },
        },
      ]
    : []),
];

/** The page's text with tags dropped and spaces squeezed, so sentences read as a person sees them. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function dateFields(prefix: string, iso: string): Record<string, string> {
  const [year, month, day] = iso.split('-');
  return {
    [`${prefix}-day`]: String(Number(day)),
    [`${prefix}-month`]: String(Number(month)),
    [`${prefix}-year`]: year ?? '',
  };
}

const SUCCESS_BANNER = 'govuk-notification-banner--success';

describe.each(databases)('rounds: thresholds, open rounds and confirmations ($name)', (database) => {
  let removeDatabase: () => Promise<void> = async () => undefined;
  let test: TestApp;
  let northmoor: PartnershipRecord;
  let admin: Browser;
  const today = ukDate(new Date());
  const actor = { userId: null, label: 'Test' };

  const createRound = async (name: string, threshold: string) => {
    const round = await test.runtime.services.assessments.create(
      northmoor,
      {
        name,
        kind: 'quick',
        threshold,
        opensOn: today,
        closesOn: addDays(today, 10),
        groups: [
          { kind: 'council', name: 'Council', side: '' },
          { kind: 'vcs', name: 'Voluntary and community sector', side: '' },
        ],
      },
      actor,
    );
    const view = await test.runtime.services.assessments.find(northmoor.id, round.id);
    if (!view) throw new Error('The round was not created');
    return view;
  };

  beforeAll(async () => {
    const opened = await database.open();
    removeDatabase = opened.remove;
    test = await createTestApp({ env: opened.env });
    northmoor = await test.partnership('northmoor');
    admin = new Browser(test.app);
    expect((await admin.signIn(demoAccounts.northmoorAdmin, knownPassword)).statusCode).toBe(303);
  }, 60_000);
  afterAll(async () => {
    await test.close();
    await removeDatabase();
  });

  it('warns, with the real numbers, when a group has fewer invitees than the threshold', async () => {
    const view = await createRound('Threshold check', '5');
    const council = view.groups.find((group) => group.name === 'Council');
    if (!council) throw new Error('No council group');
    const url = `/p/northmoor/rounds/${view.round.id}`;

    const before = textOf((await admin.get(url)).body);
    expect(before).toContain(
      'Council has nobody invited yet. Answers from a group are only shown when at least 5 people answer, ' +
        'so invite at least 5 more or the answers from Council will not be shown.',
    );

    const sent = await admin.post(`${url}/groups/${council.id}/invite`, {
      emails: 'a@example.org, b@example.org, c@example.org',
    });
    expect(sent.statusCode).toBe(200);
    const warning =
      'Council has 3 people invited. Answers from a group are only shown when at least 5 people answer, ' +
      'so invite at least 2 more or the answers from Council will not be shown.';
    expect(sent.body).toContain('govuk-warning-text');
    expect(textOf(sent.body)).toContain(warning);
    expect(textOf(sent.body)).toContain('Invite more people to Council');

    const after = textOf((await admin.get(url)).body);
    expect(after).toContain(warning);

    const enough = await admin.post(`${url}/groups/${council.id}/invite`, {
      emails: 'd@example.org, e@example.org',
    });
    expect(enough.statusCode).toBe(200);
    expect(enough.body).not.toContain('govuk-warning-text');
    const page = textOf((await admin.get(url)).body);
    expect(page).not.toContain('Council has');
    // The other group still has nobody, so it keeps its own warning.
    expect(page).toContain('Voluntary and community sector has nobody invited yet.');
  });

  it('lists every open round on the dashboard, not only the newest', async () => {
    await createRound('Second quick check', '3');
    const rounds = await test.runtime.services.assessments.list(northmoor.id);
    const open = rounds.filter((entry) => entry.status === 'open');
    expect(open.length).toBeGreaterThanOrEqual(3);
    const dashboard = await admin.get('/p/northmoor/');
    expect(dashboard.statusCode).toBe(200);
    const section = textOf(/id="dashboard-round"[\s\S]*?<\/section>/.exec(dashboard.body)?.[0] ?? '');
    expect(section).toContain('Also open');
    for (const entry of open) {
      expect(section).toContain(entry.round.name);
      expect(dashboard.body).toContain(`href="/p/northmoor/rounds/${entry.round.id}"`);
    }
  });

  it('shows a success banner with the next step after creating a round, and only for known flags', async () => {
    await admin.get('/p/northmoor/rounds/new');
    const created = await admin.post('/p/northmoor/rounds/new', {
      name: 'Banner round',
      kind: 'quick',
      groups: 'council',
      threshold: '3',
      ...dateFields('opensOn', today),
      ...dateFields('closesOn', addDays(today, 30)),
    });
    expect(created.statusCode).toBe(303);
    const location = created.headers.location as string;
    expect(location).toMatch(/^\/p\/northmoor\/rounds\/[0-9a-f-]{36}\?done=created$/);
    const page = await admin.get(location);
    expect(page.body).toContain(SUCCESS_BANNER);
    expect(textOf(page.body)).toContain('Round created Next, invite the people who should answer it.');
    expect(page.body).toContain('href="#invite-people"');
    expect(page.body).toContain('id="invite-people"');

    const plain = await admin.get(location.replace('done=created', 'done=something-else'));
    expect(plain.statusCode).toBe(200);
    expect(plain.body).not.toContain(SUCCESS_BANNER);
  });

  it('shows a success banner after closing a round, then says plainly that too few answered', async () => {
    const view = await createRound('Closing round', '3');
    const url = `/p/northmoor/rounds/${view.round.id}`;
    const openResults = textOf((await admin.get(`${url}/results`)).body);
    expect(openResults).toContain('Council: not enough responses yet to show results. 3 more needed.');

    await admin.get(`${url}/close`);
    const closed = await admin.post(`${url}/close`);
    expect(closed.statusCode).toBe(303);
    expect(closed.headers.location).toBe(`${url}?done=closed`);
    const page = await admin.get(`${url}?done=closed`);
    expect(page.body).toContain(SUCCESS_BANNER);
    expect(textOf(page.body)).toContain('Round closed Nobody can answer it now.');
    expect(page.body).toContain(`href="${url}/results"`);
    expect(page.body).toContain(`href="${url}/workshop"`);
    // A closed round has nobody left to invite, so no invitation warnings either.
    expect(page.body).not.toContain('govuk-warning-text');

    const results = textOf((await admin.get(`${url}/results`)).body);
    expect(results).toContain(
      'Council: too few people answered to show this group’s results, so its answers are not shown. ' +
        'Next time, invite more people to this group.',
    );
    expect(results).not.toContain('more needed');
    expect(results).not.toContain('not enough responses yet');
  });

  it('words the dashboard for a closed round without suggesting that waiting helps', async () => {
    for (const entry of await test.runtime.services.assessments.list(northmoor.id)) {
      if (entry.status === 'open')
        await test.runtime.services.assessments.close(northmoor.id, entry.round.id, actor);
    }
    const dashboard = await admin.get('/p/northmoor/');
    const section = textOf(/id="dashboard-round"[\s\S]*?<\/section>/.exec(dashboard.body)?.[0] ?? '');
    expect(section).toContain('Closed on');
    expect(section).toContain('too few people answered to show this group’s results');
    expect(section).not.toContain('more needed');
    expect(section).toContain('Too few answers to show');
    expect(section).not.toContain('Not enough responses yet');
    expect(section).not.toContain('Also open');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationRecord, PartnershipRecord } from '../../src/app/ports.js';
import { ukDate } from '../../src/domain/assessment/round-rules.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, dumpTables, knownPassword, type TestApp } from '../support/test-app.js';

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function dateFields(prefix: string, iso: string): Record<string, string> {
  const [year = '', month = '', day = ''] = iso.split('-');
  return {
    [`${prefix}-day`]: String(Number(day)),
    [`${prefix}-month`]: String(Number(month)),
    [`${prefix}-year`]: year,
  };
}

/** The suggestion radios on the new-action page: value and title. */
function suggestionsOn(body: string): { value: string; title: string }[] {
  return [
    ...body.matchAll(/value="(s\d+)"[^>]*>\s*<label[^>]*>\s*Use this suggestion: ([^<]+?)\s*<\/label>/g),
  ].map((match) => ({ value: match[1] as string, title: (match[2] as string).replace(/&#39;/g, "'") }));
}

const actionIdFrom = (location: unknown) =>
  /\/actions\/([0-9a-f-]{36})\?done=added$/.exec(String(location))?.[1] as string;

describe('action plans', () => {
  let test: TestApp;
  let northmoor: PartnershipRecord;
  let organisations: OrganisationRecord[];
  let roundId: string;
  let admin: Browser;
  const today = ukDate(new Date());
  const ids: { fromGap?: string; fromPriority?: string; byHand?: string } = {};

  const organisation = (name: string) => organisations.find((o) => o.name === name)?.id as string;

  beforeAll(async () => {
    test = await createTestApp();
    northmoor = await test.partnership('northmoor');
    organisations = await test.runtime.services.organisations.list(northmoor.id);
    const rounds = await test.runtime.services.assessments.list(northmoor.id);
    roundId = rounds.find((r) => r.round.name === 'Spring 2026 full assessment')?.round.id as string;
    admin = new Browser(test.app);
    await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
  }, 60_000);
  afterAll(() => test.close());

  const signedIn = async (email: string) => {
    const browser = new Browser(test.app);
    await browser.signIn(email, knownPassword);
    return browser;
  };

  it('links each perception gap and priority on the results page to a prefilled new action', async () => {
    const results = await admin.get(`/p/northmoor/rounds/${roundId}/results`);
    expect(results.statusCode).toBe(200);
    expect(results.body).toMatch(
      new RegExp(
        `href="/p/northmoor/actions/new\\?round=${roundId}&amp;indicator=[A-Z]{2}\\d&amp;source=priority:[A-Z]{2}\\d"`,
      ),
    );
    expect(results.body).toContain('Add an action<span class="govuk-visually-hidden"> for ');
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    expect((await viewer.get(`/p/northmoor/rounds/${roundId}/results`)).body).not.toContain('Add an action');
  });

  it('creates two actions from suggestions, remembering the round and where they came from', async () => {
    const form = await admin.get(`/p/northmoor/actions/new?round=${roundId}&indicator=RC2&source=gap:RC2`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Write my own');
    const suggestions = suggestionsOn(form.body);
    expect(suggestions.length).toBeGreaterThanOrEqual(2);
    expect(suggestions.map((s) => s.title)).toContain('Improve: Safe to challenge');
    const chosen = suggestions[0] as { value: string; title: string };

    const created = await admin.post('/p/northmoor/actions/new', {
      round: roundId,
      indicator: 'RC2',
      source: 'gap:RC2',
      suggestion: chosen.value,
      indicatorCodes: 'RC2',
      ownerOrganisationId: organisation('Northmoor Food Bank'),
      side: 'vcs',
      leadName: 'Helen Marsh',
      ...dateFields('dueOn', addDays(today, 30)),
    });
    expect(created.statusCode).toBe(303);
    ids.fromGap = actionIdFrom(created.headers.location);
    const stored = await test.runtime.services.store.actions.find(northmoor.id, ids.fromGap);
    expect(stored).toMatchObject({
      title: chosen.title,
      roundId,
      source: 'gap:RC2',
      indicatorCodes: ['RC2'],
      side: 'vcs',
      status: 'not-started',
      dueOn: addDays(today, 30),
    });
    expect(stored?.description).not.toBe('');

    const second = await admin.get(
      `/p/northmoor/actions/new?round=${roundId}&indicator=CR2&source=priority:CR2`,
    );
    const improve = suggestionsOn(second.body).find((s) => s.title.startsWith('Improve:'));
    expect(improve).toBeDefined();
    const again = await admin.post('/p/northmoor/actions/new', {
      round: roundId,
      indicator: 'CR2',
      source: 'priority:CR2',
      suggestion: improve?.value ?? '',
      indicatorCodes: 'CR2',
      ownerOrganisationId: organisation('Northmoor Council'),
      side: 'council',
    });
    expect(again.statusCode).toBe(303);
    ids.fromPriority = actionIdFrom(again.headers.location);
    expect(await test.runtime.services.store.actions.find(northmoor.id, ids.fromPriority)).toMatchObject({
      title: improve?.title,
      source: 'priority:CR2',
      dueOn: null,
    });
  });

  it('asks for a choice when there are suggestions, and lists every problem with a hand-written action', async () => {
    await admin.get(`/p/northmoor/actions/new?round=${roundId}&indicator=RC2&source=gap:RC2`);
    const unchosen = await admin.post('/p/northmoor/actions/new', {
      round: roundId,
      indicator: 'RC2',
      source: 'gap:RC2',
      ownerOrganisationId: organisation('Northmoor Council'),
      side: 'council',
    });
    expect(unchosen.statusCode).toBe(400);
    expect(unchosen.body).toContain('Select a suggestion, or “Write my own”');

    await admin.get('/p/northmoor/actions/new');
    const bad = await admin.post('/p/northmoor/actions/new', {
      title: 'ab',
      side: 'nobody',
      ...dateFields('dueOn', '2026-02-30'),
    });
    expect(bad.statusCode).toBe(400);
    for (const message of [
      'Enter a title for the action, from 3 to 160 characters',
      'Select the organisation that owns this action',
      'Select whether the council, the sector or both will do this',
      'Enter a real due date, or leave it blank',
    ]) {
      expect(bad.body).toContain(message);
    }
    expect(bad.body).toContain('href="#dueOn-day"');
    expect(bad.body).toContain('value="ab"');
  });

  it('creates an action by hand; one past its due date shows as overdue, first in its group', async () => {
    await admin.get('/p/northmoor/actions/new');
    const created = await admin.post('/p/northmoor/actions/new', {
      title: '=HYPERLINK("http://evil.example","Debt advice drop-ins at the library")',
      description: '+Weekly drop-ins with the council’s welfare rights team.',
      indicatorCodes: 'RC4',
      ownerOrganisationId: organisation('Moorside Money and Debt Advice'),
      side: 'joint',
      leadName: 'Sam Patel',
      ...dateFields('dueOn', addDays(today, -3)),
    });
    expect(created.statusCode).toBe(303);
    ids.byHand = actionIdFrom(created.headers.location);
    const stored = await test.runtime.services.store.actions.find(northmoor.id, ids.byHand);
    expect(stored).toMatchObject({ source: 'manual', roundId: null, status: 'not-started' });

    const page = await admin.get(`/p/northmoor/actions/${ids.byHand}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('govuk-tag--red">Overdue');

    const plan = await admin.get('/p/northmoor/actions');
    expect(plan.statusCode).toBe(200);
    const start = plan.body.indexOf('id="principle-RC"');
    const relational = plan.body.slice(start, plan.body.indexOf('<h2', start));
    const notStarted = relational.slice(relational.indexOf('Not started'));
    const body = notStarted.indexOf('<tbody');
    const firstRow = notStarted.slice(body, notStarted.indexOf('</tr>', body));
    expect(firstRow).toContain(ids.byHand);
    expect(firstRow).toContain('Overdue');
    expect(plan.body).toContain('Add an action');
  });

  it('filters the plan by owner organisation and side', async () => {
    const byOwner = await admin.get(`/p/northmoor/actions?owner=${organisation('Northmoor Food Bank')}`);
    expect(byOwner.body).toContain(ids.fromGap);
    expect(byOwner.body).not.toContain(ids.fromPriority);
    const bySide = await admin.get('/p/northmoor/actions?side=council');
    expect(bySide.body).toContain(ids.fromPriority);
    expect(bySide.body).not.toContain(ids.fromGap);
    expect(bySide.body).toContain('Show every action');
  });

  it('lets a VCS member of the owning organisation add a progress note and change the status', async () => {
    const vcs = await signedIn(demoAccounts.northmoorVcs);
    const page = await vcs.get(`/p/northmoor/actions/${ids.fromGap}`);
    expect(page.body).toContain('Add a progress note');
    const empty = await vcs.post(`/p/northmoor/actions/${ids.fromGap}/notes`, {
      note: '',
      status: 'in-progress',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter a progress note');
    const noted = await vcs.post(`/p/northmoor/actions/${ids.fromGap}/notes`, {
      note: 'Met the cabinet member; a draft is with legal.',
      status: 'in-progress',
    });
    expect(noted.statusCode).toBe(303);
    await vcs.post(`/p/northmoor/actions/${ids.fromGap}/notes`, {
      note: 'Second, newer note.',
      status: 'in-progress',
    });
    const after = await vcs.get(`/p/northmoor/actions/${ids.fromGap}`);
    expect(after.body).toContain('Met the cabinet member');
    expect(after.body.indexOf('Second, newer note.')).toBeLessThan(
      after.body.indexOf('Met the cabinet member'),
    );
    expect(after.body).toContain('vcs@northmoor.example');
    expect(
      (await test.runtime.services.store.actions.find(northmoor.id, ids.fromGap as string))?.status,
    ).toBe('in-progress');
    const audit = await test.runtime.services.audit.listForPartnership(northmoor.id);
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['action-created', 'action-note-added', 'action-status-changed']),
    );

    const edit = await vcs.get(`/p/northmoor/actions/${ids.fromGap}/edit`);
    expect(edit.statusCode).toBe(200);
    const changed = await vcs.post(`/p/northmoor/actions/${ids.fromGap}/edit`, {
      title: 'Pay grants on time, with a written promise',
      description: '',
      indicatorCodes: 'RC2',
      ownerOrganisationId: organisation('Northmoor Food Bank'),
      side: 'joint',
      leadName: 'Helen Marsh',
      status: 'in-progress',
    });
    expect(changed.statusCode).toBe(303);
    expect((await test.runtime.services.store.actions.find(northmoor.id, ids.fromGap as string))?.title).toBe(
      'Pay grants on time, with a written promise',
    );
  });

  it('refuses a VCS member of another organisation, and nothing changes', async () => {
    const vcs = await signedIn(demoAccounts.northmoorVcs);
    const page = await vcs.get(`/p/northmoor/actions/${ids.byHand}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Add a progress note');
    const before = await dumpTables(test.runtime);
    expect((await vcs.get(`/p/northmoor/actions/${ids.byHand}/edit`)).statusCode).toBe(403);
    const edit = await vcs.post(`/p/northmoor/actions/${ids.byHand}/edit`, {
      title: 'Taken over',
      ownerOrganisationId: organisation('Northmoor Food Bank'),
      side: 'vcs',
    });
    expect(edit.statusCode).toBe(403);
    const note = await vcs.post(`/p/northmoor/actions/${ids.byHand}/notes`, {
      note: 'Not mine',
      status: 'done',
    });
    expect(note.statusCode).toBe(403);
    const after = await dumpTables(test.runtime);
    for (const table of ['actions', 'action_indicators', 'action_progress_notes', 'audit_events']) {
      expect(after[table]).toEqual(before[table]);
    }
    // Nor can they add an action for another organisation.
    await vcs.get('/p/northmoor/actions/new');
    const other = await vcs.post('/p/northmoor/actions/new', {
      title: 'Somebody else’s job',
      ownerOrganisationId: organisation('Northmoor Council'),
      side: 'council',
    });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('Select your own organisation');
  });

  it('lets a council member change only their own organisation’s actions', async () => {
    const council = await signedIn(demoAccounts.northmoorCouncil);
    await council.get(`/p/northmoor/actions/${ids.fromPriority}`);
    expect(
      (
        await council.post(`/p/northmoor/actions/${ids.fromPriority}/notes`, {
          note: 'Budget found.',
          status: '',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (await council.post(`/p/northmoor/actions/${ids.fromGap}/notes`, { note: 'Not ours.', status: '' }))
        .statusCode,
    ).toBe(403);
  });

  it('lets a viewer read the plan but change nothing', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    const plan = await viewer.get('/p/northmoor/actions');
    expect(plan.statusCode).toBe(200);
    expect(plan.body).not.toContain('href="/p/northmoor/actions/new"');
    expect((await viewer.get(`/p/northmoor/actions/${ids.fromGap}`)).body).not.toContain(
      'Add a progress note',
    );
    const before = await dumpTables(test.runtime);
    expect((await viewer.get('/p/northmoor/actions/new')).statusCode).toBe(403);
    const attempts = [
      viewer.post('/p/northmoor/actions/new', { title: 'A viewer’s action', side: 'joint' }),
      viewer.post(`/p/northmoor/actions/${ids.fromGap}/notes`, { note: 'Hello', status: 'done' }),
      viewer.post(`/p/northmoor/actions/${ids.fromGap}/edit`, {
        title: 'Changed by a viewer',
        side: 'joint',
      }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.statusCode).toBe(403);
    expect((await dumpTables(test.runtime)).actions).toEqual(before.actions);
  });

  it('exports the plan as CSV with every action and formulas guarded', async () => {
    const response = await admin.get('/p/northmoor/actions.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('northmoor-action-plan.csv');
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Partnership,Title,Description,Indicators,Principle,Owner,Side,Lead,Due date,Status,Overdue,Latest note',
    );
    const actions = await test.runtime.services.store.actions.list(northmoor.id);
    expect(lines).toHaveLength(actions.length + 1);
    const handRow = lines.find((line) => line.includes('HYPERLINK')) as string;
    expect(handRow).toContain(
      `"'=HYPERLINK(""http://evil.example"",""Debt advice drop-ins at the library"")"`,
    );
    expect(handRow).toContain("'+Weekly drop-ins");
    expect(handRow).toContain('Moorside Money and Debt Advice,Joint,Sam Patel');
    expect(handRow).toMatch(/,Not started,yes,$/);
    const gapRow = lines.find((line) =>
      line.includes('Pay grants on time, with a written promise'),
    ) as string;
    expect(gapRow).toContain('Relational culture');
    expect(gapRow).toContain(`${today}: Second, newer note.`);
    expect(lines.some((line) => /^[=+\-@]/.test(line))).toBe(false);
  });
});

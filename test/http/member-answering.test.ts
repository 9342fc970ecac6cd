import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { ukDate } from '../../src/domain/assessment/round-rules.js';
import { Browser } from '../support/browser.js';
import { httpDatabases } from '../support/http-databases.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/** The page's text with tags dropped and spaces squeezed, so sentences read as a person sees them. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.each(httpDatabases())('members answer open rounds without an invitation ($name)', (database) => {
  let removeDatabase: () => Promise<void> = async () => undefined;
  let test: TestApp;
  let northmoor: PartnershipRecord;
  let admin: Browser;
  let member: Browser;
  let roundId: string;
  const today = ukDate(new Date());

  const responsesTo = async (id: string) =>
    (await test.runtime.handle.db.selectFrom('responses').select('id').where('round_id', '=', id).execute())
      .length;
  const placesIn = async (id: string) =>
    test.runtime.handle.db
      .selectFrom('round_invitations')
      .select(['email', 'source', 'group_id'])
      .where('round_id', '=', id)
      .execute();

  beforeAll(async () => {
    const opened = await database.open();
    removeDatabase = opened.remove;
    test = await createTestApp({ env: opened.env });
    northmoor = await test.partnership('northmoor');
    admin = new Browser(test.app);
    expect((await admin.signIn(demoAccounts.northmoorAdmin, knownPassword)).statusCode).toBe(303);

    const round = await test.runtime.services.assessments.create(
      northmoor,
      {
        name: 'Members’ quick check',
        kind: 'quick',
        threshold: '3',
        opensOn: today,
        closesOn: addDays(today, 14),
        groups: [
          { kind: 'council', name: 'Council', side: '' },
          { kind: 'vcs', name: 'Voluntary and community sector', side: '' },
        ],
      },
      { userId: null, label: 'Test' },
    );
    roundId = round.id;

    // A councillor joins through the ordinary invitation to the partnership, with the council as organisation.
    const council = (await test.runtime.services.organisations.list(northmoor.id)).find(
      (organisation) => organisation.kind === 'council',
    );
    await admin.get('/p/northmoor/members/invite');
    const invited = await admin.post('/p/northmoor/members/invite', {
      email: 'new.councillor@northmoor.example',
      role: 'council-member',
      organisationId: council?.id ?? '',
    });
    const link = /id="invitation-link">http:\/\/localhost:3000(\/invitations\/[^<\s]+)</.exec(
      invited.body,
    )?.[1];
    if (!link) throw new Error('The invitation link was not shown');
    member = new Browser(test.app);
    await member.get(link);
    const password = 'councillor-chose-this-1';
    const joined = await member.post(link, { displayName: 'Cllr New', password, confirmPassword: password });
    expect(joined.statusCode).toBe(303);
  }, 60_000);
  afterAll(async () => {
    await test.close();
    await removeDatabase();
  });

  it('tells a member who has just joined that the round is open for them, and lets them answer', async () => {
    const home = await member.get('/p/northmoor/');
    expect(home.statusCode).toBe(200);
    const panel = textOf(/id="rounds-to-answer"[\s\S]*?<\/ul>/.exec(home.body)?.[0] ?? '');
    expect(panel).toContain('Answer Members’ quick check with the Council group');
    expect(home.body).toContain(`href="/p/northmoor/rounds/${roundId}/answer"`);

    const start = await member.get(`/p/northmoor/rounds/${roundId}/answer`);
    expect(start.statusCode).toBe(200);
    expect(textOf(start.body)).toContain('You will answer with the Council group');
    expect(await placesIn(roundId)).toEqual([]);

    const started = await member.post(`/p/northmoor/rounds/${roundId}/answer`, {});
    expect(started.statusCode).toBe(303);
    const respond = started.headers.location as string;
    expect(respond).toMatch(/^\/respond\/[A-Za-z0-9_-]{43}$/);
    expect(await placesIn(roundId)).toEqual([
      expect.objectContaining({ email: 'new.councillor@northmoor.example', source: 'membership' }),
    ]);

    const first = await member.get(respond);
    expect(first.statusCode).toBe(200);
    const view = await test.runtime.services.assessments.find(northmoor.id, roundId);
    if (!view) throw new Error('The round was not found');
    const codes = view.indicators.map((indicator) => indicator.code);
    expect(codes.length).toBeGreaterThan(0);
    const token = respond.split('/').pop() as string;
    for (const code of codes) {
      await test.runtime.services.assessments.saveAnswer(token, code, {
        rating: '3',
        comment: '',
        evidenceUrl: '',
      });
    }
    await member.get(`${respond}/check`);
    const submitted = await member.post(`${respond}/submit`);
    expect(submitted.statusCode).toBe(303);
    expect(await responsesTo(roundId)).toBe(1);

    // Members' own places are not invitations: the admin's "Invited" count stays at nobody.
    const progress = await test.runtime.services.assessments.progress(view);
    expect(progress.map((row) => [row.group.name, row.invited, row.submitted])).toEqual([
      ['Council', 0, 1],
      ['Voluntary and community sector', 0, 0],
    ]);
    // The panel no longer asks for this round (the demo's own open rounds may still be listed).
    const after = await member.get('/p/northmoor/');
    expect(textOf(/id="rounds-to-answer"[\s\S]*?<\/ul>|$/.exec(after.body)?.[0] ?? '')).not.toContain(
      'Members’ quick check',
    );
  });

  it('cannot answer twice: coming back opens the same answers, in the same group', async () => {
    const vcsGroup = (await test.runtime.services.assessments.find(northmoor.id, roundId))?.groups.find(
      (group) => group.kind === 'vcs',
    );
    const again = await member.get(`/p/northmoor/rounds/${roundId}/answer`);
    expect(again.statusCode).toBe(303);
    const page = await member.get(again.headers.location as string);
    expect(page.body).toContain('Check or change your answers');

    const otherGroup = await member.post(`/p/northmoor/rounds/${roundId}/answer`, {
      groupId: vcsGroup?.id ?? '',
    });
    expect(otherGroup.statusCode).toBe(303);
    expect(await responsesTo(roundId)).toBe(1);
    const places = await placesIn(roundId);
    expect(places).toHaveLength(1);
    expect(places[0]?.group_id).not.toBe(vcsGroup?.id);
  });

  it('refuses a viewer, who reads the round but cannot answer it', async () => {
    const viewer = new Browser(test.app);
    expect((await viewer.signIn(demoAccounts.northmoorViewer, knownPassword)).statusCode).toBe(303);
    const overview = await viewer.get(`/p/northmoor/rounds/${roundId}`);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).not.toContain(`/rounds/${roundId}/answer`);
    const home = await viewer.get('/p/northmoor/');
    expect(home.body).not.toContain('id="rounds-to-answer"');

    const page = await viewer.get(`/p/northmoor/rounds/${roundId}/answer`);
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('you need an invitation to answer');
    expect(page.body).not.toContain('Start now');
    const refused = await viewer.post(`/p/northmoor/rounds/${roundId}/answer`, {});
    expect(refused.statusCode).toBe(403);
    expect((await placesIn(roundId)).map((place) => place.email)).not.toContain(demoAccounts.northmoorViewer);
    expect(await responsesTo(roundId)).toBe(1);
  });

  it('lets a member of a VCS organisation answer with the voluntary and community sector', async () => {
    const vcs = new Browser(test.app);
    expect((await vcs.signIn(demoAccounts.northmoorAdviceVcs, knownPassword)).statusCode).toBe(303);
    const start = await vcs.get(`/p/northmoor/rounds/${roundId}/answer`);
    expect(textOf(start.body)).toContain('You will answer with the Voluntary and community sector group');
    expect((await vcs.post(`/p/northmoor/rounds/${roundId}/answer`, {})).statusCode).toBe(303);
    const place = (await placesIn(roundId)).find((row) => row.email === demoAccounts.northmoorAdviceVcs);
    expect(place?.source).toBe('membership');
  });

  it('refuses to start answering a round that has closed', async () => {
    await test.runtime.services.assessments.close(northmoor.id, roundId, { userId: null, label: 'Test' });
    const page = await member.get(`/p/northmoor/rounds/${roundId}/answer`);
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('is not open for answers');
    const vcs = new Browser(test.app);
    await vcs.signIn(demoAccounts.northmoorVcs, knownPassword);
    await vcs.get('/p/northmoor/');
    expect((await vcs.post(`/p/northmoor/rounds/${roundId}/answer`, {})).statusCode).toBe(403);
  });
});

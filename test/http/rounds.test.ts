import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ukDate } from '../../src/domain/assessment/round-rules.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

function dateFields(prefix: string, iso: string): Record<string, string> {
  const [year, month, day] = iso.split('-');
  return {
    [`${prefix}-day`]: String(Number(day)),
    [`${prefix}-month`]: String(Number(month)),
    [`${prefix}-year`]: year ?? '',
  };
}

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('assessment rounds: creating and running a round', () => {
  let test: TestApp;
  let admin: Browser;
  const today = ukDate(new Date());

  beforeAll(async () => {
    test = await createTestApp();
    admin = new Browser(test.app);
    await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
  });
  afterAll(() => test.close());

  const goodForm = () => ({
    name: 'Spring quick check',
    kind: 'quick',
    groups: ['council', 'vcs'] as unknown as string,
    customGroupName: 'Housing associations',
    customGroupSide: 'community',
    threshold: '3',
    ...dateFields('opensOn', today),
    ...dateFields('closesOn', addDays(today, 30)),
  });

  it('lists every problem with a new round and keeps what was typed', async () => {
    await admin.get('/p/northmoor/rounds/new');
    const response = await admin.post('/p/northmoor/rounds/new', {
      name: 'ab',
      threshold: '2',
      customGroupName: 'Tenants',
      ...dateFields('opensOn', today),
      ...dateFields('closesOn', addDays(today, -1)),
    });
    expect(response.statusCode).toBe(400);
    for (const message of [
      'Enter a name for the round',
      'Select a quick check or a full assessment',
      'Enter a whole number from 3 to 50',
      'The closing date must be today or in the future',
      'Select the side that Tenants is on',
    ]) {
      expect(response.body).toContain(message);
    }
    expect(response.body).toContain('href="#customGroupSide"');
    expect(response.body).toContain('value="Tenants"');
  });

  it('creates a round with its groups and shows it to members', async () => {
    await admin.get('/p/northmoor/rounds/new');
    const form = new URLSearchParams({ ...goodForm(), groups: 'council' });
    form.append('groups', 'vcs');
    const created = await test.app.inject({
      method: 'POST',
      url: '/p/northmoor/rounds/new',
      headers: {
        cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: `${form.toString()}&_csrf=${encodeURIComponent(admin.csrfToken ?? '')}`,
    });
    expect(created.statusCode).toBe(303);
    const location = created.headers.location as string;
    expect(location).toMatch(/^\/p\/northmoor\/rounds\/[0-9a-f-]{36}\?done=created$/);
    const overviewUrl = location.replace('?done=created', '');
    const overview = await admin.get(overviewUrl);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('Spring quick check');
    for (const group of ['Council', 'Voluntary and community sector', 'Housing associations']) {
      expect(overview.body).toContain(group);
    }
    const viewer = new Browser(test.app);
    await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
    const list = await viewer.get('/p/northmoor/rounds');
    expect(list.body).toContain('Spring quick check');
    expect(list.body).not.toContain('Start a new round');
    expect((await viewer.get('/p/northmoor/rounds/new')).statusCode).toBe(403);
    const asViewer = await viewer.get(overviewUrl);
    expect(asViewer.statusCode).toBe(200);
    expect(asViewer.body).not.toContain('Send invitations');

    // Invite two people to the first group; one address twice and one bad address first.
    const groupId = /\/groups\/([0-9a-f-]{36})\/invite/.exec(overview.body)?.[1] as string;
    const bad = await admin.post(`${overviewUrl}/groups/${groupId}/invite`, {
      emails: 'one@example.org, not-an-email',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('These are not email addresses: not-an-email');
    const sent = await admin.post(`${overviewUrl}/groups/${groupId}/invite`, {
      emails: 'One@Example.org\ntwo@example.org; one@example.org',
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('2 people');
    const again = await admin.post(`${overviewUrl}/groups/${groupId}/invite`, { emails: 'two@example.org' });
    expect(again.body).toContain('already invited');
    const messages = await test.runtime.services.store.outbox.listRecent(10);
    const invitations = messages.filter((m) => m.kind === 'round-invitation');
    expect(invitations.map((m) => m.recipient).sort()).toEqual(['one@example.org', 'two@example.org']);
    expect(invitations[0]?.bodyText).toMatch(/http:\/\/localhost:3000\/respond\/[A-Za-z0-9_-]{43}/);

    // Progress shows counts only.
    const progress = await admin.get(overviewUrl);
    expect(progress.body).not.toContain('one@example.org');

    // A shareable link is shown once.
    const share = await admin.post(`${overviewUrl}/groups/${groupId}/share-link`);
    expect(share.body).toMatch(/http:\/\/localhost:3000\/share\/[A-Za-z0-9_-]{43}/);

    // Closing the round ends invitations.
    await admin.get(`${overviewUrl}/close`);
    expect((await admin.post(`${overviewUrl}/close`)).statusCode).toBe(303);
    const closed = await admin.get(overviewUrl);
    expect(closed.body).toContain('Closed');
    expect(closed.body).not.toContain('Send invitations');
  });

  it('sends an invited member straight to their own answers, and a viewer to an explanation', async () => {
    const partnership = await test.partnership('northmoor');
    const actor = { userId: null, label: 'Test' };
    const round = await test.runtime.services.assessments.create(
      partnership,
      {
        name: 'Member round',
        kind: 'quick',
        threshold: '',
        opensOn: today,
        closesOn: addDays(today, 5),
        groups: [{ kind: 'council', name: 'Council', side: '' }],
      },
      actor,
    );
    const view = await test.runtime.services.assessments.find(partnership.id, round.id);
    if (!view?.groups[0]) throw new Error('The round was not created');
    await test.runtime.services.assessments.invite(
      view,
      partnership.name,
      view.groups[0].id,
      demoAccounts.northmoorCouncil,
      actor,
    );
    const council = new Browser(test.app);
    await council.signIn(demoAccounts.northmoorCouncil, knownPassword);
    const answer = await council.get(`/p/northmoor/rounds/${round.id}/answer`);
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toMatch(/^\/respond\/[A-Za-z0-9_-]{43}$/);
    const viewer = new Browser(test.app);
    await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
    const notInvited = await viewer.get(`/p/northmoor/rounds/${round.id}/answer`);
    expect(notInvited.statusCode).toBe(200);
    expect(notInvited.body).toContain('you need an invitation to answer');
  });

  it('records what a workshop agreed, principle by principle', async () => {
    const partnership = await test.partnership('northmoor');
    const round = await test.runtime.services.assessments.create(
      partnership,
      {
        name: 'Workshop round',
        kind: 'quick',
        threshold: '',
        opensOn: today,
        closesOn: addDays(today, 5),
        groups: [{ kind: 'vcs', name: 'VCS', side: '' }],
      },
      { userId: null, label: 'Test' },
    );
    const base = `/p/northmoor/rounds/${round.id}/workshop`;
    const index = await admin.get(base);
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('Shared foundations');
    const page = await admin.get(`${base}/SF`);
    expect(page.body).toContain('Questions to discuss');
    const missing = await admin.post(`${base}/SF`, { reasons: 'We talked' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Select the level the meeting agreed');
    const saved = await admin.post(`${base}/SF`, {
      agreedLevel: '2',
      reasons: 'A statement exists but is old',
      agreedActions: 'Refresh the statement',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${base}/RC?saved=SF&added=1`);
    expect((await admin.get(base)).body).toContain('Level 2');
    const viewer = new Browser(test.app);
    await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
    expect((await viewer.get(base)).statusCode).toBe(403);
  });
});

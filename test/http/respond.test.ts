import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundView } from '../../src/app/assessments/rounds.js';
import type { PartnershipRecord } from '../../src/app/ports.js';
import type { Actor } from '../../src/app/shared/audit.js';
import { Browser, type Response } from '../support/browser.js';
import { createTestApp, FakeClock, type TestApp } from '../support/test-app.js';

/** 2 March 2026, 9am: the rounds below open today and close on 31 March. */
const clock = new FakeClock(new Date('2026-03-02T09:00:00.000Z'));
const today = '2026-03-02';
const closesOn = '2026-03-31';
const actor: Actor = { userId: null, label: 'Respond test' };

let t: TestApp;
let partnership: PartnershipRecord;

beforeAll(async () => {
  t = await createTestApp({ clock });
  partnership = await t.partnership('northmoor');
});
afterAll(async () => {
  await t.close();
});

const services = () => t.runtime.services;

let roundCount = 0;
async function newRound(options: { opensOn?: string } = {}): Promise<RoundView> {
  roundCount += 1;
  const round = await services().assessments.create(
    partnership,
    {
      name: `Spring check ${roundCount}`,
      kind: 'quick',
      threshold: '3',
      opensOn: options.opensOn ?? today,
      closesOn,
      groups: [
        { kind: 'council', name: 'Council', side: '' },
        { kind: 'vcs', name: 'VCS', side: '' },
      ],
    },
    actor,
  );
  const view = await services().assessments.find(partnership.id, round.id);
  if (!view) throw new Error('The round was not found after creating it');
  return view;
}

/** The paths of every personal link ever emailed to this address, oldest first. */
async function respondPathsFor(email: string): Promise<string[]> {
  const messages = await services().store.outbox.listRecent(1000);
  return messages
    .filter((m) => m.recipient === email && m.kind === 'round-invitation')
    .reverse()
    .map((m) => /http:\/\/localhost:3000(\/respond\/\S+)/.exec(m.bodyText)?.[1])
    .filter((path): path is string => Boolean(path));
}

/** The one personal link emailed to this address since `before` was read. */
async function newLinkFor(email: string, before: readonly string[]): Promise<string> {
  const after = await respondPathsFor(email);
  const added = after.filter((path) => !before.includes(path));
  expect(added).toHaveLength(1);
  return added[0] ?? '';
}

/** Invites an address to a group (the first by default) and answers the path of the link it was sent. */
async function invite(view: RoundView, email: string, group = 0): Promise<string> {
  const before = await respondPathsFor(email);
  const groupId = view.groups[group]?.id ?? '';
  await services().assessments.invite(view, partnership.name, groupId, email, actor);
  clock.advanceMinutes(1);
  return newLinkFor(email, before);
}

async function shareLinkPath(view: RoundView, group = 0): Promise<string> {
  const url = await services().assessments.shareLink(view, view.groups[group]?.id ?? '', actor);
  return new URL(url).pathname;
}

/** Totals over all groups. */
async function progress(view: RoundView) {
  const rows = await services().assessments.progress(view);
  return {
    invited: rows.reduce((sum, row) => sum + row.invited, 0),
    started: rows.reduce((sum, row) => sum + row.started, 0),
    submitted: rows.reduce((sum, row) => sum + row.submitted, 0),
  };
}

/** Text with the HTML entities Nunjucks writes turned back into characters. */
const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const errorSummary = (body: string) =>
  /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(body)?.[0] ?? '(no error summary)';

const answerPath = (link: string, code: string) => `${link}/questions/${code}`;

const tokenOf = (path: string) => path.split('/').at(-1) ?? '';

async function answer(browser: Browser, link: string, code: string, form: Record<string, string>) {
  await browser.get(answerPath(link, code));
  return browser.post(answerPath(link, code), { comment: '', evidenceUrl: '', ...form });
}

function expectPrivate(response: Response) {
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['cache-control']).toBe('no-store');
}

describe('answering a quick check from a personal link', () => {
  it('answers all 8 questions one per page, checks them, sends them and can change them afterwards', async () => {
    const view = await newRound();
    const [first, second] = view.indicators;
    expect(view.indicators).toHaveLength(8);
    if (!first || !second) throw new Error('no indicators');
    const link = await invite(view, 'a@x.example');
    const browser = new Browser(t.app);

    const start = await browser.get(link);
    expect(start.statusCode).toBe(200);
    expectPrivate(start);
    const startText = decode(start.body);
    expect(startText).toContain(view.round.name);
    expect(startText).toContain(partnership.name);
    expect(startText).toContain('There are 8 questions');
    expect(startText).toContain('Answer by 31 March 2026');
    expect(startText).toContain('Nobody, including the organisers, can see one person’s answers');
    expect(startText).toContain('Comments are never linked to you');
    expect(startText).toContain('at least 3 people in it have answered');
    expect(start.body).toContain(`href="${answerPath(link, first.code)}"`);
    expect(start.body).toContain('Start now');
    expect(start.body).not.toContain('Your answers so far');

    // The first question page: caption, the statement as the page heading, 4 levels, "or", the other answers.
    const question = await browser.get(answerPath(link, first.code));
    expect(question.statusCode).toBe(200);
    expectPrivate(question);
    const page = decode(question.body);
    expect(page).toContain('Question 1 of 8 · Shared foundations');
    expect(page).toMatch(/<h1 class="govuk-fieldset__heading">[\s\S]*Question 1 of 8[\s\S]*<\/h1>/);
    expect(page).toContain(first.statement.trim());
    for (const level of view.framework.scale.levels) expect(page).toContain(level.name);
    for (const level of first.levels) expect(page).toContain(level.description.trim());
    expect(page).toContain('<div class="govuk-radios__divider">or</div>');
    expect(page).toContain('value="dont-know"');
    expect(page).toContain('I don’t know');
    expect(page).toContain('value="not-applicable"');
    for (const other of view.framework.scale.otherAnswers) expect(page).toContain(other.explanation.trim());
    expect(page).toContain('data-maxlength="2000"');
    expect(page).toContain('Do not include names or anything that could identify you or others');
    expect(page).toContain('type="url"');
    expect(page).toContain('Save and come back later');
    expect(question.body).toContain(`href="${link}"`); // back to the start page

    const ratings = ['1', '2', '3', '4', 'dont-know', 'not-applicable', '3', '2'];
    for (const [index, indicator] of view.indicators.entries()) {
      const saved = await answer(browser, link, indicator.code, {
        rating: ratings[index] ?? '',
        comment: index === 0 ? 'We wrote it together in 2024.' : '',
        evidenceUrl: index === 1 ? 'https://example.org/plan' : '',
      });
      expect(saved.statusCode).toBe(303);
      const next = view.indicators[index + 1];
      expect(saved.headers.location).toBe(next ? answerPath(link, next.code) : `${link}/check`);
    }
    expect(await progress(view)).toMatchObject({ started: 1, submitted: 0 });

    const check = await browser.get(`${link}/check`);
    expect(check.statusCode).toBe(200);
    expectPrivate(check);
    const checkText = decode(check.body);
    expect(checkText).toContain('Check your answers');
    expect(check.body.match(/>\s*Change<span class="govuk-visually-hidden">/g)).toHaveLength(8);
    for (const indicator of view.indicators) {
      expect(check.body).toContain(`href="${answerPath(link, indicator.code)}?returnTo=check"`);
      expect(checkText).toContain(indicator.title);
    }
    expect(checkText).toContain('Ad hoc (level 1 of 4)');
    expect(checkText).toContain('Embedded (level 4 of 4)');
    expect(checkText).toContain('I don’t know');
    expect(checkText).toContain('Not applicable');
    expect(checkText).toContain('Comment added');
    expect(checkText).toContain('evidence link added');
    expect(checkText).not.toContain('Not answered');

    const sent = await browser.post(`${link}/submit`);
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${link}/done`);
    const done = await browser.get(`${link}/done`);
    expect(done.statusCode).toBe(200);
    expectPrivate(done);
    expect(done.body).toMatch(/<h1 class="govuk-panel__title">\s*Your answers have been sent\s*<\/h1>/);
    expect(done.body).toContain(
      'You can change your answers with the same link until the round closes on 31 March 2026',
    );
    // Someone who is not signed in is told what happens next and shown the way to the start page.
    expect(done.body).toContain('What happens next');
    expect(done.body).toMatch(
      /<a class="govuk-link" href="\/" id="done-next">Find out more about Common Ground<\/a>/,
    );
    expect(await progress(view)).toMatchObject({ started: 1, submitted: 1 });

    // Changing an answer after sending: the saved answer is filled in, and "returnTo" goes back to the check.
    const change = await browser.get(`${answerPath(link, first.code)}?returnTo=check`);
    expect(change.body).toContain('value="1" checked');
    expect(change.body).toContain('We wrote it together in 2024.');
    expect(change.body).toContain('name="returnTo" value="check"');
    expect(change.body).toContain(`href="${link}/check"`); // the back link
    const changed = await browser.post(answerPath(link, first.code), {
      rating: '3',
      comment: '',
      evidenceUrl: '',
      returnTo: 'check',
    });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe(`${link}/check`);
    const after = decode((await browser.get(`${link}/check`)).body);
    expect(after).not.toContain('Ad hoc (level 1 of 4)');
    expect(after).toContain('You have already sent your answers');
    expect(await progress(view)).toMatchObject({ started: 1, submitted: 1 });

    const restart = decode((await browser.get(link)).body);
    expect(restart).toContain('You have sent your answers');
    expect(restart).toContain('Check or change your answers');
    expect(restart).toContain('Your answers so far');
  });

  it('shows an error when no answer is chosen, and keeps what was typed', async () => {
    const view = await newRound();
    const code = view.indicators[0]?.code ?? '';
    const link = await invite(view, 'b@x.example');
    const browser = new Browser(t.app);
    const response = await answer(browser, link, code, {
      comment: 'Some thoughts',
      evidenceUrl: 'https://example.org',
    });
    expect(response.statusCode).toBe(400);
    expectPrivate(response);
    expect(response.body).toContain('<title>Error: ');
    expect(errorSummary(response.body)).toContain('href="#rating"');
    expect(decode(errorSummary(response.body))).toContain(
      'Select the level that best describes things now, or “I don’t know”',
    );
    expect(response.body).toContain('id="rating-error"');
    expect(response.body).toContain('id="rating"'); // the summary's link target: the first radio
    expect(response.body).toContain('Some thoughts');
    expect(response.body).toContain('value="https://example.org"');
    expect(await progress(view)).toMatchObject({ started: 0 });
  });

  it('refuses a comment over 2,000 characters and a web address that is not one; counts a new line as one character', async () => {
    const view = await newRound();
    const code = view.indicators[0]?.code ?? '';
    const link = await invite(view, 'c@x.example');
    const browser = new Browser(t.app);

    const tooLong = await answer(browser, link, code, { rating: '2', comment: 'x'.repeat(2001) });
    expect(tooLong.statusCode).toBe(400);
    expect(errorSummary(tooLong.body)).toContain('href="#comment"');
    expect(errorSummary(tooLong.body)).toContain('Comments must be 2000 characters or fewer');
    expect(tooLong.body).toContain('value="2" checked'); // the choice is kept

    const badUrl = await answer(browser, link, code, { rating: '2', evidenceUrl: 'not a link' });
    expect(badUrl.statusCode).toBe(400);
    expect(errorSummary(badUrl.body)).toContain('href="#evidenceUrl"');
    expect(await progress(view)).toMatchObject({ started: 0 });

    // 200 lines of 9 letters: 2,000 characters as the page counts them, 2,200 with the CR LF a browser sends.
    const lines = `${'a'.repeat(9)}\r\n`.repeat(200);
    const fits = await answer(browser, link, code, { rating: '2', comment: lines });
    expect(fits.statusCode).toBe(303);
    expect(await progress(view)).toMatchObject({ started: 1 });
  });

  it('will not send answers with a question missing, and lists each missing question', async () => {
    const view = await newRound();
    const link = await invite(view, 'd@x.example');
    const browser = new Browser(t.app);
    const missing = view.indicators[5];
    if (!missing) throw new Error('no sixth indicator');
    for (const indicator of view.indicators) {
      if (indicator.code === missing.code) continue;
      expect((await answer(browser, link, indicator.code, { rating: '3' })).statusCode).toBe(303);
    }
    const check = await browser.get(`${link}/check`);
    expect(check.body).toContain('Not answered');
    expect(check.body).toContain(`href="${answerPath(link, missing.code)}?returnTo=check"`);

    const refused = await browser.post(`${link}/submit`);
    expect(refused.statusCode).toBe(400);
    expectPrivate(refused);
    const summary = decode(errorSummary(refused.body));
    expect(summary).toContain(`Answer “${missing.title}”`);
    expect(summary).toContain(`href="${answerPath(link, missing.code)}?returnTo=check"`);
    expect(summary.match(/<li>/g)).toHaveLength(1);
    expect(refused.body).toContain('Check your answers');
    expect(await progress(view)).toMatchObject({ started: 1, submitted: 0 });

    // With nothing answered, every question is listed.
    const other = await invite(view, 'e@x.example');
    const otherBrowser = new Browser(t.app);
    await otherBrowser.get(`${other}/check`);
    const none = await otherBrowser.post(`${other}/submit`);
    expect(none.statusCode).toBe(400);
    expect(errorSummary(none.body).match(/<li>/g)).toHaveLength(8);

    // The confirmation page is only for sent answers.
    const early = await browser.get(`${link}/done`);
    expect(early.statusCode).toBe(303);
    expect(early.headers.location).toBe(`${link}/check`);
  });

  it('"Save and come back later" saves the answer and says to use the emailed link', async () => {
    const view = await newRound();
    const [first, second] = view.indicators;
    if (!first || !second) throw new Error('no indicators');
    const link = await invite(view, 'f@x.example');
    const browser = new Browser(t.app);

    const saved = await answer(browser, link, first.code, { rating: '4', action: 'save-for-later' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${link}/saved`);
    const page = await browser.get(`${link}/saved`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Your answers have been saved');
    expect(page.body).toContain('use the link in the email we sent you');
    expect(page.body).toContain('You have answered 1 of 8 questions');

    // Nothing chosen on the next page: nothing to save, and no error.
    const empty = await answer(browser, link, second.code, { action: 'save-for-later' });
    expect(empty.statusCode).toBe(303);
    expect(empty.headers.location).toBe(`${link}/saved`);

    // Something typed but not valid is not thrown away: the page asks for it to be fixed.
    const invalid = await answer(browser, link, second.code, {
      action: 'save-for-later',
      comment: 'Only a comment',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Only a comment');

    const start = await browser.get(link);
    expect(start.body).toContain('Continue');
    expect(start.body).toContain(`href="${answerPath(link, second.code)}"`);
    expect(start.body).toContain('You have answered 1 of 8 questions');
    expect(start.body).toContain('Your answers so far');
    const answers = (await services().assessments.openResponse(tokenOf(link)))?.answers;
    expect([...(answers?.keys() ?? [])]).toEqual([first.code]);
  });

  it('answers an unknown link with a 404 that explains links are personal', async () => {
    const view = await newRound();
    const code = view.indicators[0]?.code ?? '';
    const browser = new Browser(t.app);
    await browser.get('/sign-in'); // for a CSRF token
    const unknown = '/respond/not-a-real-token';
    for (const response of [
      await browser.get(unknown),
      await browser.get(answerPath(unknown, code)),
      await browser.get(`${unknown}/check`),
      await browser.get(`${unknown}/done`),
      await browser.post(answerPath(unknown, code), { rating: '2' }),
      await browser.post(`${unknown}/submit`),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('This link does not work');
      expect(response.body).toContain('Links to answer are personal');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('answers a question that is not in the round with "Page not found"', async () => {
    const view = await newRound();
    const link = await invite(view, 'g@x.example');
    const fullOnly = view.framework.principles
      .flatMap((p) => p.indicators)
      .find((indicator) => !indicator.quickCheck);
    for (const code of ['XX9', fullOnly?.code ?? '']) {
      const response = await new Browser(t.app).get(answerPath(link, code));
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('Page not found');
    }
  });

  it('a closed round cannot be answered, and says so', async () => {
    const view = await newRound();
    const [first, second] = view.indicators;
    if (!first || !second) throw new Error('no indicators');
    const link = await invite(view, 'h@x.example');
    const browser = new Browser(t.app);
    expect((await answer(browser, link, first.code, { rating: '2' })).statusCode).toBe(303);
    await browser.get(answerPath(link, second.code)); // the form was open when the round closed

    await services().assessments.close(partnership.id, view.round.id, actor);

    const refused = await browser.post(answerPath(link, second.code), {
      rating: '3',
      comment: '',
      evidenceUrl: '',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('This round has closed');
    expect(refused.body).toContain('This round is not open, so answers cannot be changed');
    expect(refused.body).not.toContain('name="rating"');

    const changeFirst = await browser.post(answerPath(link, first.code), {
      rating: '4',
      comment: '',
      evidenceUrl: '',
    });
    expect(changeFirst.statusCode).toBe(400);
    const answers = (await services().assessments.openResponse(tokenOf(link)))?.answers;
    expect([...(answers?.entries() ?? [])].map(([code, a]) => [code, a.rating])).toEqual([[first.code, '2']]);

    for (const path of [link, answerPath(link, first.code), `${link}/check`]) {
      const page = await browser.get(path);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('This round has closed');
      expect(page.body).toContain('Thank you');
      expect(page.body).not.toContain('name="rating"');
      expect(page.body).not.toContain('Start now');
    }
    const submit = await browser.post(`${link}/submit`);
    expect(submit.statusCode).toBe(400);
    expect(submit.body).toContain('This round is not open');
    expect(await progress(view)).toMatchObject({ submitted: 0 });
  });

  it('a round that has not opened yet says when it opens', async () => {
    const view = await newRound({ opensOn: '2026-03-09' });
    const link = await invite(view, 'i@x.example');
    const browser = new Browser(t.app);
    const start = await browser.get(link);
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('This round has not opened yet');
    expect(start.body).toContain('You can answer from 9 March 2026 until 31 March 2026');
    const code = view.indicators[0]?.code ?? '';
    const question = await browser.get(answerPath(link, code));
    expect(question.body).toContain('This round has not opened yet');
    expect(question.body).not.toContain('name="rating"');
    await browser.get('/sign-in'); // the page has no form, so take a CSRF token from another
    const refused = await browser.post(answerPath(link, code), { rating: '2', comment: '', evidenceUrl: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('This round is not open');
    expect(await progress(view)).toMatchObject({ started: 0 });
  });
});

describe('a group’s shareable link', () => {
  it('explains the round and asks for an email address, with GOV.UK errors', async () => {
    const view = await newRound();
    const share = await shareLinkPath(view, 1);
    const browser = new Browser(t.app);
    const page = await browser.get(share);
    expect(page.statusCode).toBe(200);
    expectPrivate(page);
    const text = decode(page.body);
    expect(text).toContain(`Take part in ${view.round.name}`);
    expect(text).toContain('There are 8 questions. It takes about 10 minutes');
    expect(text).toContain('Nobody, including the organisers, can see one person’s answers');
    expect(text).toContain('Comments are never linked to you');
    expect(text).toContain('at least 3 people in it have answered');
    expect(text).toContain('VCS group');
    expect(page.body).toContain('type="email"');

    const empty = await browser.post(share, { email: '' });
    expect(empty.statusCode).toBe(400);
    expect(errorSummary(empty.body)).toContain('Enter your email address');
    const wrong = await browser.post(share, { email: 'not-an-address' });
    expect(wrong.statusCode).toBe(400);
    expect(errorSummary(wrong.body)).toContain('href="#email"');
    expect(errorSummary(wrong.body)).toContain('Enter an email address in the correct format');
    expect(wrong.body).toContain('value="not-an-address"');
    expect(await progress(view)).toMatchObject({ invited: 0 });
  });

  it('cannot be used to answer twice from one address: the newest link wins and opens the same answers', async () => {
    const view = await newRound();
    const [first] = view.indicators;
    if (!first) throw new Error('no indicators');
    const share = await shareLinkPath(view, 1);
    const email = 'twice@x.example';

    const browser = new Browser(t.app);
    await browser.get(share);
    const sent = await browser.post(share, { email });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Check your email');
    clock.advanceMinutes(1);
    const firstLink = await newLinkFor(email, []);
    expect(await progress(view)).toMatchObject({ invited: 1, started: 0 });

    const respondent = new Browser(t.app);
    expect(
      (await answer(respondent, firstLink, first.code, { rating: '4', comment: 'From the first link' }))
        .statusCode,
    ).toBe(303);

    // The same person asks again, typing their address differently.
    await browser.get(share);
    expect((await browser.post(share, { email: '  Twice@X.example ' })).statusCode).toBe(200);
    clock.advanceMinutes(1);
    const secondLink = await newLinkFor(email, [firstLink]);
    expect(secondLink).not.toBe(firstLink);

    const reopened = await respondent.get(answerPath(secondLink, first.code));
    expect(reopened.statusCode).toBe(200);
    expect(reopened.body).toContain('value="4" checked');
    expect(reopened.body).toContain('From the first link');
    expect((await respondent.get(secondLink)).body).toContain('Continue');

    const old = await respondent.get(firstLink);
    expect(old.statusCode).toBe(404);
    expect(old.body).toContain('This link does not work');

    expect(await progress(view)).toMatchObject({ invited: 1, started: 1, submitted: 0 });
    // Answering on through the new link still adds to the one response.
    const [, secondQuestion] = view.indicators;
    expect(
      (await answer(respondent, secondLink, secondQuestion?.code ?? '', { rating: '2' })).statusCode,
    ).toBe(303);
    expect(await progress(view)).toMatchObject({ invited: 1, started: 1 });
  });

  it('does not reveal whether an address was already invited', async () => {
    const view = await newRound();
    await invite(view, 'known@x.example', 1);
    const share = await shareLinkPath(view, 1);

    const reply = async (email: string) => {
      const browser = new Browser(t.app);
      await browser.get(share);
      const response = await browser.post(share, { email });
      expect(response.statusCode).toBe(200);
      return response.body.replace(/name="_csrf" value="[^"]*"/g, '').replaceAll(email, 'EMAIL');
    };
    const known = await reply('known@x.example');
    const unknown = await reply('new@x.example');
    expect(known).toContain('Check your email');
    expect(known).toContain('EMAIL');
    expect(known).toEqual(unknown);
    // Both were sent a link, so nothing about the address shows in the mail either.
    expect(await respondPathsFor('known@x.example')).toHaveLength(2);
    expect(await respondPathsFor('new@x.example')).toHaveLength(1);
  });

  it('says a closed round is not open, and an unknown link does not work', async () => {
    const view = await newRound();
    const share = await shareLinkPath(view);
    await services().assessments.close(partnership.id, view.round.id, actor);
    const browser = new Browser(t.app);
    const page = await browser.get(share);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This round has closed');
    expect(page.body).not.toContain('name="email"');
    await browser.get('/sign-in');
    const post = await browser.post(share, { email: 'late@x.example' });
    expect(post.body).toContain('This round has closed');
    expect(await respondPathsFor('late@x.example')).toHaveLength(0);

    for (const response of [
      await browser.get('/share/not-a-real-token'),
      await browser.post('/share/not-a-real-token', { email: 'late@x.example' }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('This link does not work');
    }
    // A replaced share link stops working.
    const fresh = await newRound();
    const oldShare = await shareLinkPath(fresh);
    await shareLinkPath(fresh);
    expect((await browser.get(oldShare)).statusCode).toBe(404);
  });

  it('limits how often one address on the internet can ask for links', async () => {
    const view = await newRound();
    const share = await shareLinkPath(view);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt += 1) {
      const response = await t.app.inject({
        method: 'POST',
        url: share,
        // The connection's own address: without TRUST_PROXY, X-Forwarded-For is not believed.
        remoteAddress: '203.0.113.7',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'email=someone%40x.example',
      });
      statuses.push(response.statusCode);
    }
    // Without a CSRF token each is refused (403) until the limit, which answers 429 before anything else.
    expect(statuses.slice(0, 30).every((status) => status === 403)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

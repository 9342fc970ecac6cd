import type { RoundView } from '../../src/app/assessments/rounds.js';
import type { PartnershipRecord } from '../../src/app/ports.js';
import type { FakeClock, TestApp } from './test-app.js';

/**
 * The scenario for results, reports and the API: threshold 3; 3 council, 5 VCS and 2 faith
 * respondents. The faith group is below the threshold, so nothing it said may show anywhere.
 */
export const scenarioActor = { userId: null, label: 'test' };
export const FAITH_SECRET = 'FAITH-SECRET-COMMENT';
export const VCS_COMMENT = 'VCS-VISIBLE-COMMENT';
export const COUNCIL_COMMENT = 'COUNCIL-VISIBLE-COMMENT';

export type Answer = { rating: string; comment?: string };

/** Invites `count` people to a group and returns their personal tokens, read from the outbox. */
export async function respondents(
  t: TestApp,
  clock: FakeClock,
  view: RoundView,
  groupName: string,
  count: number,
  prefix: string,
): Promise<string[]> {
  const group = view.groups.find((g) => g.name === groupName);
  if (!group) throw new Error(`No group ${groupName}`);
  const emails = Array.from({ length: count }, (_, i) => `${prefix}-${i}@respondents.example`);
  clock.advanceMinutes(1); // so these messages are the newest in the outbox
  await t.runtime.services.assessments.invite(view, 'Northmoor', group.id, emails.join('\n'), scenarioActor);
  const messages = await t.runtime.services.store.outbox.listRecent(100);
  return emails.map((email) => {
    const body = messages.find((message) => message.recipient === email)?.bodyText ?? '';
    const token = /\/respond\/([A-Za-z0-9_-]+)/.exec(body)?.[1];
    if (!token) throw new Error(`No link for ${email}`);
    return token;
  });
}

/** Answers every question for each token through the use-cases, then submits. */
export async function answerAll(
  t: TestApp,
  view: RoundView,
  tokens: readonly string[],
  answer: (code: string, who: number) => Answer,
): Promise<void> {
  for (const [who, token] of tokens.entries()) {
    for (const indicator of view.indicators) {
      const { rating, comment = '' } = answer(indicator.code, who);
      await t.runtime.services.assessments.saveAnswer(token, indicator.code, {
        rating,
        comment,
        evidenceUrl: '',
      });
    }
    await t.runtime.services.assessments.submit(token);
  }
}

// Council: SF indicators 2, 2, 3 (median 2); every other indicator 3, 4, 4 (median 4).
export const councilAnswer = (code: string, who: number): Answer => ({
  rating: (code.startsWith('SF') ? ['2', '2', '3'] : ['3', '4', '4'])[who] ?? '',
  comment: code === 'RC1' && who === 0 ? COUNCIL_COMMENT : '',
});

// VCS: SF1 don't know, 2, 2, 3, 4 (median 2.5); SF2 don't know twice, 2, 3, 4 (median 3, 40% don't know);
// every other indicator 1, 2, 2, 3, 4 (median 2, range 1–4, quartiles 1.5 and 3.5).
export const vcsAnswer = (code: string, who: number): Answer => {
  const ratings =
    code === 'SF1'
      ? ['dont-know', '2', '2', '3', '4']
      : code === 'SF2'
        ? ['dont-know', 'dont-know', '2', '3', '4']
        : ['1', '2', '2', '3', '4'];
  return { rating: ratings[who] ?? '', comment: code === 'SF1' && who === 0 ? VCS_COMMENT : '' };
};

// Faith: everything 4 with a comment. Pooled, the community side's usual median would be 3 (not 2), its
// middle half 2–4, and it would count 7 people (not 5).
export const faithAnswer = (): Answer => ({ rating: '4', comment: FAITH_SECRET });

/** A round in March 2026 with a council, a VCS and a faith group, each on its own side; returns its view. */
export async function createThreeGroupRound(
  t: TestApp,
  partnership: PartnershipRecord,
  name: string,
  kind: 'full' | 'quick' = 'full',
) {
  const round = await t.runtime.services.assessments.create(
    partnership,
    {
      name,
      kind,
      threshold: '3',
      opensOn: '2026-03-02',
      closesOn: '2026-03-31',
      groups: [
        { kind: 'council', name: 'Council', side: '' },
        { kind: 'vcs', name: 'VCS', side: '' },
        { kind: 'faith', name: 'Faith', side: '' },
      ],
    },
    scenarioActor,
  );
  const view = await t.runtime.services.assessments.find(partnership.id, round.id);
  if (!view) throw new Error('round not found');
  return view;
}

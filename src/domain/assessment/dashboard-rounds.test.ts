import { describe, expect, it } from 'vitest';
import { currentOrLastRound, latestRoundWithFigures } from './dashboard-rounds.js';
import type { RoundStatus } from './round-rules.js';

const round = (name: string, status: RoundStatus, figures = true) => ({ name, status, figures });

describe('currentOrLastRound', () => {
  it.each([
    [
      'the open round over a newer scheduled one',
      [round('next', 'scheduled'), round('now', 'open'), round('old', 'closed')],
      'now',
    ],
    ['the newest open round when two are open', [round('b', 'open'), round('a', 'open')], 'b'],
    [
      'the newest closed round when none is open',
      [round('next', 'scheduled'), round('last', 'closed'), round('older', 'closed')],
      'last',
    ],
    ['nothing when only scheduled rounds exist', [round('next', 'scheduled')], undefined],
    ['nothing when there are no rounds', [], undefined],
  ])('picks %s', (_label, rounds, expected) => {
    expect(currentOrLastRound(rounds)?.name).toBe(expected);
  });
});

describe('latestRoundWithFigures', () => {
  it.each([
    ['the open round when it has figures', [round('now', 'open'), round('old', 'closed')], 'now'],
    [
      'the last closed round when the open one has none yet',
      [round('now', 'open', false), round('old', 'closed')],
      'old',
    ],
    ['never a scheduled round', [round('next', 'scheduled'), round('old', 'closed', false)], undefined],
    [
      'an older round when the newer closed one has none',
      [round('b', 'closed', false), round('a', 'closed')],
      'a',
    ],
  ])('picks %s', async (_label, rounds, expected) => {
    const asked: string[] = [];
    const found = await latestRoundWithFigures(rounds, (r) => {
      asked.push(r.name);
      return Promise.resolve(r.figures);
    });
    expect(found?.name).toBe(expected);
    expect(asked).not.toContain('next');
  });

  it('stops asking once a round with figures is found', async () => {
    const asked: string[] = [];
    await latestRoundWithFigures([round('b', 'open'), round('a', 'closed')], (r) => {
      asked.push(r.name);
      return Promise.resolve(true);
    });
    expect(asked).toEqual(['b']);
  });
});

import { describe, expect, it } from 'vitest';
import { getStartedProgress, type GetStartedTask, type SetupCounts } from './get-started.js';

const empty: SetupCounts = {
  areas: 0,
  organisations: 0,
  members: 1,
  pendingInvitations: 0,
  rounds: 0,
  services: 0,
  needs: 0,
};

describe('getStartedProgress', () => {
  const cases: readonly [string, Partial<SetupCounts>, readonly GetStartedTask[]][] = [
    ['a new partnership with only its admin', {}, []],
    ['areas imported', { areas: 12 }, ['area-data']],
    ['only the council as an organisation', { organisations: 1 }, []],
    ['the council and one partner', { organisations: 2 }, ['organisations']],
    ['a second member', { members: 2 }, ['members']],
    ['an invitation waiting', { pendingInvitations: 1 }, ['members']],
    ['a round created', { rounds: 1 }, ['first-quick-check']],
    ['a service in the directory', { services: 1 }, ['directory']],
    ['a need recorded', { needs: 3 }, ['needs']],
    [
      'everything',
      { areas: 1, organisations: 2, members: 2, rounds: 1, services: 1, needs: 1 },
      ['area-data', 'organisations', 'members', 'first-quick-check', 'directory', 'needs'],
    ],
  ];
  it.each(cases)('%s', (_name, change, done) => {
    const progress = getStartedProgress({ ...empty, ...change });
    expect(progress.tasks.filter((status) => status.done).map((status) => status.task)).toEqual(done);
    expect(progress.doneCount).toBe(done.length);
    expect(progress.allDone).toBe(done.length === 6);
  });

  const nextCases: readonly [string, Partial<SetupCounts>, GetStartedTask | undefined][] = [
    ['nothing done: area data first', {}, 'area-data'],
    ['areas and organisations done: members next', { areas: 1, organisations: 3 }, 'members'],
    ['only needs left', { areas: 1, organisations: 2, members: 4, rounds: 2, services: 9 }, 'needs'],
    [
      'all done: nothing next',
      { areas: 1, organisations: 2, members: 2, rounds: 1, services: 1, needs: 1 },
      undefined,
    ],
  ];
  it.each(nextCases)('next task when %s', (_name, change, next) => {
    expect(getStartedProgress({ ...empty, ...change }).next).toBe(next);
  });
});

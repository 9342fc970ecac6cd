import { describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../app/ports.js';
import type { Framework } from '../../domain/framework/framework.js';
import type { RoundComparison } from '../../domain/results/index.js';
import { carriedActionRows } from './carried-actions.js';

const framework = {
  principles: [
    {
      code: 'SF',
      indicators: [
        { code: 'SF1', title: 'A shared purpose' },
        { code: 'SF2', title: 'Clear roles' },
      ],
    },
  ],
} as unknown as Framework;

const action = {
  id: 'a1',
  title: 'Write a new statement',
  status: 'in-progress',
  indicatorCodes: ['SF1', 'SF2'],
} as ActionRecord;

describe('carriedActionRows', () => {
  it('shows how each linked indicator moved on each side, and says when it cannot', () => {
    const comparison = {
      sharedIndicatorCodes: ['SF1'],
      council: [
        { indicatorCode: 'SF1', principleCode: 'SF', previousMedian: 2, currentMedian: 3, change: 1 },
      ],
      community: [],
    } as RoundComparison;
    expect(carriedActionRows([action], framework, comparison)).toEqual([
      {
        id: 'a1',
        title: 'Write a new statement',
        status: 'In progress',
        indicators: [
          {
            code: 'SF1',
            title: 'A shared purpose',
            council: '2 to 3',
            community: 'not asked in both rounds, or not enough answers',
          },
          {
            code: 'SF2',
            title: 'Clear roles',
            council: 'not asked in both rounds, or not enough answers',
            community: 'not asked in both rounds, or not enough answers',
          },
        ],
      },
    ]);
  });

  it('works without a previous round', () => {
    expect(carriedActionRows([action], framework, undefined)[0]?.indicators[0]?.council).toMatch(/not asked/);
  });
});

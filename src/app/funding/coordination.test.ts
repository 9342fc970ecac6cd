import { describe, expect, it } from 'vitest';
import type { Framework } from '../../domain/framework/framework.js';
import { coordinationDescription, coordinationTitle, fundingIndicatorCode } from './coordination.js';

const frameworkWith = (titles: Record<string, string>) =>
  ({
    principles: [{ indicators: Object.entries(titles).map(([code, title]) => ({ code, title })) }],
  }) as unknown as Framework;

describe('joint-bid actions', () => {
  it.each([
    ['joint-bid', 'Reaching Communities', 'Plan a joint bid to Reaching Communities'],
    ['conversation', 'Reaching Communities', 'Talk about bids to Reaching Communities'],
  ] as const)('titles a %s about %s as “%s”', (kind, fund, title) => {
    expect(coordinationTitle(kind, fund)).toBe(title);
  });
  it('keeps a long title within the action limit of 160 characters', () => {
    expect(coordinationTitle('joint-bid', 'x'.repeat(300))).toHaveLength(160);
  });
  it('names the lead bidders, or speaks of partners when there is no clash', () => {
    expect(coordinationDescription('joint-bid', 'Fund', 'Funder', ['A', 'B', 'C'])).toMatch(
      /^A, B and C each planned/,
    );
    expect(coordinationDescription('conversation', 'Fund', 'Funder', [])).toMatch(
      /^Partners are interested in Fund/,
    );
  });
  it.each([
    [{ CR4: 'Bidding for funding together', CR2: 'Fair and timely funding' }, 'CR4'],
    [{ X1: 'Fair and timely funding', X2: 'Funding together with partners' }, 'X2'],
    [{ SF1: 'A shared written purpose' }, undefined],
  ])('finds the funding-together indicator in %o', (titles, code) => {
    expect(fundingIndicatorCode(frameworkWith(titles))).toBe(code);
  });
});

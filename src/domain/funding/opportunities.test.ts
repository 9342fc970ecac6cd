import { describe, expect, it } from 'vitest';
import { byDeadline, checkOpportunityDraft, deadlineState, type OpportunityDraft } from './opportunities.js';
import { formatRange, parseAmount } from './money.js';

const rules = { themeIds: new Set(['food', 'money']), areaCodes: new Set(['E05000001', 'E06000001']) };
const draft = (overrides: Partial<OpportunityDraft> = {}): OpportunityDraft => ({
  funder: 'National Lottery Community Fund',
  fundName: 'Reaching Communities',
  amountMin: '10,000',
  amountMax: '£500000',
  currency: 'GBP',
  deadline: '2026-05-01',
  themes: ['food'],
  areaCodes: ['e05000001'],
  link: 'https://example.org/fund',
  notes: '',
  ...overrides,
});

describe('checkOpportunityDraft', () => {
  it('accepts a full opportunity and keeps amounts in pence', () => {
    const result = checkOpportunityDraft(draft(), rules);
    expect(result).toMatchObject({
      ok: true,
      value: { amountMin: 1_000_000, amountMax: 50_000_000, areaCodes: ['E05000001'], currency: 'GBP' },
    });
  });
  it.each([
    [{ funder: '' }, 'funder'],
    [{ fundName: ' ' }, 'fundName'],
    [{ amountMin: 'lots' }, 'amountMin'],
    [{ amountMin: '600000' }, 'amountMax'],
    [{ currency: 'JPY' }, 'currency'],
    [{ deadline: '2026-02-30' }, 'deadline'],
    [{ themes: ['unknown'] }, 'themes'],
    [{ areaCodes: ['E05999999'] }, 'areaCodes'],
    [{ link: 'javascript:alert(1)' }, 'link'],
    [{ link: 'not a link' }, 'link'],
  ] as const)('rejects %o with a problem on %s', (overrides, field) => {
    const result = checkOpportunityDraft(draft(overrides), rules);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems)).toEqual([field]);
  });
});

describe('deadlines', () => {
  it.each([
    [null, 'none'],
    ['2026-03-01', 'closed'],
    ['2026-03-02', 'today'],
    ['2026-03-16', 'soon'],
    ['2026-03-17', 'open'],
  ] as const)('%s is %s on 2 March', (deadline, state) => {
    expect(deadlineState(deadline, '2026-03-02')).toBe(state);
  });
  it('orders open deadlines soonest first, then none, then passed ones newest first', () => {
    const list = [
      { fundName: 'Passed long ago', deadline: '2025-01-01' },
      { fundName: 'No deadline', deadline: null },
      { fundName: 'Later', deadline: '2026-06-01' },
      { fundName: 'Passed lately', deadline: '2026-02-01' },
      { fundName: 'Soon', deadline: '2026-03-05' },
    ];
    expect(byDeadline(list, '2026-03-02').map((o) => o.fundName)).toEqual([
      'Soon',
      'Later',
      'No deadline',
      'Passed lately',
      'Passed long ago',
    ]);
  });
});

describe('money', () => {
  it.each([
    ['12500', 1_250_000],
    ['£12,500.5', 1_250_050],
    ['0.99', 99],
    ['12.345', null],
    ['-5', null],
    ['1e6', null],
  ] as const)('parses %s as %s', (text, minor) => {
    expect(parseAmount(text)).toBe(minor);
  });
  it.each([
    [100_000, 2_000_000, 'GBP', '£1,000 to £20,000'],
    [null, 2_000_000, 'GBP', 'Up to £20,000'],
    [50, null, 'USD', 'From US$0.50'],
    [null, null, 'EUR', 'Not known'],
  ] as const)('shows %s to %s %s as %s', (min, max, currency, text) => {
    expect(formatRange(min, max, currency)).toBe(text);
  });
});

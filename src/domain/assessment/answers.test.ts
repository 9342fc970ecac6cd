import { describe, expect, it } from 'vitest';
import { checkAnswer, ratingCode, ratingFromCode } from './answers.js';

describe('checkAnswer', () => {
  it.each([
    [
      { rating: '3', comment: ' Good forum ', evidenceUrl: '' },
      { rating: { kind: 'level', level: 3 }, comment: 'Good forum', evidenceUrl: null },
    ],
    [
      { rating: 'dont-know', comment: '', evidenceUrl: 'https://example.org/plan.pdf' },
      { rating: { kind: 'dont-know' }, comment: null, evidenceUrl: 'https://example.org/plan.pdf' },
    ],
    [
      { rating: 'not-applicable', comment: '', evidenceUrl: '' },
      { rating: { kind: 'not-applicable' }, comment: null, evidenceUrl: null },
    ],
  ])('accepts %o', (draft, expected) => expect(checkAnswer(draft)).toEqual({ ok: true, value: expected }));

  it.each([
    [{ rating: '', comment: '', evidenceUrl: '' }, ['rating']],
    [{ rating: '5', comment: '', evidenceUrl: '' }, ['rating']],
    [{ rating: '2', comment: 'x'.repeat(2001), evidenceUrl: '' }, ['comment']],
    [{ rating: '2', comment: '', evidenceUrl: 'javascript:alert(1)' }, ['evidenceUrl']],
    [{ rating: '0', comment: '', evidenceUrl: 'not a url' }, ['rating', 'evidenceUrl']],
  ])('rejects %o', (draft, fields) => {
    const result = checkAnswer(draft);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems).sort()).toEqual(fields.sort());
  });
});

describe('rating codes', () => {
  it.each(['1', '2', '3', '4', 'dont-know', 'not-applicable'])('%s round-trips', (code) => {
    const rating = ratingFromCode(code);
    expect(rating && ratingCode(rating)).toBe(code);
  });
  it('rejects an unknown code', () => expect(ratingFromCode('maybe')).toBeUndefined());
});

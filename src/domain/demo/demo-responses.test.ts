import { describe, expect, it } from 'vitest';
import { demoAnswers } from './demo-responses.js';

describe('demoAnswers', () => {
  const codes = ['SF1', 'RC2', 'CR2', 'ES3'];

  it('is repeatable and answers every indicator with a valid code', () => {
    const answers = demoAnswers(7, 'community', codes, 6);
    expect(demoAnswers(7, 'community', codes, 6)).toEqual(answers);
    expect(answers).toHaveLength(6);
    for (const answer of answers) {
      expect(Object.keys(answer.ratings).sort()).toEqual([...codes].sort());
      for (const value of Object.values(answer.ratings)) {
        expect(['1', '2', '3', '4', 'dont-know', 'not-applicable']).toContain(value);
      }
    }
  });

  it('makes the council side more positive than the community side about challenge (RC2)', () => {
    const mean = (side: 'council' | 'community') => {
      const levels = demoAnswers(11, side, ['RC2'], 200)
        .map((a) => Number(a.ratings.RC2))
        .filter((n) => !Number.isNaN(n));
      return levels.reduce((a, b) => a + b, 0) / levels.length;
    };
    expect(mean('council') - mean('community')).toBeGreaterThan(1);
  });
});

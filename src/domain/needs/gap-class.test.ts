import { describe, expect, it } from 'vitest';
import { defaultGapSettings } from './analyse.js';
import { classifyGap, classReason, gapScore, potentialProvisionText } from './gap-class.js';

const thresholds = defaultGapSettings.thresholds;

describe('classifyGap at each threshold (high need 60, low need 30; provision 0.5, 1.5, 3)', () => {
  it.each([
    [null, 0, 'no-data'],
    [null, 5, 'no-data'],
    [60, 0.49, 'unmet-need'],
    [100, 0, 'unmet-need'],
    [60, 0.5, 'thin-provision'],
    [59.9, 0, 'thin-provision'],
    [30, 1.49, 'thin-provision'],
    [30, 1.5, 'balanced'],
    [90, 1.5, 'balanced'],
    [29.9, 1.49, 'balanced'],
    [29.9, 2.99, 'balanced'],
    [29.9, 3, 'overlap'],
    [0, 10, 'overlap'],
    [30, 3, 'balanced'],
  ] as const)('need %s, provision %s: %s', (need, provision, gapClass) => {
    expect(classifyGap(need, provision, thresholds)).toBe(gapClass);
  });
});

describe('classifyGap when nothing is recorded for the theme in the partnership', () => {
  it.each([
    [null, 0, 'no-data'],
    [100, 0, 'no-provision-data'],
    [10, 0, 'no-provision-data'],
  ] as const)('need %s, provision %s: %s, with a gap score of 0', (need, provision, gapClass) => {
    expect(classifyGap(need, provision, thresholds, false)).toBe(gapClass);
    expect(gapScore(need, provision, false)).toBe(0);
  });
});

describe('classifyGap with organisations that work on the theme but list no service (potential provision)', () => {
  it.each([
    // high need and little provision from services: thin, not unmet, once one such organisation exists
    [100, 0, 0, 'unmet-need'],
    [100, 0, 1, 'thin-provision'],
    [60, 0.49, 3, 'thin-provision'],
    // the rest is as without them: they are never counted as provision
    [59.9, 0, 3, 'thin-provision'],
    [90, 1.5, 3, 'balanced'],
    [29.9, 0, 3, 'balanced'],
    [29.9, 3, 3, 'overlap'],
    [null, 0, 3, 'no-data'],
  ] as const)('need %s, provision %s, %s organisations: %s', (need, provision, potential, gapClass) => {
    expect(classifyGap(need, provision, thresholds, true, potential)).toBe(gapClass);
  });

  it('says how many, in the singular and the plural', () => {
    expect(potentialProvisionText(1)).toBe('1 charity or group works on this but lists no service');
    expect(potentialProvisionText(3)).toBe('3 charities or groups work on this but list no service');
  });

  it('gives the reason with the organisations, and adds them to any other reason', () => {
    expect(classReason(80, 0, thresholds, true, 3)).toBe(
      'Need is 80, at or above the high-need threshold of 60, and provision from services is 0, below the ' +
        'little-provision threshold of 0.5, but 3 charities or groups work on this but list no service, so ' +
        'provision is thin: they may be able to help, though they are not counted as services.',
    );
    expect(classReason(45, 1.2, thresholds, true, 1)).toBe(
      'Need is 45, at or above the low-need threshold of 30, and provision is 1.2, below the thin-provision ' +
        'threshold of 1.5, so provision is thin. Also, 1 charity or group works on this but lists no service ' +
        '(potential provision, not counted above).',
    );
    expect(classReason(80, 0, thresholds, true, 0)).toContain('so need is unmet.');
  });
});

describe('gapScore', () => {
  it.each([
    [null, 0, 0],
    [60, 0, 60],
    [60, 0.5, 40],
    [30, 2, 10],
  ])('need %s, provision %s: %s', (need, provision, score) => {
    expect(gapScore(need, provision)).toBeCloseTo(score, 10);
  });

  it('grows with need and shrinks with provision', () => {
    expect(gapScore(70, 1)).toBeGreaterThan(gapScore(60, 1));
    expect(gapScore(60, 1)).toBeLessThan(gapScore(60, 0.5));
  });
});

describe('classReason', () => {
  it.each([
    [null, 0, ['no area statistics or local needs records']],
    [
      72.04,
      0.333,
      [
        'Need is 72',
        'high-need threshold of 60',
        'provision is 0.33',
        'little-provision threshold of 0.5',
        'unmet',
      ],
    ],
    [45, 1.2, ['Need is 45', 'low-need threshold of 30', 'thin-provision threshold of 1.5', 'thin']],
    [12, 4, ['below the low-need threshold of 30', 'overlap threshold of 3', 'overlap']],
    [12, 1, ['below the overlap threshold of 3', 'balanced']],
    [80, 2, ['at or above the thin-provision threshold of 1.5', 'balanced']],
  ] as const)('need %s, provision %s', (need, provision, phrases) => {
    const reason = classReason(need, provision, thresholds);
    for (const phrase of phrases) expect(reason).toContain(phrase);
  });
});

import { describe, expect, it } from 'vitest';
import type { Rating } from './rating.js';
import { ownValue, validateRoundInput, type RoundInput } from './round-input.js';

const base: RoundInput = {
  principles: [{ code: 'SF', name: 'Shared foundations', indicatorCodes: ['SF1', 'SF5'] }],
  groups: [{ id: 'vcs', name: 'VCS', side: 'community' }],
  responses: [{ groupId: 'vcs', ratings: { SF1: { kind: 'level', level: 2 } } }],
  threshold: 3,
};

describe('validateRoundInput', () => {
  it.each([
    ['threshold given', base, 3],
    ['threshold not given: the default 5', { ...base, threshold: undefined }, 5],
    [
      'ratings for an indicator outside the framework are ignored, not an error',
      { ...base, responses: [{ groupId: 'vcs', ratings: { XX9: { kind: 'dont-know' } as Rating } }] },
      3,
    ],
  ])('accepts %s', (_name, input, threshold) => {
    expect(validateRoundInput(input)).toBe(threshold);
  });

  it('rejects a threshold of 2 with a RangeError', () => {
    expect(() => validateRoundInput({ ...base, threshold: 2 })).toThrow(RangeError);
  });

  it.each([
    [
      'a principle listed twice',
      { ...base, principles: [...base.principles, { code: 'SF', name: 'Again', indicatorCodes: ['SF2'] }] },
      'Principle SF is listed twice',
    ],
    [
      'an indicator in two principles',
      { ...base, principles: [...base.principles, { code: 'RC', name: 'RC', indicatorCodes: ['SF5'] }] },
      'Indicator SF5 is listed twice',
    ],
    [
      'a group listed twice',
      { ...base, groups: [...base.groups, { id: 'vcs', name: 'Again', side: 'council' as const }] },
      'Respondent group vcs is listed twice',
    ],
    [
      'a response for a group not in the round',
      { ...base, responses: [{ groupId: 'elsewhere', ratings: {} }] },
      'Response 1 is for respondent group elsewhere, not in this round',
    ],
    [
      'a level outside 1–4',
      {
        ...base,
        responses: [{ groupId: 'vcs', ratings: { SF1: { kind: 'level', level: 7 } as unknown as Rating } }],
      },
      'Response 1 has an invalid rating for SF1',
    ],
  ])('rejects %s', (_name, input, message) => {
    expect(() => validateRoundInput(input)).toThrow(message);
  });
});

describe('ownValue', () => {
  it.each([
    ['present', { SF1: 'a' }, 'SF1', 'a'],
    ['absent', { SF1: 'a' }, 'SF5', undefined],
    ['inherited from Object.prototype', {}, 'toString', undefined],
    ['no record', undefined, 'SF1', undefined],
  ])('%s', (_name, record, key, expected) => {
    expect(ownValue(record, key)).toBe(expected);
  });
});

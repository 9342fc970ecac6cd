import { describe, expect, it } from 'vitest';
import { invitationWarning, invitationWarnings } from './invitation-warnings.js';

describe('invitationWarning', () => {
  it.each([
    [
      3,
      5,
      'Council has 3 people invited. Answers from a group are only shown when at least 5 people answer, so invite at least 2 more or the answers from Council will not be shown.',
    ],
    [
      1,
      3,
      'Council has 1 person invited. Answers from a group are only shown when at least 3 people answer, so invite at least 2 more or the answers from Council will not be shown.',
    ],
    [
      0,
      5,
      'Council has nobody invited yet. Answers from a group are only shown when at least 5 people answer, so invite at least 5 more or the answers from Council will not be shown.',
    ],
    [5, 5, undefined],
    [9, 5, undefined],
  ])('%i invited against a threshold of %i', (invited, threshold, expected) => {
    expect(invitationWarning('Council', invited, threshold)).toBe(expected);
  });

  it('lists only the groups below the threshold, in order', () => {
    const warnings = invitationWarnings(
      [
        { groupId: 'a', groupName: 'Council', invited: 2 },
        { groupId: 'b', groupName: 'VCS', invited: 6 },
        { groupId: 'c', groupName: 'Faith', invited: 0 },
      ],
      5,
    );
    expect(warnings.map((warning) => warning.groupId)).toEqual(['a', 'c']);
  });
});

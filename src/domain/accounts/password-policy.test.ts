import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it.each([
    ['short', /at least 12/],
    ['aaaaaaaaaaaaaaaa', /too common/],
    ['Password1234', /too common/],
    ['x'.repeat(201), /200 characters or fewer/],
    ['correct horse battery', undefined],
    ['twelve chars', undefined],
  ])('%s', (password, expected) => {
    const problem = passwordProblem(password);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { poolComments } from './comments.js';
import type { ResponseInput } from './round-input.js';

const response = (comments?: Record<string, string>): ResponseInput => ({
  groupId: 'any',
  ratings: {},
  ...(comments ? { comments } : {}),
});

describe('poolComments', () => {
  it.each([
    {
      name: 'sorted alphabetically, ignoring case, whatever order they came in',
      responses: [
        response({ SF1: 'Zebra crossing talks stalled' }),
        response({ SF1: 'agreed in 2024' }),
        response({ SF1: 'Big forum' }),
      ],
      expected: ['agreed in 2024', 'Big forum', 'Zebra crossing talks stalled'],
    },
    {
      name: 'trimmed, blanks dropped, other indicators ignored',
      responses: [
        response({ SF1: '  Good start  ', SF5: 'Not this one' }),
        response({ SF1: '   ' }),
        response(),
        response({ SF1: '' }),
      ],
      expected: ['Good start'],
    },
    {
      name: 'the same words twice are kept twice',
      responses: [response({ SF1: 'Too slow' }), response({ SF1: 'Too slow' })],
      expected: ['Too slow', 'Too slow'],
    },
    {
      name: 'differing only in case: a fixed order',
      responses: [response({ SF1: 'ok' }), response({ SF1: 'OK' }), response({ SF1: 'ok' })],
      expected: ['ok', 'ok', 'OK'],
    },
    { name: 'none', responses: [], expected: [] },
  ])('$name', ({ responses, expected }) => {
    expect(poolComments('SF1', responses)).toEqual(expected);
    expect(poolComments('SF1', [...responses].reverse())).toEqual(expected);
  });

  it('ignores a key inherited from Object.prototype', () => {
    expect(poolComments('constructor', [response({ SF1: 'x' })])).toEqual([]);
  });
});

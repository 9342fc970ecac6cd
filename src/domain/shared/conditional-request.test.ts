import { describe, expect, it } from 'vitest';
import { httpDate, isNotModified } from './conditional-request.js';

const current = { etag: '"abc"', lastModified: '2026-03-02T09:00:00.750Z' };

describe('isNotModified', () => {
  it.each([
    ['no conditions', {}, false],
    ['the same tag', { ifNoneMatch: '"abc"' }, true],
    ['the same tag, weak', { ifNoneMatch: 'W/"abc"' }, true],
    ['one of a list', { ifNoneMatch: '"old", "abc"' }, true],
    ['any tag', { ifNoneMatch: '*' }, true],
    ['another tag', { ifNoneMatch: '"old"' }, false],
    ['a tag differing only in case', { ifNoneMatch: '"ABC"' }, false],
    ['the same second', { ifModifiedSince: 'Mon, 02 Mar 2026 09:00:00 GMT' }, true],
    ['a later date', { ifModifiedSince: 'Tue, 03 Mar 2026 09:00:00 GMT' }, true],
    ['an earlier second', { ifModifiedSince: 'Mon, 02 Mar 2026 08:59:59 GMT' }, false],
    ['a date that is not one', { ifModifiedSince: 'yesterday' }, false],
    [
      'another tag, whatever the date',
      { ifNoneMatch: '"old"', ifModifiedSince: 'Tue, 03 Mar 2026 09:00:00 GMT' },
      false,
    ],
  ] as const)('%s: %j -> %s', (_label, conditions, expected) => {
    expect(isNotModified(conditions, current)).toBe(expected);
  });

  it('never matches a date when the response has no Last-Modified', () => {
    expect(
      isNotModified(
        { ifModifiedSince: 'Tue, 03 Mar 2026 09:00:00 GMT' },
        { etag: '"x"', lastModified: null },
      ),
    ).toBe(false);
  });

  it('writes an HTTP date', () => {
    expect(httpDate(current.lastModified)).toBe('Mon, 02 Mar 2026 09:00:00 GMT');
  });
});

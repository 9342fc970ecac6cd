import { describe, expect, it } from 'vitest';
import { hostileRedirects } from '../../../test/support/hostile-redirects.js';
import { safeRedirectPath } from './safe-redirect.js';

describe('safeRedirectPath', () => {
  it.each(hostileRedirects)('refuses %s', (_name, value) => {
    expect(safeRedirectPath(value)).toBe('/');
  });

  it.each([
    ['the start page', '/'],
    ['a page', '/account'],
    ['a partnership page', '/p/northmoor/rounds'],
    ['a query', '/p/northmoor/directory?q=food%20bank&page=2'],
    ['an encoded Welsh letter', '/p/northmoor/directory?q=%C5%B5'],
    ['an invitation', '/invitations/abc-DEF_123'],
    ['a fragment', '/guidance#principles'],
    ['a path with a colon', '/p/northmoor/areas/E05000001:ward'],
  ])('keeps %s', (_name, value) => {
    expect(safeRedirectPath(value)).toBe(value);
  });

  it.each([undefined, null, 42, ['/account'], { next: '/account' }])('refuses %j', (value) => {
    expect(safeRedirectPath(value)).toBe('/');
  });

  it('falls back to the given default', () => {
    expect(safeRedirectPath('//evil.example', '/partnerships')).toBe('/partnerships');
    expect(safeRedirectPath('/account', '/partnerships')).toBe('/account');
  });
});

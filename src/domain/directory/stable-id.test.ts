import { describe, expect, it } from 'vitest';
import { isUuidShaped, stableUuid } from './stable-id.js';

describe('stableUuid', () => {
  it('matches the RFC 9562 version 5 example (DNS namespace, www.example.com)', () => {
    expect(stableUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('gives the same id for the same name and different ids for different names or namespaces', () => {
    const ns = '5b0f3c52-93a4-4b8e-9d1c-2f6a7c0e8d41';
    expect(stableUuid(ns, 'oruk:123')).toBe(stableUuid(ns, 'oruk:123'));
    expect(stableUuid(ns, 'oruk:123')).not.toBe(stableUuid(ns, 'oruk:124'));
    expect(stableUuid(ns, 'x')).not.toBe(stableUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'x'));
    expect(stableUuid(ns, 'x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => stableUuid('not-a-uuid', 'x')).toThrow(/not a UUID/);
  });
});

describe('isUuidShaped', () => {
  it.each([
    ['def5ccd4-f121-df4d-60d2-4dc0d69ff555', true],
    ['2A3483EA-8966-4F50-9DC3-7BAFA1E5C623', true],
    ['1234', false],
    ['def5ccd4f121df4d60d24dc0d69ff555', false],
  ])('%s -> %s', (value, expected) => {
    expect(isUuidShaped(value)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { normalisePostcode } from './postcode.js';

describe('normalisePostcode', () => {
  it.each([
    ['SR1 1AA', 'SR1 1AA'],
    ['sr1 1aa', 'SR1 1AA'],
    ['SR11AA', 'SR1 1AA'],
    ['SR1  1AA', 'SR1 1AA'], // pcd2 / padded pcd form
    ['  sr1\t1aa ', 'SR1 1AA'],
    ['SR10 1AA', 'SR10 1AA'],
    ['M1 1AE', 'M1 1AE'],
    ['M1  1AE', 'M1 1AE'],
    ['SW1A1AA', 'SW1A 1AA'],
    ['w1a 0ax', 'W1A 0AX'],
    ['EC1A 1BB', 'EC1A 1BB'],
  ])('%j -> %s', (raw, expected) => expect(normalisePostcode(raw)).toEqual({ ok: true, postcode: expected }));

  it.each([
    ['', 'Enter a postcode'],
    ['   ', 'Enter a postcode'],
    ['SR1', 'not a UK postcode'],
    ['SR1 1A', 'not a UK postcode'],
    ['12345', 'not a UK postcode'],
    ['SR1 1AAA', 'not a UK postcode'],
    ['not a postcode', 'not a UK postcode'],
  ])('%j is refused', (raw, reason) => {
    const result = normalisePostcode(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

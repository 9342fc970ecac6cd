import { describe, expect, it } from 'vitest';
import { comparableName, distanceText, repeatedNames, testRecordWords } from './place-checks.js';

describe('testRecordWords', () => {
  it.each([
    ['test', 'test'],
    ['TEST service', 'TEST'],
    ["Lorien's second test space", 'test'],
    ['TEST-SPACE-NOT-LIVE', 'TEST'],
    ['Dummy record', 'Dummy'],
    ['Food bank (do not use)', 'do not use'],
    ['xxx', 'xxx'],
    ['XXXX Community Hub', 'XXXX'],
    ['asdf', 'asdf'],
    ['asdfgh', 'asdfgh'],
    ['Sample warm space', 'Sample'],
    ['Lorem ipsum dolor', 'Lorem ipsum'],
  ])('%s looks like a test record (%s)', (name, words) => {
    expect(testRecordWords(name)).toBe(words);
  });

  it.each([
    'Test Valley Citizens Advice',
    'River Test Community Hub',
    'NHS Test and Trace',
    'Stretford COVID Testing Centre',
    'Contest Hall',
    'Attestation Services',
    'Testament Church',
    'Trafford Food Bank',
    'Maxxx Gym',
    'Samples Lane Library',
  ])('%s does not', (name) => {
    expect(testRecordWords(name)).toBeUndefined();
  });
});

describe('comparableName', () => {
  it.each([
    ['St Mary’s Church', 'st mary s church'],
    ["ST. MARY'S  CHURCH", 'st mary s church'],
    ['The Café & Pantry', 'cafe and pantry'],
    ['  ', ''],
  ])('%s → %s', (name, comparable) => {
    expect(comparableName(name)).toBe(comparable);
  });
});

describe('repeatedNames', () => {
  const sale = { latitude: 53.4246, longitude: -2.3221 };
  const fortyFourMetresNorth = { latitude: 53.4246 + 0.0004, longitude: -2.3221 };
  const bolton = { latitude: 53.5769, longitude: -2.4282 };
  const leeds = { latitude: 53.7997, longitude: -1.5492 };

  it.each([
    ['one place', [{ line: 2, name: 'Hub', point: sale }], []],
    [
      'the same name 50 m apart or less (one place)',
      [
        { line: 2, name: 'Hub', point: sale },
        { line: 3, name: 'HUB', point: fortyFourMetresNorth },
      ],
      [],
    ],
    [
      'the same name in two towns',
      [
        { line: 2, name: 'St Mary’s Church', point: sale },
        { line: 9, name: "St Mary's church", point: bolton },
      ],
      [{ line: 9, firstLine: 2, name: "St Mary's church", metresApart: 18_331 }],
    ],
    [
      'three places, the third near the second',
      [
        { line: 2, name: 'Hub', point: sale },
        { line: 3, name: 'Hub', point: bolton },
        { line: 4, name: 'Hub', point: bolton },
        { line: 5, name: 'Hub', point: leeds },
      ],
      [
        { line: 3, firstLine: 2, name: 'Hub', metresApart: 18_331 },
        { line: 5, firstLine: 2, name: 'Hub', metresApart: 65_872 },
      ],
    ],
    [
      'a place with no point',
      [
        { line: 2, name: 'Hub', point: sale },
        { line: 3, name: 'Hub', point: null },
      ],
      [],
    ],
  ])('%s', (_name, places, repeats) => {
    expect(repeatedNames(places)).toEqual(repeats);
  });
});

describe('distanceText', () => {
  it.each([
    [40, '40 m'],
    [3210, '3.2 km'],
    [210_400, '210 km'],
    [1_234_000, '1,234 km'],
  ])('%d m → %s', (metres, text) => {
    expect(distanceText(metres)).toBe(text);
  });
});

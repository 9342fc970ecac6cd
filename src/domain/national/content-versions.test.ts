import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  partnershipVersion,
  publishProblem,
  publishedVersions,
  sortVersions,
  versionStates,
} from './content-versions.js';

describe('compareVersions', () => {
  it.each([
    ['2026.1', '2026.2', -1],
    ['2026.2', '2026.1', 1],
    ['2026.9', '2026.10', -1], // numbers, not text
    ['2026.1', '2026.1', 0],
    ['2026', '2026.1', -1], // a missing part comes first
    ['2026.1a', '2026.1b', -1], // text parts compare as text
  ])('%s against %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });

  it('sorts oldest first', () => {
    expect(sortVersions(['2026.10', '2026.2', '2025.4'])).toEqual(['2025.4', '2026.2', '2026.10']);
  });
});

describe('publishedVersions and versionStates', () => {
  it.each([
    ['only the first version, with nothing recorded', ['2026.2', '2026.1'], [], ['2026.1']],
    ['the first and each recorded one', ['2026.1', '2026.2', '2026.3'], ['2026.3'], ['2026.1', '2026.3']],
    ['a recorded version no longer in the folder is left out', ['2026.1'], ['2026.2'], ['2026.1']],
    ['nothing loaded, nothing published', [], ['2026.1'], []],
  ])('%s', (_name, loaded, recorded, expected) => {
    expect(publishedVersions(loaded, recorded)).toEqual(expected);
  });

  it('marks each loaded version', () => {
    expect(versionStates(['2026.2', '2026.1'], [])).toEqual([
      { version: '2026.1', state: 'published' },
      { version: '2026.2', state: 'ready-to-publish' },
    ]);
  });
});

describe('publishProblem', () => {
  it.each([
    ['a loaded, unpublished version can be published', '2026.2', [], undefined],
    ['not in the folder', '2027.1', [], 'There is no framework version 2027.1 in the content folder.'],
    ['already published', '2026.2', ['2026.2'], 'Version 2026.2 is already published.'],
    ['the first version is always published', '2026.1', [], 'Version 2026.1 is already published.'],
  ])('%s', (_name, version, recorded, expected) => {
    expect(publishProblem(version, ['2026.1', '2026.2'], recorded)).toBe(expected);
  });
});

describe('partnershipVersion', () => {
  const loaded = ['2026.1', '2026.2', '2026.3'];
  it.each([
    ['no choice: the first version; nothing newer published', null, [], '2026.1', undefined],
    ['no choice: the first version; can move to the newest published', null, ['2026.2'], '2026.1', '2026.2'],
    ['moved to 2026.2, 2026.3 now published', '2026.2', ['2026.2', '2026.3'], '2026.2', '2026.3'],
    ['on the newest already', '2026.3', ['2026.2', '2026.3'], '2026.3', undefined],
    ['a choice that is not published falls back to the first', '2026.3', [], '2026.1', undefined],
  ])('%s', (_name, chosen, recorded, current, latest) => {
    expect(partnershipVersion(chosen, loaded, recorded)).toEqual({ current, latest });
  });
});

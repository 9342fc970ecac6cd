import { describe, expect, it } from 'vitest';
import { esdTermUri, esdUriOf } from './esd-terms.js';

describe('esd term URIs', () => {
  it.each([
    ['esdServiceTypes', '298', 'http://id.esd.org.uk/service/298'],
    ['esdNeeds', '69', 'http://id.esd.org.uk/need/69'],
    ['esdCircumstances', 'Gender_Female', 'http://id.esd.org.uk/circumstance/Gender_Female'],
  ] as const)('%s %s is %s', (vocabulary, code, uri) => {
    expect(esdTermUri(vocabulary, code)).toBe(uri);
  });

  it.each([
    ['a term URI', { termUri: 'https://id.esd.org.uk/Service/298/' }, 'http://id.esd.org.uk/service/298'],
    ['an HSDS code and taxonomy', { code: '69', vocabulary: 'esdNeeds' }, 'http://id.esd.org.uk/need/69'],
    ['an ORUK 1.0 CURIE id', { id: 'esdServiceType:1755' }, 'http://id.esd.org.uk/service/1755'],
    [
      'a bare id in an esd vocabulary',
      { id: '298', vocabulary: 'esdServiceTypes' },
      'http://id.esd.org.uk/service/298',
    ],
    [
      'a UUID id in an esd vocabulary',
      { id: 'c23b5e7d-7106-5285-bfd7-f19fc7161cbf', vocabulary: 'esdNeeds' },
      null,
    ],
    ['a code in another vocabulary', { code: '298', vocabulary: 'BCC Age Groups' }, null],
    ['another site', { termUri: 'http://example.com/service/298' }, null],
    ['nothing', {}, null],
  ])('%s', (_case, term, expected) => {
    expect(esdUriOf(term)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import type { RowProblem } from './oruk-import-records.js';
import { normaliseOrukService } from './oruk-service.js';
import { carersVocabulary as vocabulary } from './esd-vocabulary.testing.js';

const service = (terms: Record<string, unknown>) => ({
  id: 'S-1',
  name: 'Tuesday group',
  description: 'We meet on Tuesdays.',
  ...terms,
});

describe('imported esd terms found by their code or URI', () => {
  it.each([
    [
      'an HSDS 3.0 attribute with a term URI',
      {
        attributes: [
          {
            taxonomy_term: { id: 'x', name: 'Support groups', term_uri: 'http://id.esd.org.uk/service/298' },
          },
        ],
      },
      ['carers'],
    ],
    [
      'an HSDS 3.0 term with a code in the esd taxonomy',
      {
        attributes: [
          { taxonomy_term: { id: 'x', name: 'Groups', code: '298', taxonomy: 'esdServiceTypes' } },
        ],
      },
      ['carers'],
    ],
    [
      'an ORUK 1.0 service taxonomy',
      { service_taxonomys: [{ taxonomy: { id: '298', name: 'Groups', vocabulary: 'esdServiceTypes' } }] },
      ['carers'],
    ],
    [
      'another esd term',
      {
        attributes: [
          { taxonomy_term: { id: 'x', name: 'Groups', term_uri: 'http://id.esd.org.uk/service/299' } },
        ],
      },
      [],
    ],
  ])('%s', (_case, terms, themes) => {
    const problems: RowProblem[] = [];
    const normalised = normaliseOrukService(service(terms), 1, vocabulary, problems);
    expect(normalised?.details.themes).toEqual(themes);
  });
});

import { describe, expect, it } from 'vitest';
import { feedTaxonomy } from '../../src/domain/directory/oruk-taxonomy.js';
import { carersVocabulary as vocabulary } from '../../src/domain/directory/esd-vocabulary.testing.js';
import { errorsOf, orukValidators } from '../support/oruk-schemas.js';

/** The esd terms of the feed's taxonomy: with their code and the LGA's URI where the vocabulary knows the code. */
describe('esd terms in the feed', () => {
  const { terms } = feedTaxonomy(vocabulary);
  const byName = new Map(terms.map((term) => [term.name, term]));

  it('publishes a known code with its URI, valid against the UK profile', () => {
    const carers = byName.get('Carers groups');
    expect(carers).toMatchObject({
      id: '0b7e3d52-0000-4000-8000-000000000298',
      code: '298',
      term_uri: 'http://id.esd.org.uk/service/298',
      taxonomy: 'esdServiceTypes',
    });
    const { taxonomyTerm } = orukValidators();
    for (const term of terms) expect(taxonomyTerm(term) ? [] : errorsOf(taxonomyTerm)).toEqual([]);
    expect(taxonomyTerm({ ...carers, term_uri: 'not a uri' })).toBe(false);
  });

  it('makes up no code or URI for a term whose code is not known', () => {
    const inclusion = byName.get('Social inclusion');
    expect(inclusion).toBeDefined();
    expect(inclusion).not.toHaveProperty('code');
    expect(inclusion).not.toHaveProperty('term_uri');
  });
});

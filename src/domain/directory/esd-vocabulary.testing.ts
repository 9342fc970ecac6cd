import type { ThemeVocabulary } from './themes.js';

/** A vocabulary for tests: one theme with an esd service type whose code is known and an esd need whose is not. */
export const carersVocabulary: ThemeVocabulary = {
  version: 'test',
  themes: [
    {
      id: 'carers',
      name: 'Carers',
      description: 'Help for carers',
      keywords: [],
      orukTerms: [
        {
          id: '0b7e3d52-0000-4000-8000-000000000298',
          name: 'Carers groups',
          vocabulary: 'esdServiceTypes',
          code: '298',
        },
        { id: '0b7e3d52-0000-4000-8000-000000000069', name: 'Social inclusion', vocabulary: 'esdNeeds' },
      ],
    },
    { id: 'other', name: 'Other', description: 'Anything else', keywords: [], orukTerms: [] },
  ],
};

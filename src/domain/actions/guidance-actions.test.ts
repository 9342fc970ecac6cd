import { describe, expect, it } from 'vitest';
import { guidanceSlugOfSource, guidanceSource } from './guidance-actions.js';

describe('guidance sources', () => {
  it('names the article', () => {
    expect(guidanceSource('funding-together')).toBe('guidance:funding-together');
  });

  it.each([
    ['guidance:funding-together', 'funding-together'],
    ['guidance:a1-b2', 'a1-b2'],
    ['guidance:', undefined],
    ['guidance:Funding', undefined],
    ['guidance:../x', undefined],
    ['workshop:SF', undefined],
    ['manual', undefined],
  ])('%s gives %s', (source, slug) => {
    expect(guidanceSlugOfSource(source)).toBe(slug);
  });
});

import { commonGroundNamespace, stableUuid } from './stable-id.js';
import { esdTermUri } from './esd-terms.js';
import type { ThemeVocabulary } from './themes.js';

/**
 * The taxonomies our Open Referral UK feed publishes: our own themes, and the Local Government Association's
 * esd standards lists (needs, service types, circumstances) that the themes map to. Built from the themes
 * vocabulary, so every feed has the same taxonomy and term ids. An esd term whose code the vocabulary gives is
 * published with it and its URI (http://id.esd.org.uk/service/298); the UK profile leaves `code` out of its
 * taxonomy_term but HSDS 3.0 has it, and `term_uri` is in both.
 */

export interface OrukTaxonomy {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly version?: string;
}

export interface OrukTaxonomyTerm {
  readonly id: string;
  readonly code?: string;
  readonly name: string;
  readonly description: string;
  readonly taxonomy: string;
  readonly taxonomy_id: string;
  /** For an esd term whose code we know, the URI the LGA publishes for it. */
  readonly term_uri?: string;
  readonly term: string;
}

export const themesTaxonomyName = 'Common Ground themes';

const esdLists: Record<string, string> = {
  esdNeeds: 'needs',
  esdServiceTypes: 'service types',
  esdCircumstances: 'circumstances',
};

export const taxonomyId = (name: string): string => stableUuid(commonGroundNamespace, `taxonomy:${name}`);

/** The term id of one of our themes (the esd terms have their own ids, in the themes file). */
export const themeTermId = (themeId: string): string => stableUuid(commonGroundNamespace, `theme:${themeId}`);

export interface FeedTaxonomy {
  readonly taxonomies: readonly OrukTaxonomy[];
  readonly terms: readonly OrukTaxonomyTerm[];
  /** The terms that describe each theme: its own, then the esd terms it maps to. */
  readonly termsOfTheme: ReadonlyMap<string, readonly OrukTaxonomyTerm[]>;
  /** The themes a term id stands for. */
  readonly themesOfTerm: ReadonlyMap<string, readonly string[]>;
  /** The themes with a term in a taxonomy, by taxonomy id. */
  readonly themesOfTaxonomy: ReadonlyMap<string, readonly string[]>;
}

export function feedTaxonomy(vocabulary: ThemeVocabulary): FeedTaxonomy {
  const taxonomies: OrukTaxonomy[] = [
    {
      id: taxonomyId(themesTaxonomyName),
      name: themesTaxonomyName,
      description:
        'The shared themes for needs and services that councils and the voluntary and community sector use in Common Ground.',
      version: vocabulary.version,
    },
  ];
  const terms = new Map<string, OrukTaxonomyTerm>();
  const termsOfTheme = new Map<string, OrukTaxonomyTerm[]>();
  const themesOfTerm = new Map<string, string[]>();
  const themesOfTaxonomy = new Map<string, string[]>();
  const link = (themeId: string, term: OrukTaxonomyTerm) => {
    terms.set(term.id, term);
    termsOfTheme.set(themeId, [...(termsOfTheme.get(themeId) ?? []), term]);
    themesOfTerm.set(term.id, [...new Set([...(themesOfTerm.get(term.id) ?? []), themeId])]);
    themesOfTaxonomy.set(term.taxonomy_id, [
      ...new Set([...(themesOfTaxonomy.get(term.taxonomy_id) ?? []), themeId]),
    ]);
  };
  for (const theme of vocabulary.themes) {
    link(theme.id, {
      id: themeTermId(theme.id),
      code: theme.id,
      name: theme.name,
      description: theme.description,
      taxonomy: themesTaxonomyName,
      taxonomy_id: taxonomyId(themesTaxonomyName),
      term: theme.name,
    });
    for (const term of theme.orukTerms) {
      if (!taxonomies.some((t) => t.name === term.vocabulary)) {
        taxonomies.push({
          id: taxonomyId(term.vocabulary),
          name: term.vocabulary,
          description: `The Local Government Association's esd standards list of ${esdLists[term.vocabulary] ?? term.vocabulary}, used by Open Referral UK feeds.`,
        });
      }
      link(theme.id, {
        id: term.id,
        ...(term.code ? { code: term.code, term_uri: esdTermUri(term.vocabulary, term.code) } : {}),
        name: term.name,
        description: `${term.name}: a term in the Local Government Association's esd standards list of ${esdLists[term.vocabulary] ?? term.vocabulary}.`,
        taxonomy: term.vocabulary,
        taxonomy_id: taxonomyId(term.vocabulary),
        term: term.name,
      });
    }
  }
  return { taxonomies, terms: [...terms.values()], termsOfTheme, themesOfTerm, themesOfTaxonomy };
}

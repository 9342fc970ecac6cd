import type { EsdVocabulary } from './esd-terms.js';
import { commonGroundNamespace, stableUuid } from './stable-id.js';

/** A taxonomy term in one of the vocabularies Open Referral UK feeds use. */
export interface OrukTerm {
  readonly id: string;
  readonly name: string;
  readonly vocabulary: EsdVocabulary;
  /** The term's identifier in the LGA's esd list (298 for http://id.esd.org.uk/service/298), when known. */
  readonly code?: string;
}

/** One theme of the shared vocabulary for needs and services. */
export interface Theme {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Lower-case words or word stems that suggest the theme in an imported service's name or description. */
  readonly keywords: readonly string[];
  readonly orukTerms: readonly OrukTerm[];
}

export interface ThemeVocabulary {
  readonly version: string;
  readonly themes: readonly Theme[];
}

/** The id of a term: the stable UUID of "vocabulary:name", the same in every feed we publish. */
export function orukTermId(vocabulary: string, name: string): string {
  return stableUuid(commonGroundNamespace, `${vocabulary}:${name}`);
}

/** Rules a schema cannot express; each problem is a sentence for a content editor. */
export function checkThemeRules(vocabulary: ThemeVocabulary): string[] {
  const problems: string[] = [];
  const themeIds = new Set<string>();
  const termIds = new Map<string, string>();
  for (const theme of vocabulary.themes) {
    if (themeIds.has(theme.id))
      problems.push(`The theme id ${theme.id} is used twice. Give each theme its own id.`);
    themeIds.add(theme.id);
    for (const term of theme.orukTerms) {
      const expected = orukTermId(term.vocabulary, term.name);
      if (term.id !== expected) {
        problems.push(
          `Theme ${theme.id}: the term "${term.name}" (${term.vocabulary}) should have the id ${expected}, not ${term.id}.`,
        );
      }
      const other = termIds.get(term.id);
      if (other !== undefined && other !== theme.id) {
        problems.push(`Theme ${theme.id}: the term "${term.name}" is also mapped from theme ${other}.`);
      }
      termIds.set(term.id, theme.id);
    }
  }
  return problems;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `keyword` appears in `text` at the start of a word (so "lonel" finds "lonely", "bus" not "abuse"). */
function startsAWord(text: string, keyword: string): boolean {
  return new RegExp(`(^|[^a-z0-9])${escapeRegExp(keyword)}`).test(text);
}

/** Theme ids suggested by the words of a text (a service name and description), in vocabulary order. */
export function suggestThemes(vocabulary: ThemeVocabulary, text: string): string[] {
  const lower = text.toLowerCase();
  return vocabulary.themes
    .filter((theme) => theme.keywords.some((keyword) => startsAWord(lower, keyword.toLowerCase())))
    .map((theme) => theme.id);
}

/** The theme with an id or a name (any case), for `--theme food` or `--theme "Food"`. */
export function findTheme(vocabulary: ThemeVocabulary, idOrName: string): Theme | undefined {
  const wanted = idOrName.trim().toLowerCase();
  return vocabulary.themes.find((t) => t.id === wanted || t.name.toLowerCase() === wanted);
}

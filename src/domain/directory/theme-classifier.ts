import type { ThemeVocabulary } from './themes.js';

/**
 * The words that suggest each theme in an organisation's or service's own text (content/themes/lexicon.yaml).
 * A word or phrase matches whole words only; one ending in `*` is a stem and matches any word it starts
 * ("carer*" finds "carers"). A theme is not suggested when one of its `unless` words is in the text, unless one of
 * its `despite` words is there too (a church's "relief of poverty" is not money advice; its debt centre is).
 */
export interface ThemeLexiconEntry {
  readonly theme: string;
  readonly words: readonly string[];
  /**
   * Broad words many charities use for one object among others or for a means to their end ("the relief of
   * poverty" in a list of charitable objects, "volunteering" by the people who run a service, "physical activity"
   * at a sports club): they suggest the theme only with support, that is, with another of the theme's words, in the
   * record's name, or when no other theme's own words (or taxonomy terms) are in the text: then they are all it says.
   */
  readonly weak?: readonly string[];
  /**
   * Weak words that never count on their own: only beside another of the theme's words or in the name. "Physical
   * activity" is all a sports club may say about itself, and a sports club is not health provision.
   */
  readonly supportOnly?: readonly string[];
  readonly unless?: readonly string[];
  readonly despite?: readonly string[];
}

export interface ThemeLexicon {
  readonly version: string;
  /** Words that keep every theme out: a general-purpose grant-maker, a museum, a school's parent association. */
  readonly unless?: readonly string[];
  /**
   * Words in the record's name alone that keep every theme out: a school, or a school's friends ("friends of * school",
   * where `*` stands for one or more words).
   */
  readonly unlessNamed?: readonly string[];
  /**
   * Stock phrases of charity law ("the relief of poverty, sickness and distress") that say what a charity may do, not
   * what it does: taken out of the text before any word is matched.
   */
  readonly ignore?: readonly string[];
  readonly themes: readonly ThemeLexiconEntry[];
}

/** What a record says about itself: its name, its description and any taxonomy terms (ids or names). */
export interface OwnWords {
  readonly name: string;
  readonly description: string | null;
  readonly terms?: readonly { readonly id?: string | null; readonly name?: string | null }[];
}

/** A theme suggested for a record, with the words in its text (or the taxonomy terms) that matched. */
export interface ThemeSuggestion {
  readonly themeId: string;
  readonly matched: readonly string[];
}

/** Lower case, accents dropped, anything but letters and digits a single space, padded with spaces. */
export function plainWords(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${words} `;
}

/** The words of `text` (made plain) that a lexicon word matches, as they appear: "carer*" gives "carers". */
export function wordMatches(text: string, word: string): string[] {
  const stem = word.endsWith('*');
  const wanted = plainWords(stem ? word.slice(0, -1) : word).trimEnd();
  if (wanted.trim() === '') return [];
  const found = new Set<string>();
  let from = text.indexOf(wanted);
  while (from >= 0) {
    const end = from + wanted.length;
    if (stem) found.add(text.slice(from + 1, text.indexOf(' ', end)));
    else if (text[end] === ' ') found.add(wanted.trim());
    from = text.indexOf(wanted, from + 1);
  }
  return [...found];
}

/** The text with every whole-word occurrence of these phrases taken out (read as a single space). */
export function withoutPhrases(text: string, phrases: readonly string[]): string {
  let result = text;
  for (const phrase of phrases) {
    const wanted = plainWords(phrase);
    if (wanted.trim() === '') continue;
    // Again until none is left: a phrase right after itself shares the space between them.
    while (result.includes(wanted)) result = result.split(wanted).join(' ');
  }
  return result;
}

/** Whether a name (made plain) has the phrase, whose ` * ` stands for one to six words. */
export function nameHas(name: string, phrase: string): boolean {
  const parts = phrase.split(' * ').map((part) => plainWords(part).trim());
  if (parts.some((part) => part === '')) return false;
  const pattern = parts.join(' (?:[a-z0-9]+ ){1,6}');
  return new RegExp(` ${pattern} `).test(name);
}

/**
 * A theme's weak phrases that contain one of its own words ("children and young people" holds "young people"): inside
 * them the own word is only as strong as the phrase, so they are taken out before the own words are matched.
 */
export function hidingPhrases(entry: ThemeLexiconEntry): string[] {
  return [...(entry.weak ?? []), ...(entry.supportOnly ?? [])].filter(
    (phrase) =>
      !phrase.endsWith('*') && entry.words.some((word) => wordMatches(plainWords(phrase), word).length > 0),
  );
}

/** Theme ids named by taxonomy terms, by a term's id or name or the theme's own name (any case). */
function themesFromTerms(vocabulary: ThemeVocabulary, terms: OwnWords['terms']): Map<string, string[]> {
  const byTheme = new Map<string, string[]>();
  for (const term of terms ?? []) {
    const name = term.name?.trim().toLowerCase() ?? '';
    for (const theme of vocabulary.themes) {
      const named = theme.orukTerms.find(
        (t) => (term.id && t.id === term.id) || (name !== '' && t.name.toLowerCase() === name),
      );
      const label = named?.name ?? (name === theme.name.toLowerCase() ? theme.name : undefined);
      if (label) byTheme.set(theme.id, [...new Set([...(byTheme.get(theme.id) ?? []), label])]);
    }
  }
  return byTheme;
}

/**
 * The themes a record's own words suggest, in lexicon order, each with the words that matched: taxonomy terms
 * mapped to a theme in the vocabulary, then lexicon words in the name and description.
 */
export function classifyThemes(
  lexicon: ThemeLexicon,
  vocabulary: ThemeVocabulary,
  record: OwnWords,
): ThemeSuggestion[] {
  const text = withoutPhrases(
    plainWords(`${record.name} \n ${record.description ?? ''}`),
    lexicon.ignore ?? [],
  );
  const name = plainWords(record.name);
  const fromTerms = themesFromTerms(vocabulary, record.terms);
  const suggestions: ThemeSuggestion[] = [];
  const seen = new Set<string>();
  const blockedEverywhere =
    (lexicon.unless ?? []).some((word) => wordMatches(text, word).length > 0) ||
    (lexicon.unlessNamed ?? []).some((phrase) => nameHas(name, phrase));
  const has = (word: string) => wordMatches(text, word).length > 0;
  const evidence = lexicon.themes.map((entry) => {
    const terms = fromTerms.get(entry.theme) ?? [];
    const blocked = blockedEverywhere || ((entry.unless ?? []).some(has) && !(entry.despite ?? []).some(has));
    const ownText = withoutPhrases(text, hidingPhrases(entry));
    const found = (words: readonly string[] | undefined, within = text) =>
      blocked ? [] : [...new Set((words ?? []).flatMap((word) => wordMatches(within, word)))];
    const weakInName = blocked
      ? false
      : [...(entry.weak ?? []), ...(entry.supportOnly ?? [])].some(
          (word) => wordMatches(name, word).length > 0,
        );
    const own = [...terms, ...found(entry.words, ownText)];
    return { entry, own, weak: found(entry.weak), supportOnly: found(entry.supportOnly), weakInName };
  });
  for (const { entry, own, weak, supportOnly, weakInName } of evidence) {
    seen.add(entry.theme);
    const alone =
      evidence.every((other) => other.entry === entry || other.own.length === 0) &&
      [...fromTerms.keys()].every((themeId) => themeId === entry.theme);
    const backed = own.length > 0 || weakInName;
    const matched = [...new Set([...own, ...(backed || alone ? weak : []), ...(backed ? supportOnly : [])])];
    if (matched.length > 0) suggestions.push({ themeId: entry.theme, matched });
  }
  for (const [themeId, terms] of fromTerms)
    if (!seen.has(themeId)) suggestions.push({ themeId, matched: terms });
  return suggestions;
}

/** A lexicon from the vocabulary's own keywords (each a stem), for when no lexicon is given. */
export function keywordLexicon(vocabulary: ThemeVocabulary): ThemeLexicon {
  return {
    version: vocabulary.version,
    themes: vocabulary.themes.map((theme) => ({
      theme: theme.id,
      words: theme.keywords.map((keyword) => `${keyword}*`),
    })),
  };
}

/** Rules the lexicon's schema cannot express; each problem is a sentence for a content editor. */
export function checkLexiconRules(lexicon: ThemeLexicon, vocabulary: ThemeVocabulary): string[] {
  const known = new Set(vocabulary.themes.map((t) => t.id));
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const entry of lexicon.themes) {
    if (!known.has(entry.theme))
      problems.push(`The lexicon names the theme ${entry.theme}, which is not in the themes vocabulary.`);
    if (listed.has(entry.theme))
      problems.push(`The theme ${entry.theme} is listed twice in the lexicon. Put its words in one list.`);
    listed.add(entry.theme);
    for (const word of [
      ...entry.words,
      ...(entry.weak ?? []),
      ...(entry.supportOnly ?? []),
      ...(entry.unless ?? []),
      ...(entry.despite ?? []),
    ]) {
      if (plainWords(word.replace(/\*$/, '')).trim() === '')
        problems.push(`Theme ${entry.theme}: "${word}" has no letters or digits to match.`);
    }
  }
  for (const word of [...(lexicon.unless ?? []), ...(lexicon.unlessNamed ?? []), ...(lexicon.ignore ?? [])]) {
    if (plainWords(word.replace(/\*$/, '')).trim() === '')
      problems.push(`The lexicon's "${word}" (kept out or ignored) has no letters or digits to match.`);
  }
  return problems;
}

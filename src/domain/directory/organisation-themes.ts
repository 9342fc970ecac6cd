import type { ThemeSuggestion } from './theme-classifier.js';

/**
 * Where an organisation's theme stands: suggested by the classifier from its own words, confirmed by a member,
 * or set aside by a member as wrong. Confirmed and set-aside themes are decisions: re-running the classifier
 * (on a re-import) never changes them; only suggestions are replaced.
 */
export const themeAssignmentStatuses = ['suggested', 'confirmed', 'rejected'] as const;
export type ThemeAssignmentStatus = (typeof themeAssignmentStatuses)[number];

export interface OrganisationThemeAssignment {
  readonly organisationId: string;
  readonly themeId: string;
  readonly status: ThemeAssignmentStatus;
  /** The words in the organisation's text (or taxonomy terms) that suggested the theme; empty when added by hand. */
  readonly matched: readonly string[];
  /** Who confirmed or set aside the theme, and when; null for a suggestion. */
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

/** The organisation counts for the theme: confirmed, or suggested and not set aside. */
export const countsForTheme = (assignment: Pick<OrganisationThemeAssignment, 'status'>): boolean =>
  assignment.status !== 'rejected';

export interface SuggestionChanges {
  /** Assignments to write (new suggestions, and decisions whose matched words changed). */
  readonly save: readonly OrganisationThemeAssignment[];
  /** Themes whose old suggestion the text no longer supports. */
  readonly remove: readonly string[];
}

const sameWords = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((word, i) => word === b[i]);

/**
 * What classifying an organisation again changes: suggestions follow the new text, while decisions keep their
 * status (a confirmed theme stays confirmed even when its words have gone; a set-aside theme is never suggested
 * again) and only take the newly matched words, so the page still explains them.
 */
export function mergeSuggestions(
  organisationId: string,
  current: readonly OrganisationThemeAssignment[],
  suggestions: readonly ThemeSuggestion[],
): SuggestionChanges {
  const byTheme = new Map(current.map((a) => [a.themeId, a]));
  const suggested = new Set(suggestions.map((s) => s.themeId));
  const save: OrganisationThemeAssignment[] = [];
  for (const suggestion of suggestions) {
    const existing = byTheme.get(suggestion.themeId);
    if (existing && sameWords(existing.matched, suggestion.matched)) continue;
    save.push(
      existing
        ? { ...existing, matched: suggestion.matched }
        : {
            organisationId,
            themeId: suggestion.themeId,
            status: 'suggested',
            matched: suggestion.matched,
            decidedBy: null,
            decidedAt: null,
          },
    );
  }
  const remove = current
    .filter((a) => a.status === 'suggested' && !suggested.has(a.themeId))
    .map((a) => a.themeId);
  return { save, remove };
}

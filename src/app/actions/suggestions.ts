import type { ActionSide } from '../../domain/actions/actions.js';
import type { RoundResultsView } from '../assessments/results.js';
import type { RoundView } from '../assessments/rounds.js';
import type { GuidanceSource } from './actions.js';

/** A prefilled action a person can choose instead of writing their own. */
export interface ActionSuggestion {
  /** Stable within one indicator's list, for a radio button: s1, s2, … */
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly side: ActionSide;
  /** Where it came from, for people: a guidance article's title or "the framework". */
  readonly from: string;
  /** The guidance article it came from, to link to; absent for the framework's own suggestions. */
  readonly guidanceSlug?: string;
}

const formatLevel = (value: number | null | undefined) =>
  value === null || value === undefined ? undefined : String(Math.round(value * 10) / 10);

/**
 * Suggested actions for one indicator of a round: those of the guidance articles the indicator links to, then
 * two built from the framework's own words (improve the indicator; and, when the sides see it differently,
 * talk that through). Empty when the round does not ask about the indicator.
 */
export function suggestionsFor(
  view: RoundView,
  results: RoundResultsView | undefined,
  indicatorCode: string,
  guidance?: GuidanceSource,
): ActionSuggestion[] {
  const indicator = view.indicators.find((i) => i.code === indicatorCode);
  if (!indicator) return [];
  const drafts: Omit<ActionSuggestion, 'key'>[] = [];
  for (const slug of indicator.guidance) {
    const article = guidance?.find(slug);
    for (const suggested of article?.suggestedActions ?? []) {
      drafts.push({
        title: suggested.title,
        description: suggested.description,
        side: 'joint',
        from: article?.title ?? slug,
        guidanceSlug: slug,
      });
    }
  }
  const comparison = results?.results.indicators.find((c) => c.indicatorCode === indicatorCode);
  const next = indicator.levels.find((l) => l.level === 3) ?? indicator.levels[indicator.levels.length - 1];
  drafts.push({
    title: `Improve: ${indicator.title}`,
    description: [
      `Work together towards this: ${indicator.statement}`,
      next ? `What good looks like: ${next.description}` : '',
    ]
      .filter(Boolean)
      .join(' ')
      .slice(0, 4000),
    side: 'joint',
    from: 'the framework',
  });
  if (comparison?.perceptionGap) {
    const council = formatLevel(comparison.councilMedian);
    const community = formatLevel(comparison.communityMedian);
    drafts.push({
      title: `Talk through the different views on ${indicator.title}`.slice(0, 160),
      description:
        `The council side’s median was ${council ?? '–'} and the community side’s ${community ?? '–'}. ` +
        'Hold a joint conversation to understand why the two sides see this differently, and agree one step to close the gap.',
      side: 'joint',
      from: 'the framework',
    });
  }
  const seen = new Set<string>();
  return drafts
    .filter((draft) => !seen.has(draft.title) && Boolean(seen.add(draft.title)))
    .map((draft, index) => ({ key: `s${index + 1}`, ...draft }));
}

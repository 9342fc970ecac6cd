import { ratingFromCode } from '../../domain/assessment/answers.js';
import {
  compareRounds,
  computeRoundResults,
  type RoundComparison,
  type RoundResults,
} from '../../domain/results/index.js';
import type { Rating } from '../../domain/results/rating.js';
import type { RoundRecord, WorkshopRecord } from './assessment-store.js';
import { describeRound, type AssessmentDeps, type RoundView } from './rounds.js';

export interface RoundResultsView {
  readonly view: RoundView;
  readonly results: RoundResults;
  readonly previous: { round: RoundRecord; comparison: RoundComparison } | undefined;
  readonly workshop: readonly WorkshopRecord[];
}

/** The six stored rating codes read once, so a large round does not re-check the same text thousands of times. */
const knownRatings = new Map<string, Rating | undefined>(
  ['1', '2', '3', '4', 'dont-know', 'not-applicable'].map((code) => [code, ratingFromCode(code)]),
);

function readRating(code: string): Rating | undefined {
  return knownRatings.has(code) ? knownRatings.get(code) : ratingFromCode(code);
}

/**
 * Works out a round's results from its submitted responses. Results are derived, not stored, except for a round
 * whose individual answers were deleted under the partnership's retention setting: its results were saved just
 * before, and are read back as they were.
 */
export async function resultsFor(deps: AssessmentDeps, view: RoundView): Promise<RoundResults> {
  const version = view.round.answersVersion;
  const cached = deps.resultsCache?.get(view.round.id, version);
  if (cached) return cached;
  const kept = await deps.store.dataRights.findSnapshot(view.round.id);
  const results = kept ? kept.results : await computeResultsFor(deps, view);
  deps.resultsCache?.set(view.round.id, version, results);
  return results;
}

/** The results from the responses in the database, ignoring any saved copy. */
export async function computeResultsFor(deps: AssessmentDeps, view: RoundView): Promise<RoundResults> {
  const submitted = await deps.store.responses.submitted(view.round.id);
  const indicatorCodes = new Set(view.indicators.map((indicator) => indicator.code));
  return computeRoundResults({
    threshold: view.round.threshold,
    principles: view.framework.principles
      .map((principle) => ({
        code: principle.code,
        name: principle.name,
        indicatorCodes: principle.indicators.map((i) => i.code).filter((code) => indicatorCodes.has(code)),
      }))
      .filter((principle) => principle.indicatorCodes.length > 0),
    groups: view.groups.map((group) => ({ id: group.id, name: group.name, side: group.side })),
    responses: submitted.map((response) => {
      const ratings: Record<string, Rating> = {};
      const comments: Record<string, string> = {};
      for (const answer of response.ratings) {
        const rating = readRating(answer.rating);
        if (rating) ratings[answer.indicatorCode] = rating;
        if (answer.comment) comments[answer.indicatorCode] = answer.comment;
      }
      return { groupId: response.groupId, ratings, comments };
    }),
  });
}

/** The round's results, with trends against the partnership's previous round that opened before it. */
export async function roundResults(deps: AssessmentDeps, view: RoundView): Promise<RoundResultsView> {
  const [results, rounds, workshop] = await Promise.all([
    resultsFor(deps, view),
    deps.store.rounds.list(view.round.partnershipId),
    deps.store.workshop.list(view.round.id),
  ]);
  const earlier = rounds.find(
    (round) =>
      round.id !== view.round.id &&
      (round.opensOn < view.round.opensOn ||
        (round.opensOn === view.round.opensOn && round.createdAt < view.round.createdAt)),
  );
  let previous: RoundResultsView['previous'];
  if (earlier) {
    const earlierResults = await resultsFor(deps, await describeRound(deps, earlier));
    previous = { round: earlier, comparison: compareRounds(results, earlierResults) };
  }
  return { view, results, previous, workshop };
}

import { roundStatus, ukDate } from '../../domain/assessment/round-rules.js';
import {
  benchmarkRows,
  hasDistributions,
  measureKey,
  positionIn,
  type BenchmarkContribution,
  type BenchmarkFilter,
  type BenchmarkMeasure,
  type BenchmarkRow,
  type Position,
} from '../../domain/national/benchmark.js';
import type { Framework } from '../../domain/framework/framework.js';
import type { Side } from '../../domain/results/rating.js';
import { resultsFor } from '../assessments/results.js';
import { describeRound, type AssessmentDeps } from '../assessments/rounds.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { RoundRecord } from '../assessments/assessment-store.js';
import { nationalPartnerships } from './uptake.js';

/**
 * The contributions of the opted-in partnerships, kept until any of them changes: which partnerships take part,
 * their region, their latest closed round or its answers. Working this out reads one list of rounds per
 * opted-in partnership; the results themselves come from the memo (or the round results cache).
 */
export interface BenchmarkMemo {
  key: string;
  contributions: Map<string, BenchmarkContribution>;
}

export interface BenchmarkDeps extends AssessmentDeps {
  readonly benchmarkMemo: { current: BenchmarkMemo | undefined };
}

function latestClosed(rounds: readonly RoundRecord[], today: string): RoundRecord | undefined {
  return rounds
    .filter((round) => roundStatus(round, today) === 'closed')
    .sort((a, b) => b.closesOn.localeCompare(a.closesOn) || b.createdAt.localeCompare(a.createdAt))[0];
}

/** Side medians from a round's results; only sides that met the round's own threshold have any. */
async function contributionOf(
  deps: BenchmarkDeps,
  round: RoundRecord,
): Promise<Record<string, number | null>> {
  const results = await resultsFor(deps, await describeRound(deps, round));
  const medians: Record<string, number | null> = {};
  for (const p of results.principles) {
    medians[measureKey(p.principleCode, 'council')] = p.councilMedian;
    medians[measureKey(p.principleCode, 'community')] = p.communityMedian;
  }
  for (const i of results.indicators) {
    medians[measureKey(i.indicatorCode, 'council')] = i.councilMedian;
    medians[measureKey(i.indicatorCode, 'community')] = i.communityMedian;
  }
  return medians;
}

/** Contributions by partnership id (the ids never leave this module's callers' app layer). */
async function contributions(deps: BenchmarkDeps): Promise<Map<string, BenchmarkContribution>> {
  const today = ukDate(deps.clock.now());
  const taking = (await nationalPartnerships(deps.store)).filter((p) => p.benchmarkOptIn);
  const latest = await Promise.all(
    taking.map(async (p) => ({ p, round: latestClosed(await deps.store.rounds.list(p.id), today) })),
  );
  const key = JSON.stringify(
    latest.map(({ p, round }) => [p.id, p.region, p.councilType, round?.id, round?.answersVersion]),
  );
  const memo = deps.benchmarkMemo.current;
  if (memo?.key === key) return memo.contributions;
  const found = new Map<string, BenchmarkContribution>();
  for (const { p, round } of latest) {
    if (!round) continue;
    found.set(p.id, {
      councilType: p.councilType,
      region: p.region,
      medians: await contributionOf(deps, round),
    });
  }
  deps.benchmarkMemo.current = { key, contributions: found };
  return found;
}

/** The principles and indicators, in framework order, with the first version's names (codes never change). */
export function benchmarkMeasures(framework: Framework): BenchmarkMeasure[] {
  return framework.principles.flatMap((p) => [
    { code: p.code, name: p.name, kind: 'principle' as const },
    ...p.indicators.map((i) => ({ code: i.code, name: i.title, kind: 'indicator' as const })),
  ]);
}

export interface NationalBenchmark {
  readonly rows: readonly BenchmarkRow[];
  readonly shown: boolean;
  /** Opted-in partnerships with a closed round that matches the filter. */
  readonly contributing: number;
}

/** The distributions across opted-in partnerships: for the national team, no partnership's own figures. */
export async function nationalBenchmark(
  deps: BenchmarkDeps,
  filter: BenchmarkFilter,
): Promise<NationalBenchmark> {
  const all = [...(await contributions(deps)).values()];
  const rows = benchmarkRows(benchmarkMeasures(deps.frameworks.current), all, filter);
  return {
    rows,
    shown: hasDistributions(rows),
    contributing: all.filter(
      (c) =>
        (filter.councilType === undefined || c.councilType === filter.councilType) &&
        (filter.region === undefined || c.region === filter.region),
    ).length,
  };
}

export interface OwnPosition {
  readonly value: number | null;
  readonly position: Position | null;
}

export interface PartnershipBenchmarkRow extends BenchmarkRow {
  readonly own: Readonly<Record<Side, OwnPosition>>;
}

export interface PartnershipBenchmark extends NationalBenchmark {
  readonly optedIn: boolean;
  /** False when the partnership has no closed round to compare yet. */
  readonly hasOwnFigures: boolean;
  readonly rows: readonly PartnershipBenchmarkRow[];
}

/** The distributions with where this partnership sits; only for a partnership that takes part. */
export async function partnershipBenchmark(
  deps: BenchmarkDeps,
  partnership: PartnershipRecord,
  filter: BenchmarkFilter,
): Promise<PartnershipBenchmark> {
  const profile = await deps.store.national.profile(partnership.id);
  if (!profile?.benchmarkOptIn) {
    return { rows: [], shown: false, contributing: 0, optedIn: false, hasOwnFigures: false };
  }
  const national = await nationalBenchmark(deps, filter);
  const own = (await contributions(deps)).get(partnership.id);
  const positionOf = (row: BenchmarkRow, side: Side): OwnPosition => {
    const value = own?.medians[measureKey(row.measure.code, side)] ?? null;
    const distribution = row[side];
    return { value, position: value !== null && distribution ? positionIn(value, distribution) : null };
  };
  return {
    ...national,
    optedIn: true,
    hasOwnFigures: own !== undefined,
    rows: national.rows.map((row) => ({
      ...row,
      own: { council: positionOf(row, 'council'), community: positionOf(row, 'community') },
    })),
  };
}

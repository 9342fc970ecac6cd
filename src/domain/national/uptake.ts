/**
 * Uptake across the country: counts only. Partnerships, rounds and actions are counted as they are: they are
 * the work of public bodies and partnerships, not of people. Respondents are people, so they are counted only
 * as national totals by group kind, never by partnership or region, and a total from 1 to
 * SMALL_NUMBER_MINIMUM - 1 is shown as "fewer than 5" rather than the number.
 */
import { roundStatus } from '../assessment/round-rules.js';
import { councilTypes, regions, type CouncilType, type Region } from './council-types.js';

export const SMALL_NUMBER_MINIMUM = 5;

export type ShownCount = number | 'fewer-than-minimum';

/** A count of people as it may be shown: 0, or at least the minimum, else "fewer than" the minimum. */
export function showPeopleCount(count: number, minimum = SMALL_NUMBER_MINIMUM): ShownCount {
  return count === 0 || count >= minimum ? count : 'fewer-than-minimum';
}

export interface UptakePartnership {
  readonly id: string;
  readonly councilType: CouncilType | undefined;
  readonly region: Region | undefined;
  readonly benchmarkOptIn: boolean;
}

export interface UptakeInput {
  readonly today: string;
  readonly partnerships: readonly UptakePartnership[];
  readonly rounds: readonly {
    partnershipId: string;
    opensOn: string;
    closesOn: string;
    closedAt: string | null;
  }[];
  readonly respondents: readonly { groupKind: string; submitted: number }[];
  readonly activeActions: readonly { partnershipId: string; active: number }[];
}

export interface UptakeRegionRow {
  /** undefined for partnerships whose region is not recorded. */
  readonly region: Region | undefined;
  readonly byCouncilType: Readonly<Record<CouncilType | 'unknown', number>>;
  readonly partnerships: number;
  readonly withRounds: number;
  readonly roundsClosed: number;
  readonly roundsOpen: number;
  readonly activeActions: number;
  readonly benchmarking: number;
}

export interface Uptake {
  readonly regions: readonly UptakeRegionRow[];
  readonly totals: UptakeRegionRow;
  readonly respondents: readonly { groupKind: string; submitted: ShownCount }[];
}

const zeroTypes = (): Record<CouncilType | 'unknown', number> =>
  Object.fromEntries([...councilTypes, 'unknown'].map((t) => [t, 0])) as Record<
    CouncilType | 'unknown',
    number
  >;

function summarise(
  region: Region | undefined,
  ids: readonly UptakePartnership[],
  input: UptakeInput,
): UptakeRegionRow {
  const set = new Set(ids.map((p) => p.id));
  const byCouncilType = zeroTypes();
  for (const p of ids) byCouncilType[p.councilType ?? 'unknown'] += 1;
  const rounds = input.rounds.filter((r) => set.has(r.partnershipId));
  const statuses = rounds.map((r) => roundStatus(r, input.today));
  return {
    region,
    byCouncilType,
    partnerships: ids.length,
    withRounds: new Set(rounds.map((r) => r.partnershipId)).size,
    roundsClosed: statuses.filter((s) => s === 'closed').length,
    roundsOpen: statuses.filter((s) => s === 'open').length,
    activeActions: input.activeActions
      .filter((a) => set.has(a.partnershipId))
      .reduce((sum, a) => sum + a.active, 0),
    benchmarking: ids.filter((p) => p.benchmarkOptIn).length,
  };
}

/** Counts by region (regions with no partnership left out; "not recorded" last) and national totals. */
export function summariseUptake(input: UptakeInput): Uptake {
  const keys: (Region | undefined)[] = [...regions, undefined];
  const rows = keys
    .map((region) =>
      summarise(
        region,
        input.partnerships.filter((p) => p.region === region),
        input,
      ),
    )
    .filter((row) => row.partnerships > 0);
  const totals = new Map<string, number>();
  for (const r of input.respondents) totals.set(r.groupKind, (totals.get(r.groupKind) ?? 0) + r.submitted);
  return {
    regions: rows,
    totals: summarise(undefined, input.partnerships, input),
    respondents: [...totals.entries()].map(([groupKind, submitted]) => ({
      groupKind,
      submitted: showPeopleCount(submitted),
    })),
  };
}

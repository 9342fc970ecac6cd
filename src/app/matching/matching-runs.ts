import { z } from 'zod';
import type { ThemeVocabulary } from '../../domain/directory/themes.js';
import { allocate } from '../../domain/matching/allocate.js';
import type { Allocation, AllocationInput } from '../../domain/matching/allocation-types.js';
import type { Clock } from '../shared/system-ports.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';
import {
  defaultPeoplePerSeverity,
  demandFromNeeds,
  partnershipPlaces,
  type DemandArea,
} from './matching-demand.js';
import { reachKmFor } from '../../domain/needs/reach-rule.js';
import { readReachRule } from '../gaps/reach-rule.js';
import type { MatchingRunRecord, MatchingRunSummary } from './matching-run-record.js';
import { readSavedRun, type SavedRunInput } from './matching-run-input.js';
import { defaultCapacityPerWeek, supplyForThemes } from './matching-supply.js';

export interface MatchingDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly themes: ThemeVocabulary;
}

const maxKmMessage = 'Enter a distance from 0.1 to 100 kilometres, like 5, or leave it empty';

/**
 * A request to run an allocation, from a form, the API or the command line. Without `maxKm` each need takes the
 * partnership's reach rule for its area; with it, everyone in the run is asked to travel at most that far.
 */
export const runRequestSchema = z.object({
  themes: z
    .array(z.string().trim().min(1))
    .min(1, 'Select at least one theme')
    .max(50, 'Select at most 50 themes'),
  maxKm: z.number({ error: maxKmMessage }).min(0.1, maxKmMessage).max(100, maxKmMessage).optional(),
});
export type RunRequest = z.infer<typeof runRequestSchema>;

export type StartRunResult =
  | { readonly ok: true; readonly run: MatchingRunRecord }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/**
 * The engine's input for a partnership and some themes: one demand per needs record (its people, or the default
 * for its severity, at its area's representative point, reaching as far as the reach rule allows for its area
 * unless `maxKm` is given) and every service with one of the themes (capacity in people per week; unknown
 * capacity counts as the default, and says so).
 */
export async function buildRunInput(
  deps: MatchingDeps,
  partnership: PartnershipRecord,
  themeIds: readonly string[],
  maxKm: number | undefined,
): Promise<SavedRunInput> {
  const themes = deps.themes.themes
    .filter((t) => themeIds.includes(t.id))
    .map((t) => ({ id: t.id, name: t.name }));
  const ids = themes.map((t) => t.id);
  const [places, supply, needs, reach] = await Promise.all([
    partnershipPlaces(deps.store, partnership),
    supplyForThemes(deps.store, partnership.id, ids),
    deps.store.needs.listForPartnership(partnership.id),
    readReachRule(deps.store, partnership.id),
  ]);
  const reachOf = (area: DemandArea) => maxKm ?? reachKmFor(reach.rule, area.ruralUrban);
  const { demands, unplaced } = demandFromNeeds(needs, places.areas, new Set(ids), reachOf);
  // The furthest anyone is asked to travel; the urban reach when there is no demand at all.
  const furthestKm =
    (maxKm ?? demands.reduce((most, d) => Math.max(most, d.maxTravelKm ?? 0), 0)) || reach.rule.urban;
  const used = new Set(demands.map((d) => d.areaCode));
  const areas: DemandArea[] = [...places.areas.values()].filter(
    (a) => a.level !== 'lsoa' || used.has(a.code),
  );
  const allocation: AllocationInput = {
    demands: demands.map(({ peopleKnown: _known, ...demand }) => demand),
    services: supply.map(({ organisationName: _o, publicPoints: _p, ...service }) => service),
    options: { maxTravelKm: furthestKm, themes: ids, unknownCapacity: defaultCapacityPerWeek },
  };
  return {
    version: 1,
    themes,
    maxKm: furthestKm,
    ...(maxKm === undefined ? { reachRule: reach.rule } : {}),
    allocation,
    assumptions: {
      needsWithoutPeople: demands.filter((d) => !d.peopleKnown).length,
      peoplePerSeverity: defaultPeoplePerSeverity,
      servicesWithoutCapacity: supply.filter((s) => s.capacity === null).length,
      capacityPerWeek: defaultCapacityPerWeek,
      unplacedNeeds: unplaced.length,
    },
    areas,
    serviceDetails: Object.fromEntries(
      supply.map((s) => [s.id, { organisationName: s.organisationName, publicPoints: s.publicPoints }]),
    ),
  };
}

/** The headline figures of an allocation, as the list of runs shows them. */
export function runFigures(input: SavedRunInput, allocation: Allocation) {
  return {
    needUnits: allocation.allocatedUnits + allocation.unmetUnits,
    metUnits: allocation.allocatedUnits,
    unmetUnits: allocation.unmetUnits,
    serviceCount: input.allocation.services.length,
    totalCost: allocation.cost,
    greedyCost: allocation.greedyCost,
  };
}

/** Checks the request, runs the allocation and saves it with its input. */
export async function startMatchingRun(
  deps: MatchingDeps,
  partnership: PartnershipRecord,
  request: unknown,
  actor: Actor,
): Promise<StartRunResult> {
  const parsed = runRequestSchema.safeParse(request);
  const known = new Set(deps.themes.themes.map((t) => t.id));
  const errors: Record<string, string> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  else if (parsed.data.themes.some((t) => !known.has(t)))
    errors.themes = `Choose themes from the list: ${parsed.data.themes.filter((t) => !known.has(t)).join(', ')} is not one`;
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const input = await buildRunInput(deps, partnership, parsed.data.themes, parsed.data.maxKm);
  const allocation = allocate(input.allocation);
  const run: MatchingRunRecord = {
    id: newId(),
    partnershipId: partnership.id,
    themes: input.themes.map((t) => t.id),
    maxKm: input.maxKm,
    ...runFigures(input, allocation),
    createdBy: actor.userId,
    createdByName: actor.label,
    createdAt: deps.clock.now().toISOString(),
    inputJson: JSON.stringify(input),
    resultJson: JSON.stringify(allocation),
  };
  await deps.store.matchingRuns.insert(run);
  await recordAudit(deps.store, deps.clock, {
    partnershipId: partnership.id,
    actor,
    action: 'matching-run-saved',
    subject: `Allocation for ${input.themes.map((t) => t.name).join(', ')}`,
  });
  return { ok: true, run };
}

export const listMatchingRuns = (
  deps: MatchingDeps,
  partnership: PartnershipRecord,
  limit = 50,
): Promise<MatchingRunSummary[]> => deps.store.matchingRuns.list(partnership.id, limit);

export interface OpenedRun {
  readonly summary: MatchingRunSummary;
  readonly input: SavedRunInput;
  readonly allocation: Allocation;
}

/** A saved run of this partnership with its input and result; undefined for another partnership's. */
export async function openMatchingRun(
  deps: MatchingDeps,
  partnership: PartnershipRecord,
  id: string,
): Promise<OpenedRun | undefined> {
  const record = await deps.store.matchingRuns.find(partnership.id, id);
  if (!record) return undefined;
  const { inputJson, resultJson, ...summary } = record;
  return { summary, ...readSavedRun(inputJson, resultJson) };
}

import { z } from 'zod';
import { allocate } from '../../domain/matching/allocate.js';
import type { Allocation, MatchService } from '../../domain/matching/allocation-types.js';
import { lookupPostcode } from '../areas/postcode-lookup.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { SavedRunInput } from './matching-run-input.js';
import { openMatchingRun, type MatchingDeps, type OpenedRun } from './matching-runs.js';
import { unmetByAreaAndTheme, type UnmetRow } from './run-results.js';

const capacityMessage = 'Enter a capacity from 0 to 100,000 people a week, like 25';
const capacity = z.coerce
  .number({ error: capacityMessage })
  .int(capacityMessage)
  .min(0, capacityMessage)
  .max(100_000, capacityMessage);
const postcode = z.string().trim().min(1, 'Enter the postcode of the service’s place');

/** One change to try against a saved run. */
export const whatIfChangeSchema = z.discriminatedUnion('change', [
  z.object({ change: z.literal('capacity'), serviceId: z.string().min(1, 'Select a service'), capacity }),
  z.object({ change: z.literal('move'), serviceId: z.string().min(1, 'Select a service'), postcode }),
  z.object({
    change: z.literal('add'),
    name: z
      .string()
      .trim()
      .min(1, 'Enter a name for the new service')
      .max(120, 'Use 120 characters or fewer'),
    theme: z.string().min(1, 'Select a theme'),
    capacity,
    postcode,
  }),
]);
export type WhatIfChange = z.infer<typeof whatIfChangeSchema>;

/** The id given to a service added in a what-if; never a real service's id. */
export const addedServiceId = 'what-if-added-service';

export interface ComparisonRow {
  readonly areaCode: string;
  readonly areaName: string;
  readonly theme: string;
  readonly themeName: string;
  readonly units: number;
  readonly savedUnmet: number;
  readonly whatIfUnmet: number;
}

export type WhatIfResult =
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> }
  | {
      readonly ok: true;
      readonly run: OpenedRun;
      readonly change: WhatIfChange;
      /** The change in words: "Northmoor Food Bank takes 60 people a week (was 40)". */
      readonly description: string;
      readonly input: SavedRunInput;
      readonly allocation: Allocation;
      readonly rows: readonly ComparisonRow[];
    };

/** Side by side: every area and theme of either allocation, the biggest change first. */
export function compareUnmet(saved: readonly UnmetRow[], whatIf: readonly UnmetRow[]): ComparisonRow[] {
  const key = (r: UnmetRow) => `${r.areaCode}|${r.theme}`;
  const after = new Map(whatIf.map((r) => [key(r), r]));
  return saved
    .map((r) => ({
      areaCode: r.areaCode,
      areaName: r.areaName,
      theme: r.theme,
      themeName: r.themeName,
      units: r.units,
      savedUnmet: r.unmet,
      whatIfUnmet: after.get(key(r))?.unmet ?? r.unmet,
    }))
    .sort(
      (a, b) =>
        Math.abs(b.whatIfUnmet - b.savedUnmet) - Math.abs(a.whatIfUnmet - a.savedUnmet) ||
        b.savedUnmet - a.savedUnmet ||
        a.areaName.localeCompare(b.areaName),
    );
}

type Errors = Record<string, string>;

async function applyChange(
  deps: MatchingDeps,
  input: SavedRunInput,
  change: WhatIfChange,
): Promise<{ services: MatchService[]; description: string } | { errors: Errors }> {
  const services = [...input.allocation.services];
  const locate = async () => {
    const found = await lookupPostcode(deps.store, change.change === 'capacity' ? '' : change.postcode);
    return found.kind === 'found' ? found : { errors: { postcode: found.message } };
  };
  if (change.change === 'add') {
    if (!input.themes.some((t) => t.id === change.theme))
      return { errors: { theme: 'Select one of the themes this run covers' } };
    const place = await locate();
    if ('errors' in place) return place;
    services.push({
      id: addedServiceId,
      name: change.name,
      themes: [change.theme],
      open: true,
      points: [place.point],
      areaCodes: [],
      capacity: change.capacity,
      eligibility: { minimumAge: null, maximumAge: null },
      languages: [],
      accessibility: null,
      hoursPerWeek: null,
      lastCheckedOn: null,
    });
    return {
      services,
      description: `A new service, ${change.name}, at ${place.postcode}, taking ${change.capacity} people a week`,
    };
  }
  const index = services.findIndex((s) => s.id === change.serviceId);
  const service = services[index];
  if (!service) return { errors: { serviceId: 'Select a service from this run' } };
  if (change.change === 'capacity') {
    services[index] = { ...service, capacity: change.capacity };
    const was = service.capacity === null ? 'not recorded' : `was ${service.capacity}`;
    return { services, description: `${service.name} takes ${change.capacity} people a week (${was})` };
  }
  const place = await locate();
  if ('errors' in place) return place;
  services[index] = { ...service, points: [place.point], areaCodes: [] };
  return {
    services,
    description: `${service.name} moves to ${place.postcode} (and no longer covers areas beyond its reach)`,
  };
}

/** Re-runs a saved run with one change and compares unmet need by area and theme. Nothing is saved. */
export async function runWhatIf(
  deps: MatchingDeps,
  partnership: PartnershipRecord,
  runId: string,
  raw: unknown,
): Promise<WhatIfResult | undefined> {
  const run = await openMatchingRun(deps, partnership, runId);
  if (!run) return undefined;
  const parsed = whatIfChangeSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: Errors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'change')] ??= issue.message;
    if (errors.change) errors.change = 'Select what to change';
    return { ok: false, errors };
  }
  const applied = await applyChange(deps, run.input, parsed.data);
  if ('errors' in applied) return { ok: false, errors: applied.errors };
  const input: SavedRunInput = {
    ...run.input,
    allocation: { ...run.input.allocation, services: applied.services },
  };
  const allocation = allocate(input.allocation);
  return {
    ok: true,
    run,
    change: parsed.data,
    description: applied.description,
    input,
    allocation,
    rows: compareUnmet(
      unmetByAreaAndTheme(run.input, run.allocation),
      unmetByAreaAndTheme(input, allocation),
    ),
  };
}

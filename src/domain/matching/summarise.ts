import type { Allocation, AllocationInput } from './allocation-types.js';

/** One area and theme of an allocation's results: the people, how many were placed and how many are unmet. */
export interface AreaThemeOutcome {
  readonly areaCode: string;
  readonly theme: string;
  readonly units: number;
  readonly allocated: number;
  readonly unmet: number;
}

/** Unmet need by area and theme (for the map and its table), most unmet first, then by area code and theme. */
export function outcomesByAreaAndTheme(input: AllocationInput, allocation: Allocation): AreaThemeOutcome[] {
  const byKey = new Map<string, { areaCode: string; theme: string; units: number; allocated: number }>();
  input.demands.forEach((demand, i) => {
    const outcome = allocation.demands[i];
    if (!outcome || outcome.units === 0) return;
    const key = `${demand.areaCode}\u0000${demand.theme}`;
    let entry = byKey.get(key);
    if (!entry)
      byKey.set(key, (entry = { areaCode: demand.areaCode, theme: demand.theme, units: 0, allocated: 0 }));
    entry.units += outcome.units;
    entry.allocated += outcome.allocated;
  });
  return [...byKey.values()]
    .map((entry) => ({ ...entry, unmet: entry.units - entry.allocated }))
    .sort(
      (a, b) => b.unmet - a.unmet || a.areaCode.localeCompare(b.areaCode) || a.theme.localeCompare(b.theme),
    );
}

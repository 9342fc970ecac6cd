import type { IndicatorDefinition, IndicatorValue } from '../../app/areas/area-records.js';
import type { Store } from '../../app/ports.js';

/**
 * Compares planned indicator rows with what is stored: which areas are new, which changed, and the values
 * to write (only those that differ), so a second import writes nothing.
 */
export async function diffIndicatorValues(
  store: Store,
  definitions: readonly IndicatorDefinition[],
  values: readonly IndicatorValue[],
): Promise<{
  newAreas: number;
  changedAreas: number;
  writes: IndicatorValue[];
  definitionsChanged: boolean;
}> {
  const stored = await store.areas.listIndicators();
  const definitionsChanged = definitions.some((d) => {
    const before = stored.find((s) => s.key === d.key);
    return !before || JSON.stringify(before) !== JSON.stringify(d);
  });
  const existing = new Map(
    (await store.areas.listIndicatorValues(definitions.map((d) => d.key))).map((v) => [
      `${v.indicatorKey}|${v.areaCode}`,
      v,
    ]),
  );
  const areasWithAny = new Set([...existing.values()].map((v) => v.areaCode));
  const newAreas = new Set<string>();
  const changedAreas = new Set<string>();
  const writes: IndicatorValue[] = [];
  for (const value of values) {
    const before = existing.get(`${value.indicatorKey}|${value.areaCode}`);
    if (
      before &&
      before.value === value.value &&
      before.rank === value.rank &&
      before.decile === value.decile
    )
      continue;
    writes.push(value);
    if (!areasWithAny.has(value.areaCode)) newAreas.add(value.areaCode);
    else changedAreas.add(value.areaCode);
  }
  return { newAreas: newAreas.size, changedAreas: changedAreas.size, writes, definitionsChanged };
}

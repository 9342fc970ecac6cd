import type { IndicatorDefinition, IndicatorValue } from '../../app/areas/area-records.js';
import type { Store } from '../../app/ports.js';
import type { ReferencePlan, ReportBuilder } from './reference-import.js';

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
  // One indicator at a time, so a national file (8 domains × 33,755 LSOAs) never holds every stored value at once.
  const byKey = new Map<string, IndicatorValue[]>();
  for (const value of values) {
    const list = byKey.get(value.indicatorKey) ?? [];
    list.push(value);
    byKey.set(value.indicatorKey, list);
  }
  const areasWithAny = new Set<string>();
  const writes: IndicatorValue[] = [];
  for (const definition of definitions) {
    const existing = new Map(
      (await store.areas.listIndicatorValues([definition.key])).map((v) => [v.areaCode, v]),
    );
    for (const code of existing.keys()) areasWithAny.add(code);
    for (const value of byKey.get(definition.key) ?? []) {
      const before = existing.get(value.areaCode);
      if (
        before &&
        before.value === value.value &&
        before.rank === value.rank &&
        before.decile === value.decile
      )
        continue;
      writes.push(value);
    }
  }
  const newAreas = new Set<string>();
  const changedAreas = new Set<string>();
  for (const value of writes) {
    if (!areasWithAny.has(value.areaCode)) newAreas.add(value.areaCode);
    else changedAreas.add(value.areaCode);
  }
  return { newAreas: newAreas.size, changedAreas: changedAreas.size, writes, definitionsChanged };
}

/** The plan of an indicator import: count new and changed areas, then write only the differences. */
export async function planIndicatorWrites(
  store: Store,
  definitions: readonly IndicatorDefinition[],
  values: readonly IndicatorValue[],
  report: ReportBuilder,
): Promise<ReferencePlan> {
  const diff = await diffIndicatorValues(store, definitions, values);
  report.imported = diff.newAreas;
  report.updated = diff.changedAreas;
  return {
    report: report.build(),
    async write(target) {
      if (diff.definitionsChanged) for (const d of definitions) await target.areas.upsertIndicator(d);
      await target.areas.upsertIndicatorValues(diff.writes);
    },
  };
}

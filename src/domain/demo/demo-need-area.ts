import type { NeedSeverity, NeedSource } from '../needs/model.js';

/** Where a demo need is: the whole authority, a ward (by name), or one of a ward's four neighbourhoods (A to D). */
export type DemoNeedArea =
  { readonly authority: true } | { readonly ward: string; readonly neighbourhood?: 'A' | 'B' | 'C' | 'D' };

/** One made-up need in the Northmoor register. `reporter` is the key of a demo organisation, if any. */
export interface DemoNeed {
  readonly key: string;
  readonly area: DemoNeedArea;
  readonly theme: string;
  readonly severity: NeedSeverity;
  readonly peopleAffected: number | null;
  readonly evidence: string;
  readonly source: NeedSource;
  readonly reporter: string | null;
  /** Days before the demo is loaded that the need was reported. */
  readonly reportedDaysAgo: number;
}

export const authority = { authority: true } as const;
export const ward = (name: string, neighbourhood?: 'A' | 'B' | 'C' | 'D'): DemoNeedArea =>
  neighbourhood ? { ward: name, neighbourhood } : { ward: name };

/** The code of a demo need's area among the generated areas; undefined when the ward or neighbourhood is not there. */
export function demoNeedAreaCode(
  area: DemoNeedArea,
  areas: readonly { code: string; level: string; name: string; parentCode: string | null }[],
): string | undefined {
  if ('authority' in area) return areas.find((a) => a.level === 'authority')?.code;
  const wardArea = areas.find((a) => a.level === 'ward' && a.name === area.ward);
  if (!wardArea || !area.neighbourhood) return wardArea?.code;
  return areas.find(
    (a) => a.level === 'lsoa' && a.parentCode === wardArea.code && a.name.endsWith(area.neighbourhood ?? ''),
  )?.code;
}

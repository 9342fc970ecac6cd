import type { AreaLevel } from '../../domain/areas/gss-code.js';
import { currentLsoaEdition } from '../../domain/areas/editions.js';
import { partnershipAreas } from '../areas/area-profile.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';

/** An area a need may be recorded for. */
export interface NeedArea {
  readonly code: string;
  readonly name: string;
  readonly level: AreaLevel;
  /** The ward an LSOA is in; null for the authority and wards. */
  readonly wardCode: string | null;
}

export interface NeedAreas {
  /** The authority first, then each ward (by name) followed by its LSOAs (by name). */
  readonly list: readonly NeedArea[];
  readonly byCode: ReadonlyMap<string, NeedArea>;
  /** An area's code with the codes of every area inside it (a ward's LSOAs; everything for the authority). */
  within(code: string): string[];
}

/** The partnership's authority, its wards and their 2021 LSOAs: the areas needs are recorded for. */
export async function needAreas(store: Store, partnership: PartnershipRecord): Promise<NeedAreas> {
  const { authority, wards } = await partnershipAreas(store, partnership);
  const list: NeedArea[] = [];
  if (authority)
    list.push({ code: authority.code, name: authority.name, level: 'authority', wardCode: null });
  const lsoasByWard = await Promise.all(
    wards.map(async (ward) => ({ ward, lsoas: await store.areas.children(ward.code, currentLsoaEdition) })),
  );
  for (const { ward, lsoas } of [...lsoasByWard].sort((a, b) => a.ward.name.localeCompare(b.ward.name))) {
    list.push({ code: ward.code, name: ward.name, level: 'ward', wardCode: null });
    for (const lsoa of lsoas.filter((l) => l.level === 'lsoa')) {
      list.push({ code: lsoa.code, name: lsoa.name, level: 'lsoa', wardCode: ward.code });
    }
  }
  const byCode = new Map(list.map((area) => [area.code, area]));
  return {
    list,
    byCode,
    within(code) {
      const area = byCode.get(code);
      if (!area) return [code];
      if (area.level === 'authority') return list.map((a) => a.code);
      if (area.level === 'ward') return [code, ...list.filter((a) => a.wardCode === code).map((a) => a.code)];
      return [code];
    },
  };
}

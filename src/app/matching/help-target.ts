import { lookupPostcode } from '../areas/postcode-lookup.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';
import { relatedAreaCodes, type DemandArea } from './matching-demand.js';

/** What "who can help" is asked about: a needs record, an area and theme, or a postcode and theme. */
export type HelpQuestion =
  | { readonly kind: 'need'; readonly needId: string }
  | { readonly kind: 'area'; readonly areaCode: string; readonly theme: string }
  | { readonly kind: 'postcode'; readonly postcode: string; readonly theme: string };

/** A person's circumstances that decide which services they may use. */
export interface HelpCircumstances {
  readonly age: number | null;
  readonly language: string | null;
  readonly accessNeeds: string | null;
}

/** Where and for what the ranking looks: a point, the areas it lies in (for coverage) and a theme. */
export interface HelpTarget {
  readonly theme: string;
  readonly point: { readonly lat: number; readonly lng: number };
  /** The area the point lies in (the smallest known), and the areas around and inside it (for coverage). */
  readonly areaCode: string;
  readonly relatedAreaCodes: readonly string[];
  /** Words for the page: "the food need in Ashton ward", "M32 0XX". */
  readonly label: string;
  readonly needId: string | null;
}

export type HelpTargetResult =
  | { readonly ok: true; readonly target: HelpTarget }
  | { readonly ok: false; readonly field: 'need' | 'area' | 'postcode' | 'theme'; readonly message: string };

/**
 * Turns a question into a point, the areas around it and a theme. Every failure names the field to fix: an
 * unknown need, an area outside the partnership, a postcode that is not found or is outside the partnership.
 */
export async function resolveHelpTarget(
  store: Store,
  partnership: PartnershipRecord,
  areas: ReadonlyMap<string, DemandArea>,
  question: HelpQuestion,
  themeName: (id: string) => string | undefined,
): Promise<HelpTargetResult> {
  if (question.kind === 'need') {
    const need = await store.needs.find(partnership.id, question.needId);
    if (!need) return { ok: false, field: 'need', message: 'There is no such need in this partnership' };
    const area = areas.get(need.areaCode);
    if (!area)
      return {
        ok: false,
        field: 'need',
        message: `The need’s area ${need.areaCode} has no boundary or point loaded, so distances cannot be worked out`,
      };
    return {
      ok: true,
      target: {
        theme: need.theme,
        point: area.point,
        areaCode: area.code,
        relatedAreaCodes: relatedAreaCodes(area, areas),
        label: `the ${(themeName(need.theme) ?? need.theme).toLowerCase()} need in ${area.name}`,
        needId: need.id,
      },
    };
  }
  if (!themeName(question.theme)) return { ok: false, field: 'theme', message: 'Select a theme' };
  if (question.kind === 'area') {
    const area = areas.get(question.areaCode.trim().toUpperCase());
    if (!area) return { ok: false, field: 'area', message: 'Select an area in this partnership' };
    return {
      ok: true,
      target: {
        theme: question.theme,
        point: area.point,
        areaCode: area.code,
        relatedAreaCodes: relatedAreaCodes(area, areas),
        label: area.name,
        needId: null,
      },
    };
  }
  const found = await lookupPostcode(store, question.postcode);
  if (found.kind !== 'found') return { ok: false, field: 'postcode', message: found.message };
  const inside = [found.lsoa, found.ward, found.authority].some(
    (a) => a && a.code === partnership.localAuthorityCode,
  );
  const [smallest, ...rest] = [found.lsoa, found.ward, found.authority].filter(
    (a): a is NonNullable<typeof a> => Boolean(a),
  );
  if (!inside || !smallest)
    return {
      ok: false,
      field: 'postcode',
      message: `${found.postcode} is outside this partnership’s area. Enter a postcode in the area`,
    };
  return {
    ok: true,
    target: {
      theme: question.theme,
      point: found.point,
      areaCode: smallest.code,
      relatedAreaCodes: rest.map((a) => a.code),
      label: found.postcode,
      needId: null,
    },
  };
}

import {
  defaultReachRule,
  reachClasses,
  reachKmFor,
  type ReachClass,
  type ReachRule,
} from '../../domain/needs/reach-rule.js';
import type { Store } from '../ports.js';

/**
 * The partnership's reach rule, as every page uses it: the needs map and gaps, who can help, the allocation and
 * commissioning. Admins change it on the needs map settings page; a class left unset takes the default.
 */
export interface PartnershipReachRule {
  readonly rule: ReachRule;
  /** False while every class uses the default. */
  readonly customised: boolean;
}

export async function readReachRule(store: Store, partnershipId: string): Promise<PartnershipReachRule> {
  const own = await store.partnerships.reachRule(partnershipId);
  const rule = Object.fromEntries(reachClasses.map((c) => [c, own[c] ?? defaultReachRule[c]])) as Record<
    ReachClass,
    number
  >;
  return { rule, customised: reachClasses.some((c) => own[c] !== null) };
}

/** The reach for an area of this class under the partnership's rule. */
export async function reachForClass(
  store: Store,
  partnershipId: string,
  reachClass: ReachClass | null | undefined,
): Promise<number> {
  return reachKmFor((await readReachRule(store, partnershipId)).rule, reachClass);
}

import { startMatchingRun, type MatchingDeps } from '../matching/matching-runs.js';

/**
 * One saved allocation run for Northmoor, over every theme its needs register has, under the partnership's
 * reach rule, so the matching pages show a run as soon as the demo starts.
 */
export async function seedDemoMatching(deps: MatchingDeps): Promise<void> {
  const northmoor = await deps.store.partnerships.findBySlug('northmoor');
  if (!northmoor) return;
  const themes = [...new Set((await deps.store.needs.listForPartnership(northmoor.id)).map((n) => n.theme))];
  if (themes.length === 0) return;
  const result = await startMatchingRun(deps, northmoor, { themes }, { userId: null, label: 'Demo data' });
  if (!result.ok)
    throw new Error(`The demo allocation run failed: ${Object.values(result.errors).join('; ')}`);
}

import type { AssessmentDeps } from '../assessments/rounds.js';
import { applyRetention } from '../privacy/apply-retention.js';
import { saveRetention } from '../privacy/retention-settings.js';
import { systemActor } from '../shared/audit.js';

/**
 * Northmoor keeps individual answers for 1 year after a round closes. Its Autumn 2025 quick check closed more
 * than a year ago, so the demo applies the setting once: that round's answers are deleted and its results,
 * trends and counts are read from the saved copy, exactly as before.
 */
export async function seedDemoRetention(deps: AssessmentDeps): Promise<void> {
  const northmoor = await deps.store.partnerships.findBySlug('northmoor');
  if (!northmoor) return;
  await saveRetention(deps.store, deps.clock, northmoor.id, { months: '12' }, systemActor);
  await applyRetention(deps, deps.clock.now());
}

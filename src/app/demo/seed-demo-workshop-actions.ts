import { splitActionLines } from '../../domain/actions/workshop-actions.js';
import { indicatorsFor } from '../../domain/framework/framework.js';
import { addAgreedActions } from '../actions/workshop-actions.js';
import type { FrameworkLibrary } from '../assessments/framework-library.js';
import type { Store } from '../ports.js';

/**
 * Puts every action the demo's workshops agreed into the plan, as saving the workshop would have done. Runs
 * after the hand-made demo actions, so a line that is already one of them is not added twice.
 */
export async function seedDemoWorkshopActions(
  store: Store,
  frameworks: FrameworkLibrary,
  partnershipId: string,
): Promise<void> {
  const framework = frameworks.current;
  for (const round of await store.rounds.list(partnershipId)) {
    const asked = indicatorsFor(framework, round.kind).map((indicator) => indicator.code);
    for (const record of await store.workshop.list(round.id)) {
      const principle = framework.principles.find((p) => p.code === record.principleCode);
      await addAgreedActions(store, record.recordedAt, {
        round,
        principleCode: record.principleCode,
        indicatorCodes: (principle?.indicators ?? [])
          .map((indicator) => indicator.code)
          .filter((code) => asked.includes(code)),
        lines: splitActionLines(record.agreedActions),
      });
    }
  }
}

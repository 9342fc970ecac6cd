import { ValidationError } from '../errors.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';
import type { AssessmentDeps, RoundView } from './rounds.js';

/** Records what a workshop agreed for one principle: a level (or none), the reasons and the actions. */
export async function saveWorkshopRecord(
  deps: AssessmentDeps,
  view: RoundView,
  input: { principleCode: string; agreedLevel: string; reasons: string; agreedActions: string },
  actor: Actor,
): Promise<void> {
  const principle = view.framework.principles.find((p) => p.code === input.principleCode);
  if (!principle) throw new ValidationError({ principleCode: 'Select a principle' });
  const problems: Record<string, string> = {};
  const level = input.agreedLevel === 'none' ? null : Number(input.agreedLevel);
  if (level !== null && ![1, 2, 3, 4].includes(level)) {
    problems.agreedLevel = 'Select the level the meeting agreed, or “Not agreed”';
  }
  const reasons = input.reasons.trim();
  const agreedActions = input.agreedActions.trim();
  if (reasons.length > 4000) problems.reasons = 'Reasons must be 4,000 characters or fewer';
  if (agreedActions.length > 4000) problems.agreedActions = 'Actions must be 4,000 characters or fewer';
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  await deps.store.transaction(async (store) => {
    await store.workshop.save({
      id: newId(),
      roundId: view.round.id,
      principleCode: principle.code,
      agreedLevel: level,
      reasons,
      agreedActions,
      recordedAt: deps.clock.now().toISOString(),
      recordedBy: actor.label,
    });
    await recordAudit(store, deps.clock, {
      partnershipId: view.round.partnershipId,
      actor,
      action: 'workshop-recorded',
      subject: `${principle.name} in ${view.round.name}`,
    });
  });
}

import { actionLineProblem, splitActionLines } from '../../domain/actions/workshop-actions.js';
import { addAgreedActions } from '../actions/workshop-actions.js';
import { ValidationError } from '../errors.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';
import type { AssessmentDeps, RoundView } from './rounds.js';

/** What saving a principle did: how many of its lines became new actions in the plan. */
export interface WorkshopSaved {
  readonly actionsAdded: number;
}

/**
 * Records what a workshop agreed for one principle: a level (or none), the reasons and the actions. Each line
 * of the actions becomes a joint action in the plan, linked to the principle's indicators in the round, with
 * no owner or due date yet; lines already in the plan for this round and principle are not added again.
 */
export async function saveWorkshopRecord(
  deps: AssessmentDeps,
  view: RoundView,
  input: { principleCode: string; agreedLevel: string; reasons: string; agreedActions: string },
  actor: Actor,
): Promise<WorkshopSaved> {
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
  const lines = splitActionLines(agreedActions);
  const lineProblem = actionLineProblem(lines);
  if (agreedActions.length > 4000) problems.agreedActions = 'Actions must be 4,000 characters or fewer';
  else if (lineProblem) problems.agreedActions = lineProblem;
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  const indicatorCodes = view.indicators
    .map((indicator) => indicator.code)
    .filter((code) => principle.indicators.some((i) => i.code === code));
  return deps.store.transaction(async (store) => {
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
    const added = await addAgreedActions(store, deps.clock.now().toISOString(), {
      round: view.round,
      principleCode: principle.code,
      indicatorCodes,
      lines,
    });
    for (const action of added) {
      await recordAudit(store, deps.clock, {
        partnershipId: view.round.partnershipId,
        actor,
        action: 'action-created',
        subject: action.title,
      });
    }
    return { actionsAdded: added.length };
  });
}

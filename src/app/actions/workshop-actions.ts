import { linesToAdd, workshopSource } from '../../domain/actions/workshop-actions.js';
import type { ActionRecord } from './action-store.js';
import type { RoundRecord } from '../assessments/assessment-store.js';
import type { Store } from '../ports.js';
import { newId } from '../shared/secrets.js';

/** What a workshop agreed for one principle of a round: the lines of its "Actions agreed" box. */
export interface AgreedActions {
  readonly round: RoundRecord;
  readonly principleCode: string;
  /** The principle's indicators that the round asked about: each new action is linked to them. */
  readonly indicatorCodes: readonly string[];
  readonly lines: readonly string[];
}

/**
 * Adds the lines not yet in the plan for this round and principle, as joint actions with no owner, lead or
 * due date (those are completed in the plan). Returns the actions added, which may be none.
 */
export async function addAgreedActions(
  store: Store,
  now: string,
  agreed: AgreedActions,
): Promise<ActionRecord[]> {
  const { round } = agreed;
  const source = workshopSource(agreed.principleCode);
  const existing = (await store.actions.list(round.partnershipId)).filter(
    (action) => action.roundId === round.id && action.source === source,
  );
  const added = linesToAdd(
    agreed.lines,
    existing.map((action) => action.title),
  ).map((title): ActionRecord => ({
    id: newId(),
    partnershipId: round.partnershipId,
    roundId: round.id,
    title,
    description: '',
    indicatorCodes: [...agreed.indicatorCodes],
    side: 'joint',
    ownerOrganisationId: null,
    leadName: '',
    dueOn: null,
    status: 'not-started',
    source,
    createdAt: now,
    updatedAt: now,
  }));
  for (const action of added) await store.actions.insert(action);
  return added;
}

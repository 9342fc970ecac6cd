import type { ActionDraft } from '../../domain/actions/actions.js';
import type { RoundRecord } from '../assessments/assessment-store.js';
import type { RoundResultsView } from '../assessments/results.js';
import type { RoundView } from '../assessments/rounds.js';
import type { MembershipRecord } from '../partnerships/partnership-store.js';
import type { ServiceDeps } from '../service-deps.js';
import type { Actor } from '../shared/audit.js';
import {
  actionsByIndicator,
  addProgressNote,
  createAction,
  findAction,
  listActions,
  openActionsCarriedInto,
  updateAction,
  type ActionDeps,
  type ActionOrigin,
} from './actions.js';
import { addGuidanceAction, type GuidanceArticleFacts } from './guidance-actions.js';
import { suggestionsFor } from './suggestions.js';

/** The partnership's action plan: actions, progress notes and suggestions from results and guides. */
export function actionServices(deps: ServiceDeps) {
  const actionDeps: ActionDeps = {
    store: deps.store,
    clock: deps.clock,
    frameworks: deps.frameworks,
    guidance: deps.guidance,
  };
  return {
    list: (partnershipId: string) => listActions(actionDeps, partnershipId),
    find: (partnershipId: string, actionId: string) => findAction(actionDeps, partnershipId, actionId),
    create: (
      partnershipId: string,
      member: MembershipRecord,
      draft: ActionDraft,
      origin: ActionOrigin,
      actor: Actor,
    ) => createAction(actionDeps, partnershipId, member, draft, origin, actor),
    update: (
      partnershipId: string,
      member: MembershipRecord,
      actionId: string,
      draft: ActionDraft,
      actor: Actor,
    ) => updateAction(actionDeps, partnershipId, member, actionId, draft, actor),
    addNote: (
      partnershipId: string,
      member: MembershipRecord,
      actionId: string,
      input: { note: string; status: string },
      actor: Actor,
    ) => addProgressNote(actionDeps, partnershipId, member, actionId, input, actor),
    /** Adds one of a guide's suggested actions to the plan, once. */
    addFromGuidance: (
      partnershipId: string,
      member: MembershipRecord,
      article: GuidanceArticleFacts,
      suggestionTitle: string,
      actor: Actor,
    ) => addGuidanceAction(actionDeps, partnershipId, member, article, suggestionTitle, actor),
    suggestionsFor: (view: RoundView, results: RoundResultsView | undefined, indicatorCode: string) =>
      suggestionsFor(view, results, indicatorCode, deps.guidance),
    openActionsCarriedInto: (round: RoundRecord) => openActionsCarriedInto(actionDeps, round),
    actionsByIndicator: (partnershipId: string) => actionsByIndicator(actionDeps, partnershipId),
  };
}

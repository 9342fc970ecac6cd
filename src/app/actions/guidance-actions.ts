import { mayAddActions } from '../../domain/actions/actions.js';
import { guidanceSource } from '../../domain/actions/guidance-actions.js';
import { normaliseActionText } from '../../domain/actions/workshop-actions.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { ActionRecord } from './action-store.js';
import type { MembershipRecord } from '../partnerships/partnership-store.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';
import type { ActionDeps } from './actions.js';

/** What adding a guide's suggestion needs from the article. */
export interface GuidanceArticleFacts {
  readonly slug: string;
  readonly indicators: readonly string[];
  readonly suggestedActions: readonly { readonly title: string; readonly description: string }[];
}

export interface GuidanceActionResult {
  readonly action: ActionRecord;
  /** False when the plan already held this suggestion from this article, which is then returned. */
  readonly added: boolean;
}

/**
 * Adds one of an article's suggested actions to a partnership's plan as a joint action linked to the
 * article's indicators, once: asking again returns the action already there. A partnership admin leaves the
 * owner to be chosen in the plan; anyone else owns it through their organisation, so that they can manage it.
 */
export async function addGuidanceAction(
  deps: ActionDeps,
  partnershipId: string,
  member: MembershipRecord,
  article: GuidanceArticleFacts,
  suggestionTitle: string,
  actor: Actor,
): Promise<GuidanceActionResult> {
  if (!mayAddActions(member)) throw new ForbiddenError('You cannot add actions');
  const suggestion = article.suggestedActions.find((s) => s.title === suggestionTitle);
  if (!suggestion) throw new NotFoundError('The guide does not suggest that action');
  const source = guidanceSource(article.slug);
  const known = new Set(deps.frameworks.current.principles.flatMap((p) => p.indicators.map((i) => i.code)));
  const wanted = normaliseActionText(suggestion.title);
  return deps.store.transaction(async (store) => {
    const existing = (await store.actions.list(partnershipId)).find(
      (action) => action.source === source && normaliseActionText(action.title) === wanted,
    );
    if (existing) return { action: existing, added: false };
    const now = deps.clock.now().toISOString();
    const action: ActionRecord = {
      id: newId(),
      partnershipId,
      roundId: null,
      title: suggestion.title,
      description: suggestion.description,
      indicatorCodes: article.indicators.filter((code) => known.has(code)),
      side: 'joint',
      ownerOrganisationId: member.role === 'partnership-admin' ? null : member.organisationId,
      leadName: '',
      dueOn: null,
      status: 'not-started',
      source,
      createdAt: now,
      updatedAt: now,
    };
    await store.actions.insert(action);
    await recordAudit(store, deps.clock, {
      partnershipId,
      actor,
      action: 'action-created',
      subject: action.title,
    });
    return { action, added: true };
  });
}

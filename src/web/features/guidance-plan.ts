import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { mayAddActions } from '../../domain/actions/actions.js';
import { guidanceSource } from '../../domain/actions/guidance-actions.js';
import { normaliseActionText } from '../../domain/actions/workshop-actions.js';
import type { GuidanceArticle } from '../../domain/guidance/guidance.js';
import { text } from '../forms.js';
import { accessOf, actorOf } from './members.js';

const edit = { access: { partnership: 'edit' } } as const;

/** What the article page offers for adding its suggested actions to a plan, for whoever is looking. */
export type PlanOffer =
  | { readonly state: 'signed-out'; readonly signInHref: string }
  | { readonly state: 'no-partnership' }
  | { readonly state: 'read-only' }
  | {
      readonly state: 'can-add';
      readonly slug: string;
      readonly name: string;
      readonly choices: readonly { value: string; text: string; selected: boolean }[];
      /** Normalised titles of this article's suggestions already in the chosen plan → the action's page. */
      readonly inPlan: ReadonlyMap<string, string>;
    };

/**
 * The partnership whose plan the buttons add to: the one chosen on the page (?plan=), else the session's
 * current one, else the first; only partnerships where the person may add actions are on offer.
 */
export async function planOffer(
  services: Services,
  request: FastifyRequest,
  article: GuidanceArticle,
): Promise<PlanOffer> {
  const live = request.live;
  if (!live) return { state: 'signed-out', signInHref: `/sign-in?next=${encodeURIComponent(request.url)}` };
  const partnerships = request.viewerPartnerships ?? [];
  if (partnerships.length === 0) return { state: 'no-partnership' };
  const accesses = await Promise.all(
    partnerships.map((p) => services.partnerships.access(live.user, p.slug)),
  );
  const able = accesses.flatMap((access) => (access && mayAddActions(access.membership) ? [access] : []));
  if (able.length === 0) return { state: 'read-only' };
  const asked = text(request.query, 'plan');
  const chosen =
    able.find((a) => a.partnership.slug === asked) ??
    able.find((a) => a.partnership.id === live.session.currentPartnershipId) ??
    able[0];
  if (!chosen) return { state: 'read-only' };
  const source = guidanceSource(article.slug);
  const actions = await services.actions.list(chosen.partnership.id);
  return {
    state: 'can-add',
    slug: chosen.partnership.slug,
    name: chosen.partnership.name,
    choices: able.map((a) => ({
      value: a.partnership.slug,
      text: a.partnership.name,
      selected: a === chosen,
    })),
    inPlan: new Map(
      actions
        .filter(({ action }) => action.source === source)
        .map(({ action }) => [
          normaliseActionText(action.title),
          `/p/${chosen.partnership.slug}/actions/${action.id}`,
        ]),
    ),
  };
}

/** Adding one of a guide's suggested actions to a partnership's plan, once. */
export function registerGuidancePlan(app: FastifyInstance, services: Services): void {
  app.post('/p/:slug/actions/from-guidance', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const article = services.guidance.find(text(request.body, 'article'));
    if (!article) throw new NotFoundError('No such guidance article');
    const { action, added } = await services.actions.addFromGuidance(
      partnership.id,
      membership,
      article,
      text(request.body, 'suggestion'),
      actorOf(request),
    );
    const done = added ? 'added-from-guidance' : 'already-in-plan';
    return reply.redirect(`/p/${partnership.slug}/actions?done=${done}&action=${action.id}`, 303);
  });
}

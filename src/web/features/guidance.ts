import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { findIndicator, principleOf } from '../../domain/framework/framework.js';
import {
  guidanceAudienceLabels,
  guidanceAudiences,
  guidanceThemes,
  isGuidanceAudience,
  themeLabel,
  type GuidanceArticle,
  type GuidanceAudience,
} from '../../domain/guidance/guidance.js';
import { text } from '../forms.js';
import { planOffer, registerGuidancePlan } from './guidance-plan.js';
import { normaliseActionText } from '../../domain/actions/workshop-actions.js';

/** Anyone may read the guidance, signed in or not; signing in adds the buttons that add actions to a plan. */
const open = { config: { access: 'public' } } as const;

const audienceText = (audience: readonly GuidanceAudience[]): string =>
  audience.map((who) => guidanceAudienceLabels[who]).join(', ');

const options = (anyText: string, values: readonly { value: string; text: string }[], selected: string) => [
  { value: '', text: anyText, selected: selected === '' },
  ...values.map((item) => ({ ...item, selected: item.value === selected })),
];

const summaryOf = (article: GuidanceArticle) => ({
  slug: article.slug,
  title: article.title,
  summary: article.summary,
  audience: audienceText(article.audience),
  lastReviewed: article.lastReviewed,
});

export function registerGuidance(app: FastifyInstance, services: Services): void {
  const library = services.guidance;
  registerGuidancePlan(app, services);

  app.get('/guidance', open, async (request, reply) => {
    const framework = services.assessments.frameworks.current;
    const all = library.list();
    const query = {
      text: text(request.query, 'q').slice(0, 200),
      principle: text(request.query, 'principle'),
      theme: text(request.query, 'theme'),
      audience: text(request.query, 'audience'),
    };
    // Values that are not on offer are ignored, so an old or edited link still shows the library.
    if (!framework.principles.some((p) => p.code === query.principle)) query.principle = '';
    const themes = guidanceThemes(all);
    if (!themes.includes(query.theme)) query.theme = '';
    if (!isGuidanceAudience(query.audience)) query.audience = '';
    const results = library.search(query);
    const filtered = Object.values(query).some((value) => value !== '');
    return reply.page('guidance/library.njk', {
      title: filtered ? `Guidance: ${results.length} found` : 'Guidance',
      query,
      filtered,
      signedIn: Boolean(request.live),
      total: all.length,
      results: results.map(summaryOf),
      principleItems: options(
        'Any principle',
        framework.principles.map((p) => ({ value: p.code, text: p.name })),
        query.principle,
      ),
      themeItems: options(
        'Any theme',
        themes.map((theme) => ({ value: theme, text: themeLabel(theme) })),
        query.theme,
      ),
      audienceItems: options(
        'Anyone',
        guidanceAudiences.map((who) => ({ value: who, text: guidanceAudienceLabels[who] })),
        query.audience,
      ),
    });
  });

  app.get('/guidance/:article', open, async (request, reply) => {
    const slug = (request.params as { article: string }).article;
    const article = library.find(slug);
    if (!article) throw new NotFoundError(`No guidance article ${slug}`);
    const framework = services.assessments.frameworks.current;
    const principles = framework.principles
      .filter((p) => article.principles.includes(p.code))
      .map((p) => ({ code: p.code, name: p.name }));
    const indicators = article.indicators.flatMap((code) => {
      const indicator = findIndicator(framework, code);
      return indicator
        ? [
            {
              code: indicator.code,
              title: indicator.title,
              principle: principleOf(framework, code)?.name ?? '',
            },
          ]
        : [];
    });
    const plan = await planOffer(services, request, article);
    const inPlan = plan.state === 'can-add' ? plan.inPlan : new Map<string, string>();
    return reply.page('guidance/article.njk', {
      title: article.title,
      article: {
        ...summaryOf(article),
        html: article.html,
        themes: article.themes.map(themeLabel),
        suggestedActions: article.suggestedActions.map((action) => ({
          ...action,
          inPlanHref: inPlan.get(normaliseActionText(action.title)),
        })),
      },
      plan,
      principles,
      indicators,
      related: library.related(article.slug, 3).map(summaryOf),
    });
  });
}

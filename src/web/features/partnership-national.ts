import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { BENCHMARK_MINIMUM } from '../../domain/national/benchmark.js';
import { formErrors, text } from '../forms.js';
import {
  benchmarkPrincipleChart,
  benchmarkTableRows,
  filterItems,
  readFilter,
  withheldCount,
} from '../view-models/benchmark-view.js';
import { accessOf, actorOf } from './members.js';

const manage = { access: { partnership: 'manage-settings' } } as const;
const member = { access: { partnership: 'member' } } as const;

const flashes: Record<string, string> = {
  moved: 'New rounds now use the newer framework version. Rounds you already made keep theirs.',
  'opted-in': 'Your partnership now takes part in national benchmarking.',
  'opted-out': 'Your partnership no longer takes part in national benchmarking.',
};

/**
 * A partnership's national settings (which framework version new rounds use; taking part in benchmarking) and
 * its benchmark page: where it sits against the national distributions, with no other partnership named.
 */
export function registerPartnershipNational(app: FastifyInstance, services: Services): void {
  const base = (slug: string) => `/p/${slug}/settings/national`;

  const show = async (request: FastifyRequest, reply: FastifyReply, errors?: Record<string, string>) => {
    const { partnership } = accessOf(request);
    const [framework, profile] = await Promise.all([
      services.national.partnershipFramework(partnership),
      services.national.profile(partnership),
    ]);
    return reply.page(
      'partnerships/national-settings.njk',
      {
        title: 'National settings',
        framework,
        profile,
        flash: errors ? undefined : flashes[text(request.query, 'done')],
        errors: errors && formErrors(errors),
        minimum: BENCHMARK_MINIMUM,
        backLink: { href: `/p/${partnership.slug}/`, text: 'Back to the partnership' },
      },
      errors ? 400 : 200,
    );
  };

  app.get('/p/:slug/settings/national', { config: manage }, (request, reply) => show(request, reply));

  app.post('/p/:slug/settings/national/framework', { config: manage }, async (request, reply) => {
    const { partnership } = accessOf(request);
    try {
      await services.national.moveToLatestFramework(partnership, actorOf(request));
      return reply.redirect(`${base(partnership.slug)}?done=moved`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return show(request, reply, error.fields);
    }
  });

  app.post('/p/:slug/settings/national/benchmarking', { config: manage }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const choice = text(request.body, 'benchmarking');
    if (choice !== 'in' && choice !== 'out') {
      return show(request, reply, { benchmarking: 'Choose whether to take part in national benchmarking' });
    }
    await services.national.setBenchmarking(partnership, choice === 'in', actorOf(request));
    return reply.redirect(`${base(partnership.slug)}?done=opted-${choice}`, 303);
  });

  app.get('/p/:slug/benchmarks', { config: member }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const filter = readFilter(request.query);
    const benchmark = await services.national.partnershipBenchmark(partnership, filter);
    return reply.page('partnerships/benchmarks.njk', {
      title: 'National benchmarks',
      filters: filterItems(filter),
      action: `/p/${partnership.slug}/benchmarks`,
      benchmark,
      tableRows: benchmarkTableRows(benchmark.rows, benchmark.hasOwnFigures),
      chartSvg: benchmarkPrincipleChart(benchmark.rows, benchmark.hasOwnFigures),
      withheld: withheldCount(benchmark.rows),
      minimum: BENCHMARK_MINIMUM,
      canManage: membership.role === 'partnership-admin',
      backLink: { href: `/p/${partnership.slug}/`, text: 'Back to the partnership' },
    });
  });
}

import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { councilTypeLabels, councilTypes, regions } from '../../domain/national/council-types.js';
import { groupKindLabels, type GroupKind } from '../../domain/assessment/round-rules.js';
import { formErrors, text } from '../forms.js';
import {
  benchmarkPrincipleChart,
  benchmarkTableRows,
  filterItems,
  readFilter,
  withheldCount,
} from '../view-models/benchmark-view.js';
import { actorOf } from './members.js';

const config = { access: 'national-admin' } as const;

/**
 * The national team's pages: framework versions (publish one), uptake counts, benchmark distributions and each
 * partnership's region. None shows a partnership's own results.
 */
export function registerNationalContent(app: FastifyInstance, services: Services): void {
  const frameworkPage = async (errors?: Record<string, string>, flash?: string) => ({
    title: 'Framework versions',
    versions: await services.national.frameworkVersions(),
    errors: errors && formErrors(errors),
    flash,
    backLink: { href: '/national', text: 'Back to the national view' },
  });

  app.get('/national/framework', { config }, async (request, reply) => {
    const published = text(request.query, 'published');
    return reply.page(
      'national/framework.njk',
      await frameworkPage(undefined, published ? `Version ${published} is published.` : undefined),
    );
  });

  app.post('/national/framework/publish', { config }, async (request, reply) => {
    const version = text(request.body, 'version');
    try {
      await services.national.publishFramework(version, actorOf(request));
      return reply.redirect(`/national/framework?published=${encodeURIComponent(version)}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.page('national/framework.njk', await frameworkPage(error.fields), 400);
    }
  });

  app.get('/national/uptake', { config }, async (_request, reply) => {
    const uptake = await services.national.uptake();
    return reply.page('national/uptake.njk', {
      title: 'Uptake',
      uptake,
      councilTypes: [
        ...councilTypes.map((t) => ({ key: t, label: councilTypeLabels[t] })),
        { key: 'unknown', label: 'Other or unknown' },
      ],
      respondents: uptake.respondents.map((r) => ({
        label: groupKindLabels[r.groupKind as GroupKind] ?? r.groupKind,
        submitted: r.submitted === 'fewer-than-minimum' ? 'Fewer than 5' : String(r.submitted),
      })),
      backLink: { href: '/national', text: 'Back to the national view' },
    });
  });

  app.get('/national/benchmarks', { config }, async (request, reply) => {
    const filter = readFilter(request.query);
    const benchmark = await services.national.benchmark(filter);
    return reply.page('national/benchmarks.njk', {
      title: 'National benchmarks',
      filters: filterItems(filter),
      action: '/national/benchmarks',
      benchmark,
      tableRows: benchmarkTableRows(benchmark.rows),
      chartSvg: benchmarkPrincipleChart(benchmark.rows, false),
      withheld: withheldCount(benchmark.rows),
      backLink: { href: '/national', text: 'Back to the national view' },
    });
  });

  const regionPage = async (slug: string, value?: string, errors?: Record<string, string>) => {
    const partnership = await services.partnerships.findBySlug(slug);
    if (!partnership) return undefined;
    const profile = await services.national.profile(partnership);
    const selected = value ?? profile.region ?? '';
    return {
      title: `Region for ${partnership.name}`,
      partnership,
      items: [
        { value: '', text: 'Not recorded', selected: selected === '' },
        ...regions.map((r) => ({ value: r, text: r, selected: selected === r })),
      ],
      errors: errors && formErrors(errors),
      backLink: { href: '/national', text: 'Back to the national view' },
    };
  };

  app.get<{ Params: { slug: string } }>(
    '/national/partnerships/:slug/region',
    { config },
    async (request, reply) => {
      const page = await regionPage(request.params.slug);
      return page ? reply.page('national/region.njk', page) : reply.callNotFound();
    },
  );

  app.post<{ Params: { slug: string } }>(
    '/national/partnerships/:slug/region',
    { config },
    async (request, reply) => {
      const region = text(request.body, 'region');
      try {
        await services.national.setRegion(request.params.slug, region, actorOf(request));
        return reply.redirect('/national', 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const page = await regionPage(request.params.slug, region, error.fields);
        return page ? reply.page('national/region.njk', page, 400) : reply.callNotFound();
      }
    },
  );
}

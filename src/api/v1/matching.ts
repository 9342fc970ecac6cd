import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { serviceLoads, unmetByAreaAndTheme, unmetByTheme } from '../../app/matching/run-results.js';
import type { Services } from '../../app/services.js';
import { roleAllows } from '../../domain/accounts/roles.js';
import { sendProblem } from '../problem.js';

const notFound = (reply: FastifyReply) =>
  sendProblem(reply, 404, 'There is no such partnership or allocation run.', { label: 'Not found' });
const api = { config: { access: 'api' } } as const;

const runBody = z.object({
  themes: z.array(z.string()).optional(),
  maxKm: z.number().optional(),
});

const invalid = (reply: FastifyReply, errors: Readonly<Record<string, string>>) =>
  sendProblem(reply, 400, Object.values(errors).join('; '), {
    label: 'Invalid request',
    extensions: { fields: errors },
  });

/**
 * Matching over the v1 API: "who can help" for one need, and allocation runs (start one, read one back). Members
 * of the partnership may read; admins and council members may start runs, as on the pages.
 */
export function registerMatchingApi(app: FastifyInstance, services: Services): void {
  const accessFor = async (request: FastifyRequest) => {
    const user = request.apiUser;
    if (!user) throw new Error('token was not checked');
    const { slug } = request.params as { slug: string };
    return services.partnerships.access(user, slug);
  };

  app.get('/api/v1/partnerships/:slug/who-can-help', api, async (request, reply) => {
    const access = await accessFor(request);
    if (!access) return notFound(reply);
    const q = request.query as Record<string, unknown>;
    const pick = (name: string) => (typeof q[name] === 'string' ? q[name] : undefined);
    const result = await services.matching.whoCanHelp(access.partnership, {
      need: pick('need'),
      area: pick('area'),
      postcode: pick('postcode'),
      theme: pick('theme'),
      age: pick('age'),
      language: pick('language'),
      access: pick('access'),
      maxKm: pick('maxKm'),
    });
    if (!result.ok) return invalid(reply, result.errors);
    return {
      theme: result.target.theme,
      about: result.target.label,
      areaCode: result.target.areaCode,
      maxKm: result.maxKm,
      reachRule: result.reachRule,
      ranked: result.ranking.ranked,
      leftOut: result.ranking.leftOut,
      beyondReach: result.beyondReach,
      organisations: result.organisations,
    };
  });

  app.post('/api/v1/partnerships/:slug/matching/runs', api, async (request, reply) => {
    const access = await accessFor(request);
    if (!access) return notFound(reply);
    if (!roleAllows(access.membership.role, 'run-matching'))
      return sendProblem(
        reply,
        403,
        'Only partnership admins and council members can start an allocation run.',
        { label: 'Forbidden' },
      );
    const body = runBody.safeParse(request.body ?? {});
    if (!body.success)
      return invalid(reply, {
        body: 'Send JSON like {"themes": ["food"]}, with "maxKm": 5 to ask everyone to travel at most 5 km',
      });
    const themes = body.data.themes ?? [
      ...new Set((await services.store.needs.listForPartnership(access.partnership.id)).map((n) => n.theme)),
    ];
    const user = request.apiUser;
    const result = await services.matching.start(
      access.partnership,
      { themes, maxKm: body.data.maxKm },
      { userId: user?.id ?? null, label: user?.displayName ?? 'API' },
    );
    if (!result.ok) return invalid(reply, result.errors);
    const { inputJson: _input, resultJson: _result, ...summary } = result.run;
    return reply
      .code(201)
      .header('location', `/api/v1/partnerships/${access.partnership.slug}/matching/runs/${summary.id}`)
      .send({ run: summary });
  });

  app.get('/api/v1/partnerships/:slug/matching/runs/:runId', api, async (request, reply) => {
    const access = await accessFor(request);
    const { runId } = request.params as { runId: string };
    const run = access && (await services.matching.open(access.partnership, runId));
    if (!run) return notFound(reply);
    const rows = unmetByAreaAndTheme(run.input, run.allocation);
    const a = run.allocation;
    return {
      run: run.summary,
      assumptions: run.input.assumptions,
      totals: {
        units: a.allocatedUnits + a.unmetUnits,
        allocated: a.allocatedUnits,
        unmet: a.unmetUnits,
        travelKm: a.travelKm,
        cost: a.cost,
        greedyCost: a.greedyCost,
        greedyUnmet: a.greedyUnmetUnits,
        unmetPenalty: a.unmetPenalty,
      },
      unmetByTheme: unmetByTheme(rows, run.input),
      unmetByAreaAndTheme: rows,
      loads: serviceLoads(run.input, a),
    };
  });
}

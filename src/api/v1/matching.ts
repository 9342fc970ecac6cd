import type { FastifyReply, FastifyRequest } from 'fastify';
import { serviceLoads, unmetByAreaAndTheme, unmetByTheme } from '../../app/matching/run-results.js';
import type { Services } from '../../app/services.js';
import { roleAllows } from '../../domain/accounts/roles.js';
import { sendProblem } from '../problem.js';
import type { ApiV1Instance } from './instance.js';
import { invalidRequest, jsonResponse, problemResponse, unauthorised } from './schemas/common.js';
import {
  matchingRun,
  matchingRunCreated,
  matchingRunRequest,
  partnershipParams,
  runParams,
  whoCanHelpQuery,
  whoCanHelpResponse,
} from './schemas/matching.js';

const notFound = (reply: FastifyReply) =>
  sendProblem(reply, 404, 'There is no such partnership or allocation run.', { label: 'Not found' });
const notMember = problemResponse(
  'No such partnership (or run), or the token’s owner is not a member of the partnership',
);
// A request that fails its schema still reaches the handler, which answers it as it did before the schemas.
const api = { config: { access: 'api' }, attachValidation: true } as const;

const invalid = (reply: FastifyReply, errors: Readonly<Record<string, string>>) =>
  sendProblem(reply, 400, Object.values(errors).join('; '), {
    label: 'Invalid request',
    extensions: { fields: errors },
  });

/**
 * Matching over the v1 API: "who can help" for one need, and allocation runs (start one, read one back). Members
 * of the partnership may read; admins and council members may start runs, as on the pages.
 */
export function registerMatchingApi(app: ApiV1Instance, services: Services): void {
  const accessFor = async (request: FastifyRequest) => {
    const user = request.apiUser;
    if (!user) throw new Error('token was not checked');
    const { slug } = request.params as { slug: string };
    return services.partnerships.access(user, slug);
  };

  app.get(
    '/api/v1/partnerships/:slug/who-can-help',
    {
      ...api,
      schema: {
        summary: 'Services ranked for one need, with reasons, and those left out with theirs',
        description:
          'Give a need id, or an area code and theme, or a postcode and theme. Age, language and access needs narrow the list. For members of the partnership.',
        operationId: 'whoCanHelp',
        params: partnershipParams,
        querystring: whoCanHelpQuery,
        response: {
          200: jsonResponse('The ranking', whoCanHelpResponse),
          400: invalidRequest,
          401: unauthorised,
          404: notMember,
        },
      },
    },
    async (request, reply) => {
      const access = await accessFor(request);
      if (!access) return notFound(reply);
      // The use-case checks every parameter; a repeated one (an array) counts as absent, as before.
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
    },
  );

  app.post(
    '/api/v1/partnerships/:slug/matching/runs',
    {
      ...api,
      schema: {
        summary: 'Run and save an allocation of the needs register to services',
        description: 'For partnership admins and council members.',
        operationId: 'startMatchingRun',
        params: partnershipParams,
        body: matchingRunRequest,
        response: {
          201: jsonResponse('The saved run', matchingRunCreated),
          400: invalidRequest,
          401: unauthorised,
          403: problemResponse('The token’s owner may not start runs in this partnership'),
          404: notMember,
        },
      },
    },
    async (request, reply) => {
      const access = await accessFor(request);
      if (!access) return notFound(reply);
      if (!roleAllows(access.membership.role, 'run-matching'))
        return sendProblem(
          reply,
          403,
          'Only partnership admins and council members can start an allocation run.',
          { label: 'Forbidden' },
        );
      if (request.validationError)
        return invalid(reply, {
          body: 'Send JSON like {"themes": ["food"]}, with "maxKm": 5 to ask everyone to travel at most 5 km',
        });
      const body = request.body ?? {};
      const themes = body.themes ?? [
        ...new Set(
          (await services.store.needs.listForPartnership(access.partnership.id)).map((n) => n.theme),
        ),
      ];
      const user = request.apiUser;
      const result = await services.matching.start(
        access.partnership,
        { themes, maxKm: body.maxKm },
        { userId: user?.id ?? null, label: user?.displayName ?? 'API' },
      );
      if (!result.ok) return invalid(reply, result.errors);
      const { inputJson: _input, resultJson: _result, ...summary } = result.run;
      return reply
        .code(201)
        .header('location', `/api/v1/partnerships/${access.partnership.slug}/matching/runs/${summary.id}`)
        .send({ run: summary });
    },
  );

  app.get(
    '/api/v1/partnerships/:slug/matching/runs/:runId',
    {
      ...api,
      schema: {
        summary: 'A saved allocation run: totals, unmet need by theme and by area, each service’s load',
        operationId: 'getMatchingRun',
        params: runParams,
        response: { 200: jsonResponse('The run', matchingRun), 401: unauthorised, 404: notMember },
      },
    },
    async (request, reply) => {
      const access = await accessFor(request);
      const run = access && (await services.matching.open(access.partnership, request.params.runId));
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
    },
  );
}

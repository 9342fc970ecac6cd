import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import { sendProblem } from '../problem.js';

const notFound = 'There is no such partnership or round.';

/**
 * A round's aggregated results as JSON, for members of its partnership. The results omit every figure of a
 * group below the anonymity threshold and never include individual answers.
 */
export function registerRoundResultsApi(app: FastifyInstance, services: Services): void {
  app.get(
    '/api/v1/partnerships/:slug/rounds/:roundId/results',
    { config: { access: 'api' } },
    async (request, reply) => {
      const user = request.apiUser;
      if (!user) throw new Error('token was not checked');
      const { slug, roundId } = request.params as { slug: string; roundId: string };
      const access = await services.partnerships.access(user, slug);
      const view = access && (await services.assessments.find(access.partnership.id, roundId));
      if (!view) return sendProblem(reply, 404, notFound, { label: 'Not found' });
      const { results, previous } = await services.assessments.results(view);
      const { round } = view;
      return {
        round: {
          id: round.id,
          name: round.name,
          kind: round.kind,
          status: view.status,
          threshold: round.threshold,
          frameworkVersion: round.frameworkVersion,
        },
        results,
        trends: previous
          ? { previousRound: { id: previous.round.id, name: previous.round.name }, ...previous.comparison }
          : null,
      };
    },
  );
}

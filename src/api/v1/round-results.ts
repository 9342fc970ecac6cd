import type { Services } from '../../app/services.js';
import { sendProblem } from '../problem.js';
import type { ApiV1Instance } from './instance.js';
import { jsonResponse, problemResponse, unauthorised } from './schemas/common.js';
import { roundResultsParams, roundResultsResponse } from './schemas/round-results.js';

const notFound = 'There is no such partnership or round.';

const schema = {
  summary: 'A round’s aggregated results, with trends against the previous round',
  description:
    'For members of the partnership only. Results are aggregated: there are no individual answers, comments are pooled per side and unattributed, and a group below the anonymity threshold appears only with how many more responses it needs.',
  operationId: 'getRoundResults',
  params: roundResultsParams,
  response: {
    200: jsonResponse('The round and its results', roundResultsResponse),
    401: unauthorised,
    404: problemResponse(
      'No such partnership or round, or the token’s owner is not a member of the partnership',
    ),
  },
};

/**
 * A round's aggregated results as JSON, for members of its partnership. The results omit every figure of a
 * group below the anonymity threshold and never include individual answers.
 */
export function registerRoundResultsApi(app: ApiV1Instance, services: Services): void {
  app.get(
    '/api/v1/partnerships/:slug/rounds/:roundId/results',
    { config: { access: 'api' }, schema },
    async (request, reply) => {
      const user = request.apiUser;
      if (!user) throw new Error('token was not checked');
      const { slug, roundId } = request.params;
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

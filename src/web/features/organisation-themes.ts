import { csvText } from '../../domain/shared/csv-text.js';
import type { FastifyInstance } from 'fastify';
import { organisationExportColumns, type ThemeDecision } from '../../app/directory/organisation-themes.js';
import { ValidationError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { text } from '../forms.js';
import { guardCell } from '../view-models/spreadsheet-cell.js';
import { accessOf, actorOf } from './members.js';

const member = { access: { partnership: 'member' } } as const;
const edit = { access: { partnership: 'edit' } } as const;
const manage = { access: { partnership: 'manage-organisations' } } as const;

const decisions: readonly ThemeDecision[] = ['confirm', 'reject', 'add'];
const isDecision = (value: string): value is ThemeDecision =>
  (decisions as readonly string[]).includes(value);

/** Members confirm, set aside or add an organisation's themes; the organisations CSV with its themes. */
export function registerOrganisationThemes(app: FastifyInstance, services: Services): void {
  app.post(
    '/p/:slug/directory/organisations/:organisationId/themes',
    { config: edit },
    async (request, reply) => {
      const { partnership, membership } = accessOf(request);
      const { organisationId } = request.params as { organisationId: string };
      const user = request.live?.user;
      if (!user) throw new ValidationError({ form: 'Sign in again to change this organisation’s themes' });
      const decision = text(request.body, 'decision');
      const theme = text(request.body, 'theme');
      const back = `/p/${partnership.slug}/directory/organisations/${organisationId}`;
      if (!isDecision(decision) || theme === '') {
        await services.directory.organisation(partnership.id, organisationId); // another partnership's: not found
        return reply.redirect(`${back}#organisation-themes`, 303);
      }
      await services.organisationThemes.decide(
        partnership.id,
        organisationId,
        theme,
        decision,
        membership,
        user,
        actorOf(request),
      );
      return reply.redirect(`${back}?done=themes#organisation-themes`, 303);
    },
  );

  app.post('/p/:slug/organisations/themes', { config: manage }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const report = await services.organisationThemes.reclassify(partnership.id, actorOf(request));
    return reply.redirect(
      `/p/${partnership.slug}/organisations?classified=${report.withThemes}-${report.organisations}`,
      303,
    );
  });

  app.get('/p/:slug/organisations.csv', { config: member }, async (request, reply) => {
    const { partnership } = accessOf(request);
    // Like the directory's download, each row names the partnership, so a file that travels says whose it is.
    const rows = (await services.organisationThemes.exportRows(partnership.id)).map((row) =>
      [...row, partnership.name].map(guardCell),
    );
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${partnership.slug}-organisations.csv"`)
      .header('cache-control', 'private, no-store')
      .send(csvText([[...organisationExportColumns, 'partnership'], ...rows], { bom: true }));
  });
}

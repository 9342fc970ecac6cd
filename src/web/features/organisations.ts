import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { roleAllows } from '../../domain/accounts/roles.js';
import { organisationKindLabels, organisationKinds } from '../../domain/partnerships/organisation-kinds.js';
import { formErrors, text } from '../forms.js';
import { accessOf, actorOf } from './members.js';

const kindItems = (selected?: string) =>
  organisationKinds.map((kind) => ({
    value: kind,
    text: organisationKindLabels[kind],
    checked: kind === selected,
  }));

export function registerOrganisations(app: FastifyInstance, services: Services): void {
  app.get(
    '/p/:slug/organisations',
    { config: { access: { partnership: 'member' } } },
    async (request, reply) => {
      const { partnership, membership } = accessOf(request);
      const organisations = await services.organisations.list(partnership.id);
      const themes = await services.organisationThemes.byOrganisation(partnership.id);
      const themeNames = new Map(services.directory.themes.themes.map((t) => [t.id, t.name]));
      const classified = (request.query as { classified?: string }).classified;
      return reply.page('organisations/list.njk', {
        title: 'Organisations',
        organisations: organisations.map((o) => ({
          ...o,
          kindLabel: organisationKindLabels[o.kind],
          themes: (themes.get(o.id) ?? []).map((id) => themeNames.get(id) ?? id).join(', '),
        })),
        canAdd: roleAllows(membership.role, 'manage-organisations'),
        classified: classified && /^\d+-\d+$/.test(classified) ? classified.split('-') : undefined,
      });
    },
  );

  const manage = { access: { partnership: 'manage-organisations' } } as const;

  app.get('/p/:slug/organisations/new', { config: manage }, async (request, reply) =>
    reply.page('organisations/new.njk', {
      title: 'Add an organisation',
      values: {},
      kinds: kindItems(),
      backLink: { href: `/p/${accessOf(request).partnership.slug}/organisations` },
    }),
  );

  app.post('/p/:slug/organisations/new', { config: manage }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const values = {
      name: text(request.body, 'name'),
      kind: text(request.body, 'kind'),
      identifier: text(request.body, 'identifier'),
    };
    try {
      await services.organisations.add(partnership.id, values, actorOf(request));
      return reply.redirect(`/p/${partnership.slug}/organisations`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.page(
        'organisations/new.njk',
        {
          title: 'Add an organisation',
          values,
          kinds: kindItems(values.kind),
          errors: formErrors(error.fields),
          backLink: { href: `/p/${partnership.slug}/organisations` },
        },
        400,
      );
    }
  });
}

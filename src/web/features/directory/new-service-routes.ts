import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, ValidationError } from '../../../app/errors.js';
import type { Services } from '../../../app/services.js';
import { openingTimesFormFor, type OpeningTimesForm } from '../../../domain/directory/opening-times-form.js';
import { blankPlace, type PlaceForm } from '../../../domain/directory/place-form.js';
import type { ServiceForm } from '../../../domain/directory/service-form.js';
import { formErrors, text } from '../../forms.js';
import { detailsItems, formFromBody, signedInUser } from './service-form.js';
import { openingDays, openingTimesFromBody, placeBoxes, placesFromBody } from './form-boxes.js';
import { accessOf, actorOf } from '../members.js';

const edit = { access: { partnership: 'edit' } } as const;

/** Self-service for the organisations in the directory: adding a service, with its first place and times. */
export function registerNewService(app: FastifyInstance, services: Services): void {
  const themes = () => services.directory.themes.themes;

  const showNewForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: ServiceForm & { organisationId: string },
    place: PlaceForm,
    openingTimes: OpeningTimesForm,
    errors?: ReturnType<typeof formErrors>,
  ) => {
    const { partnership, membership } = accessOf(request);
    const organisations = await services.directory.organisationsForNewService(partnership.id, membership);
    const base = `/p/${partnership.slug}/directory`;
    return reply.page(
      'directory/new.njk',
      {
        title: 'Add a service',
        action: `${base}/services/new`,
        values,
        ...detailsItems(themes(), values),
        organisationItems: [
          ...(organisations.length > 1 ? [{ value: '', text: 'Select an organisation' }] : []),
          ...organisations.map((o) => ({
            value: o.id,
            text: o.name,
            selected: o.id === values.organisationId,
          })),
        ],
        places: placeBoxes([place], 'Where is it? (optional)'),
        openingLegend: 'When is it open? (optional)',
        openingDays: openingDays(openingTimes),
        errors,
        backLink: { href: base, text: 'Directory of services' },
      },
      errors ? 400 : 200,
    );
  };

  app.get('/p/:slug/directory/services/new', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const organisations = await services.directory.organisationsForNewService(partnership.id, membership);
    if (organisations.length === 0) {
      throw new ForbiddenError(
        'Only members of an organisation in the partnership, or a partnership admin, can add services.',
      );
    }
    const organisationId =
      text(request.query, 'organisation') ||
      (organisations.length === 1 ? (organisations[0]?.id ?? '') : (membership.organisationId ?? ''));
    const values = { ...formFromBody({ status: 'active' }), organisationId };
    return showNewForm(request, reply, values, blankPlace, openingTimesFormFor([]));
  });

  app.post('/p/:slug/directory/services/new', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const form = formFromBody(request.body);
    const organisationId = text(request.body, 'organisationId');
    const place = placesFromBody(request.body)[0] ?? blankPlace;
    const openingTimes = openingTimesFromBody(request.body);
    try {
      const added = await services.directory.add(
        partnership.id,
        membership,
        signedInUser(request),
        { organisationId, form, place, openingTimes },
        actorOf(request),
      );
      return reply.redirect(`/p/${partnership.slug}/directory/services/${added.id}?done=added`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showNewForm(
        request,
        reply,
        { ...form, organisationId },
        place,
        openingTimes,
        formErrors(error.fields),
      );
    }
  });
}
